import { Card, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';
import type { FieldChangeView, RecordChangeView } from './register-types';

const SOURCE_COLOURS: Record<string, string> = { console: 'blue', import: 'purple', merge: 'orange', api: 'geekblue', visit: 'cyan' };
/** A value of a change as the user reads it; '' for none, shown as （空）. */
export type ShownValue = (field: string, value: unknown) => string;
/** A change's field as the user reads it: the server names it in Chinese, the console in its language. */
export type ShownHeader = (change: FieldChangeView) => string;

interface ShownProps {
  shownHeader: ShownHeader;
  shownValue: ShownValue;
}

function ChangeLine({ change, shownHeader, shownValue }: ShownProps & { change: FieldChangeView }) {
  const { t } = useI18n();
  const before = shownValue(change.field, change.before);
  const after = shownValue(change.field, change.after);
  return (
    <Flex gap={6} wrap align="baseline" data-testid="record-change" data-field={change.field}>
      <Typography.Text strong>{shownHeader(change)}</Typography.Text>
      <Typography.Text type="secondary" delete={before !== ''}>
        {before || t('history.none')}
      </Typography.Text>
      <span>→</span>
      <Typography.Text>{after || t('history.none')}</Typography.Text>
    </Flex>
  );
}

/** The oldest write, when it set every field from nothing: what the record was created with, one "header value" after another. */
function CreatedValues({ changes, shownHeader, shownValue }: ShownProps & { changes: FieldChangeView[] }) {
  const { t } = useI18n();
  return (
    <Flex gap="2px 14px" wrap data-testid="record-created-values">
      {changes.map((change) => (
        <span key={change.field}>
          <Typography.Text type="secondary">{shownHeader(change)} </Typography.Text>
          {shownValue(change.field, change.after) || t('history.none')}
        </span>
      ))}
    </Flex>
  );
}

interface ChangeTimelineProps extends ShownProps {
  /** newest first, as the server lists them; null while loading */
  entries: RecordChangeView[] | null;
}

/** 变更记录: who changed which field of a record when, from what to what. */
export function ChangeTimeline({ entries, shownHeader, shownValue }: ChangeTimelineProps) {
  const { t, lookup } = useI18n();
  return (
    <Card size="small" title={entries ? t('history.titleCount', { count: entries.length }) : t('history.title')} data-testid="record-history">
      {entries === null ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={entries.map((entry, index) => ({
            key: entry.id,
            color: index === 0 ? 'blue' : 'gray',
            content: (
              <Flex vertical gap={4} data-testid="record-history-entry">
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{entry.changedBy?.name ?? t('history.system')}</Typography.Text>
                  <Tag color={SOURCE_COLOURS[entry.source] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                    {lookup(`history.source.${entry.source}`, entry.sourceLabel)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.changedAt)}
                  </Typography.Text>
                </Flex>
                {index === entries.length - 1 && entry.changes.every((change) => change.before === null) ? (
                  <CreatedValues changes={entry.changes} shownHeader={shownHeader} shownValue={shownValue} />
                ) : (
                  entry.changes.map((change) => <ChangeLine key={change.field} change={change} shownHeader={shownHeader} shownValue={shownValue} />)
                )}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
