import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Table, Typography, type GetProps, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from './access-api';
import { AdminPageFrame } from './admin-page-frame';
import type { AuditEntry, AuditFilter } from './api-types';
import { formatDateTime } from './format-date-time';
import { useErrorMessage } from './use-error-message';

const PAGE_SIZE = 50;

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

function actorOf(entry: AuditEntry): string {
  if (entry.actorUsername) return `${entry.actorDisplayName ?? entry.actorUsername}（${entry.actorUsername}）`;
  if (entry.actorApiTokenName) return `令牌：${entry.actorApiTokenName}`;
  // Sign-in attempts are made before there is anyone signed in; the username tried is in the details.
  return '未登录';
}

const columns: TableColumnsType<AuditEntry> = [
  { key: 'at', title: '时间', dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at) },
  { key: 'actor', title: '操作人', width: 240, render: (_value, entry) => actorOf(entry) },
  { key: 'action', title: '操作', dataIndex: 'action', width: 300, render: (action: string) => <span className="monospace">{action}</span> },
  {
    key: 'target',
    title: '对象',
    render: (_value, entry) => (entry.targetTable ? `${entry.targetTable}${entry.targetId === null ? '' : ` #${entry.targetId}`}` : '—'),
  },
  { key: 'reason', title: '理由', dataIndex: 'reason', render: (reason: string | null) => reason ?? '—', ellipsis: true },
  { key: 'ip', title: 'IP 地址', dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
];

/** 审计日志: who did what and when, newest first, paged by the id of the last row shown. */
export function AuditLogPage() {
  const reportError = useErrorMessage();
  const [form] = Form.useForm<FilterForm>();
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
      title="审计日志"
      description="所有写操作、敏感信息查看与登录的记录，只增不改"
      actions={
        <Button icon={<DownloadOutlined />} href={adminApi.auditLogCsvUrl(filter)} download="audit-log.csv">
          导出CSV
        </Button>
      }
    >
      <Card>
        <Form form={form} layout="inline" onFinish={search} className="audit-filter" data-testid="audit-filter">
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="actorUsername" label="操作人">
            <Input placeholder="用户名" allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Input placeholder="如 POST /api/users" allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="targetTable" label="对象表">
            <Input placeholder="如 persons" allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="targetId" label="对象编号">
            <InputNumber min={1} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  search({});
                }}
              >
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={entries}
          loading={loading}
          size="middle"
          pagination={false}
          expandable={{
            expandedRowRender: (entry) => <pre className="audit-details">{JSON.stringify(entry.details, null, 2)}</pre>,
          }}
          locale={{ emptyText: '没有符合条件的记录' }}
          data-testid="audit-table"
        />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">已显示 {entries.length} 条</Typography.Text>
          {hasMore && (
            <Button onClick={loadMore} loading={loadingMore}>
              加载更多
            </Button>
          )}
        </Flex>
      </Card>
    </AdminPageFrame>
  );
}
