import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Table, Typography, type GetProps, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import type { AuditEntry, AuditFilter } from './api-types';
import { ADMIN_ROUTES } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n, type Translate } from './i18n/i18n-context';
import { useErrorMessage } from './use-error-message';

const PAGE_SIZE = 50;
const AUDIT_ROUTE = ADMIN_ROUTES.find((route) => route.path === '/admin/audit-log')!;

interface FilterForm {
  range?: GetProps<typeof DatePicker.RangePicker>['value'];
  actorUsername?: string;
  action?: string;
  targetTable?: string;
  targetId?: number | null;
}

/** The form's values as the server's filter: whole days, the last one included. */
function filterOf(values: FilterForm): AuditFilter {
  const [first, last] = values.range ?? [];
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    from: first?.startOf('day').toISOString(),
    to: last?.add(1, 'day').startOf('day').toISOString(),
    actorUsername: text(values.actorUsername),
    action: text(values.action),
    targetTable: text(values.targetTable),
    targetId: values.targetId ?? undefined,
  };
}

function actorOf(entry: AuditEntry, t: Translate): string {
  if (entry.actorUsername) return t('audit.actorNamed', { name: entry.actorDisplayName ?? entry.actorUsername, username: entry.actorUsername });
  if (entry.actorApiTokenName) return t('audit.tokenActor', { name: entry.actorApiTokenName });
  // Sign-in attempts are made before there is anyone signed in; the username tried is in the details.
  return t('audit.anonymous');
}

const columnsOf = (t: Translate): TableColumnsType<AuditEntry> => [
  { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at) },
  { key: 'actor', title: t('audit.actor'), width: 240, render: (_value, entry) => actorOf(entry, t) },
  { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 300, render: (action: string) => <span className="monospace">{action}</span> },
  {
    key: 'target',
    title: t('audit.target'),
    render: (_value, entry) => (entry.targetTable ? `${entry.targetTable}${entry.targetId === null ? '' : ` #${entry.targetId}`}` : '—'),
  },
  { key: 'reason', title: t('audit.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—', ellipsis: true },
  { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
];

/** 审计日志: who did what and when, newest first, paged by the id of the last row shown. */
export function AuditLogPage() {
  const reportError = useErrorMessage();
  const [form] = Form.useForm<FilterForm>();
  const { t, routeLabel } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [searches, setSearches] = useState(0);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    adminApi
      .searchAuditLog(filter, { limit: PAGE_SIZE }, controller.signal)
      .then((page) => {
        setEntries(page);
        setHasMore(page.length === PAGE_SIZE);
      })
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [filter, searches, reportError]);

  const loadMore = useCallback(async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const page = await adminApi.searchAuditLog(filter, { limit: PAGE_SIZE, beforeId: last.id });
      setEntries((current) => [...current, ...page]);
      setHasMore(page.length === PAGE_SIZE);
    } catch (error) {
      reportError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [entries, filter, reportError]);

  const search = (values: FilterForm) => {
    setFilter(filterOf(values));
    // Searching again with the same filter still fetches: new entries may have arrived.
    setSearches((count) => count + 1);
  };

  return (
    <AdminPageFrame
      title={routeLabel(AUDIT_ROUTE)}
      description={t('audit.description')}
      actions={
        <Button icon={<DownloadOutlined />} href={adminApi.auditLogCsvUrl(filter)} download="audit-log.csv">
          {t('audit.exportCsv')}
        </Button>
      }
    >
      <Card>
        <Form form={form} layout="inline" onFinish={search} className="audit-filter" data-testid="audit-filter">
          <Form.Item name="range" label={t('audit.at')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="actorUsername" label={t('audit.actor')}>
            <Input placeholder={t('audit.username')} allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input placeholder={t('audit.actionPlaceholder')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="targetTable" label={t('audit.targetTable')}>
            <Input placeholder={t('audit.targetTablePlaceholder')} allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="targetId" label={t('audit.targetId')}>
            <InputNumber min={1} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('audit.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  search({});
                }}
              >
                {t('audit.reset')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          columns={columnsOf(t)}
          dataSource={entries}
          loading={loading}
          size="middle"
          pagination={false}
          expandable={{
            expandedRowRender: (entry) => <pre className="audit-details">{JSON.stringify(entry.details, null, 2)}</pre>,
          }}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
        />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('audit.shown', { count: entries.length })}</Typography.Text>
          {hasMore && (
            <Button onClick={loadMore} loading={loadingMore}>
              {t('audit.more')}
            </Button>
          )}
        </Flex>
      </Card>
    </AdminPageFrame>
  );
}
