import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Result, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { importApi } from './person-api';
import type { ImportJob, ImportRowError, ImportStatus } from './register-types';

export const IMPORT_STATUS_LABELS: Record<ImportStatus, { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '导入中', color: 'processing' },
  succeeded: { label: '已完成', color: 'success' },
  failed: { label: '未导入', color: 'error' },
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const shown = IMPORT_STATUS_LABELS[status] ?? { label: status, color: 'default' };
  return <Tag color={shown.color}>{shown.label}</Tag>;
}


function Counts({ job }: { job: ImportJob }) {
  const counts: { key: string; title: string; value: number; color?: string }[] = [
    { key: 'inserted', title: '新增', value: job.insertedRows, color: '#389e0d' },
    { key: 'updated', title: '更新', value: job.updatedRows, color: '#1677ff' },
    { key: 'unchanged', title: '未变', value: job.unchangedRows },
    { key: 'invalid', title: '错误', value: job.invalidRows, color: job.invalidRows > 0 ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={16} data-testid="import-counts">
      {counts.map((count) => (
        <Col key={count.key} span={6}>
          <Card size="small" data-count={count.key}>
            <Statistic title={count.title} value={count.value} suffix="行" styles={{ content: { color: count.color } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function progressText(job: ImportJob | null): string {
  if (!job || job.status === 'queued') return `${job?.fileName ?? '文件'} 已上传，等待导入…`;
  if (job.phase === 'writing') return `正在写入 ${job.fileName}：共 ${job.processedRows} 行，正在保存…`;
  return `正在读取 ${job.fileName}：已检查 ${job.processedRows} 行`;
}

/** Step 2: how far the server has got (by the bytes read: the row count is known only at the end), with the counts so far. */
export function ImportProgress({ job, problem }: { job: ImportJob | null; problem: string | null }) {
  return (
    <Flex vertical gap={20} data-testid="import-progress">
      <Flex vertical gap={4}>
        <Typography.Text>{progressText(job)}</Typography.Text>
        <Progress percent={Math.floor((job?.progress ?? 0) * 100)} status="active" />
      </Flex>
      {job && <Counts job={job} />}
      {problem && <Alert type="warning" showIcon title={`暂时无法获取进度：${problem}`} />}
      <Typography.Text type="secondary">导入在服务器上进行，离开此页不会中断；可在下方“我的导入”中查看结果。</Typography.Text>
    </Flex>
  );
}

const errorColumns: TableColumnsType<ImportRowError> = [
  { key: 'row', title: '行号', dataIndex: 'row', width: 80 },
  { key: 'column', title: '列', dataIndex: 'column', width: 140, render: (column: string | null) => column ?? '—' },
  { key: 'value', title: '填写的值', dataIndex: 'value', width: 220, ellipsis: true, render: (value: string | null) => value ?? '' },
  {
    key: 'message',
    title: '问题',
    dataIndex: 'message',
    // "证件号码：校验码不正确" beside the column 证件号码 need not name it twice.
    render: (message: string, error) => (error.column && message.startsWith(`${error.column}：`) ? message.slice(error.column.length + 1) : message),
  },
];

function outcome(job: ImportJob): { status: 'success' | 'warning' | 'error'; title: string; subTitle: ReactNode } {
  const written = job.insertedRows + job.updatedRows + job.unchangedRows;
  if (job.status === 'failed') {
    const allOrNothing = job.mode === 'all_or_nothing' && job.invalidRows > 0;
    return {
      status: 'error',
      title: '导入未完成，没有写入任何数据',
      subTitle: job.message ?? (allOrNothing ? `有 ${job.invalidRows} 行错误；按“全部成功才导入”，整个文件未导入。请改正后重新导入。` : undefined),
    };
  }
  if (job.invalidRows > 0) {
    return { status: 'warning', title: `已导入 ${written} 行，${job.invalidRows} 行有错误未导入`, subTitle: '请下载错误报告，改正后只导入这些行即可。' };
  }
  return { status: 'success', title: `导入完成，共 ${written} 行`, subTitle: undefined };
}

/** Step 3: what the import did, and every refused row with its column and the problem, as on screen so in the report. */
export function ImportResult({ job, actions }: { job: ImportJob; actions: ReactNode }) {
  const { status, title, subTitle } = outcome(job);
  const errors = job.errors ?? [];
  const reportUrl = job.errorReportUrl ?? importApi.errorReportUrl(job.id);
  return (
    <Flex vertical gap={16} data-testid="import-result" data-status={job.status}>
      <Result status={status} title={title} subTitle={subTitle} extra={actions} style={{ padding: '16px 0' }} />
      {job.warnings.map((warning, index) => (
        <Alert key={`${warning.code}-${index}`} type="warning" showIcon title={warning.message} />
      ))}
      <Counts job={job} />
      {job.errorCount > 0 && (
        <Card
          size="small"
          title={job.errorCount > job.invalidRows ? `错误明细（${job.invalidRows} 行，${job.errorCount} 处）` : `错误明细（${job.invalidRows} 行）`}
          extra={
            <Button icon={<DownloadOutlined />} href={reportUrl} download data-testid="import-error-report">
              下载错误报告
            </Button>
          }
        >
          <Table<ImportRowError>
            rowKey={(error) => `${error.row}-${error.column ?? ''}-${error.message}`}
            size="small"
            columns={errorColumns}
            dataSource={errors}
            pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (count) => `共 ${count} 条` } : false}
            data-testid="import-errors"
          />
          {errors.length < job.errorCount && (
            <Typography.Text type="secondary">此处列出前 {errors.length} 条，全部错误见错误报告。</Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}
