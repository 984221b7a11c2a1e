import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DirectiveSummary } from '@civicgrid/domain';
import { App, Button, Card, Flex, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from '../app-location';
import { DIRECTIVE_LIST_ROUTE, directivePath } from '../app-routes';
import { formatDateTime } from '../format-date-time';
import { useI18n } from '../i18n/i18n-context';
import { PageFrame } from '../page-frame';
import { useCurrentUser } from '../session-context';
import { regionCodeOfUser } from '../user-area';
import { useErrorMessage } from '../use-error-message';
import { directiveApi } from './directive-api';
import { DirectiveIssueModal } from './directive-issue-modal';
import { DirectiveKindTag, DirectiveStatusTag } from './directive-tags';

const PAGE_SIZE = 20;

/** 指令: the directives reaching the user's area, with their completion; issuers send new ones from here. */
export function DirectiveListPage() {
  const user = useCurrentUser();
  const { t, routeLabel } = useI18n();
  const { message } = App.useApp();
  const reportError = useErrorMessage();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DirectiveSummary[]; total: number } | null>(null);
  const [reloads, setReloads] = useState(0);
  const [issuing, setIssuing] = useState<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    directiveApi.list({ page, pageSize: PAGE_SIZE }, controller.signal).then(setData).catch((error: unknown) => {
      if (!controller.signal.aborted) reportError(error);
    });
    return () => controller.abort();
  }, [page, reloads, reportError]);

  const columns: TableColumnsType<DirectiveSummary> = [
    {
      key: 'title', title: t('directive.field.title'), ellipsis: true,
      render: (_, row) => (
        <a href={directivePath(row.id)} onClick={(event) => { event.preventDefault(); navigate(directivePath(row.id)); }}>{row.title}</a>
      ),
    },
    { key: 'kind', title: t('directive.field.kind'), width: 110, render: (_, row) => <DirectiveKindTag kind={row.kind} /> },
    { key: 'region', title: t('directive.field.region'), dataIndex: 'regionName', width: 140, ellipsis: true },
    { key: 'issuedBy', title: t('directive.field.issuedBy'), dataIndex: 'issuedByName', width: 150, ellipsis: true },
    { key: 'issuedAt', title: t('directive.field.issuedAt'), width: 170, render: (_, row) => formatDateTime(row.issuedAt) },
    { key: 'dueAt', title: t('directive.field.dueAt'), width: 170, render: (_, row) => formatDateTime(row.dueAt) },
    {
      key: 'progress', title: t('directive.field.progress'), width: 200,
      render: (_, { progress }) => {
        const assigned = progress.grids - progress.unassignedGrids;
        return (
          <Flex vertical gap={0}>
            <Progress percent={assigned > 0 ? Math.round((progress.completedGrids / assigned) * 100) : 0} size="small" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('directive.gridsDone', { done: progress.completedGrids, total: assigned })}
              {progress.unassignedGrids > 0 ? ` · ${t('directive.unassignedCount', { count: progress.unassignedGrids })}` : ''}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { key: 'status', title: t('common.status'), width: 100, render: (_, row) => <DirectiveStatusTag directive={row} /> },
  ];

  return (
    <PageFrame
      trail={[{ title: routeLabel(DIRECTIVE_LIST_ROUTE) }]}
      title={t('directive.title')}
      description={t('directive.description')}
      actions={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => setReloads((count) => count + 1)}>{t('common.reload')}</Button>
          {user.can('directive.issue') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing((count) => (count ?? 0) + 1)} data-testid="issue-directive">
              {t('directive.issue')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={!data}
          data-testid="directive-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { count: total }) }}
        />
      </Card>
      {issuing !== null && (
        <DirectiveIssueModal
          key={issuing}
          open
          defaultRegionCode={regionCodeOfUser(user)}
          onClose={() => setIssuing(null)}
          onIssued={(directive) => {
            setIssuing(null);
            message.success(t('directive.issued', { grids: directive.progress.grids }));
            navigate(directivePath(directive.id));
          }}
        />
      )}
    </PageFrame>
  );
}
