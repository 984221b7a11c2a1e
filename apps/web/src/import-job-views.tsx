import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Result, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type Translate } from './i18n/i18n-context';
import { serverText } from './i18n/server-text';
import { importApi } from './person-api';
import type { ImportJob, ImportRowError, ImportStatus } from './register-types';

const STATUS_COLOURS: Record<ImportStatus, string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' };

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { lookup } = useI18n();
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{lookup(`import.status.${status}`, status)}</Tag>;
}

function Counts({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const counts: { key: 'inserted' | 'updated' | 'unchanged' | 'invalid'; value: number; color?: string }[] = [
    { key: 'inserted', value: job.insertedRows, color: '#389e0d' },
    { key: 'updated', value: job.updatedRows, color: '#1677ff' },
    { key: 'unchanged', value: job.unchangedRows },
    { key: 'invalid', value: job.invalidRows, color: job.invalidRows > 0 ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={16} data-testid="import-counts">
      {counts.map((count) => (
        <Col key={count.key} span={6}>
          <Card size="small" data-count={count.key}>
            <Statistic title={t(`import.count.${count.key}`)} value={count.value} suffix={t('import.rows')} styles={{ content: { color: count.color } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function progressText(job: ImportJob | null, t: Translate): string {
  if (!job || job.status === 'queued') return t('import.progress.queued', { file: job?.fileName ?? t('import.aFile') });
  if (job.phase === 'writing') return t('import.progress.writing', { file: job.fileName, rows: job.processedRows });
  return t('import.progress.reading', { file: job.fileName, rows: job.processedRows });
}

/** Step 2: how far the server has got (by the bytes read: the row count is known only at the end), with the counts so far. */
export function ImportProgress({ job, problem }: { job: ImportJob | null; problem: string | null }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={20} data-testid="import-progress">
      <Flex vertical gap={4}>
        <Typography.Text>{progressText(job, t)}</Typography.Text>
        <Progress percent={Math.floor((job?.progress ?? 0) * 100)} status="active" />
      </Flex>
      {job && <Counts job={job} />}
      {problem && <Alert type="warning" showIcon title={t('import.progressProblem', { problem })} />}
      <Typography.Text type="secondary">{t('import.background')}</Typography.Text>
    </Flex>
  );
}

/** "证件号码：校验码不正确" beside the column 证件号码 need not name it twice (nor "idNumber: …" beside idNumber). */
function withoutColumn(message: string, column: string | null): string {
  if (!column) return message;
  for (const prefix of [`${column}：`, `${column}: `]) if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}

const errorColumns = (t: Translate): TableColumnsType<ImportRowError> => [
  { key: 'row', title: t('import.error.row'), dataIndex: 'row', width: 80 },
  { key: 'column', title: t('import.error.column'), dataIndex: 'column', width: 140, render: (column: string | null) => column ?? '—' },
  { key: 'value', title: t('import.error.value'), dataIndex: 'value', width: 220, ellipsis: true, render: (value: string | null) => value ?? '' },
  {
    key: 'message',
    title: t('import.error.problem'),
    dataIndex: 'message',
    render: (message: string, error) => serverText(withoutColumn(message, error.column)),
  },
];

function outcome(job: ImportJob, t: Translate): { status: 'success' | 'warning' | 'error'; title: string; subTitle: ReactNode } {
  const written = job.insertedRows + job.updatedRows + job.unchangedRows;
  if (job.status === 'failed') {
    const allOrNothing = job.mode === 'all_or_nothing' && job.invalidRows > 0;
    return {
      status: 'error',
      title: t('import.failed'),
      subTitle: job.message ? serverText(job.message) : allOrNothing ? t('import.failedAllOrNothing', { count: job.invalidRows }) : undefined,
    };
  }
  if (job.invalidRows > 0) {
    return { status: 'warning', title: t('import.partial', { written, invalid: job.invalidRows }), subTitle: t('import.partialHint') };
  }
  return { status: 'success', title: t('import.succeeded', { count: written }), subTitle: undefined };
}

/** Step 3: what the import did, and every refused row with its column and the problem, as on screen so in the report. */
export function ImportResult({ job, actions }: { job: ImportJob; actions: ReactNode }) {
  const { t } = useI18n();
  const { status, title, subTitle } = outcome(job, t);
  const errors = job.errors ?? [];
  const reportUrl = job.errorReportUrl ?? importApi.errorReportUrl(job.id);
  return (
    <Flex vertical gap={16} data-testid="import-result" data-status={job.status}>
      <Result status={status} title={title} subTitle={subTitle} extra={actions} style={{ padding: '16px 0' }} />
      {job.warnings.map((warning, index) => (
        <Alert key={`${warning.code}-${index}`} type="warning" showIcon title={serverText(warning.message)} />
      ))}
      <Counts job={job} />
      {job.errorCount > 0 && (
        <Card
          size="small"
          title={
            job.errorCount > job.invalidRows
              ? t('import.errorsMany', { rows: job.invalidRows, errors: job.errorCount })
              : t('import.errors', { rows: job.invalidRows })
          }
          extra={
            <Button icon={<DownloadOutlined />} href={reportUrl} download data-testid="import-error-report">
              {t('import.downloadReport')}
            </Button>
          }
        >
          <Table<ImportRowError>
            rowKey={(error) => `${error.row}-${error.column ?? ''}-${error.message}`}
            size="small"
            columns={errorColumns(t)}
            dataSource={errors}
            pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (count) => t('common.total', { count }) } : false}
            data-testid="import-errors"
          />
          {errors.length < job.errorCount && (
            <Typography.Text type="secondary">{t('import.firstErrors', { count: errors.length })}</Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}
