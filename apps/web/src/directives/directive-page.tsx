import { DIRECTIVE_GRID_STATES, type DirectiveDetail, type DirectiveGridCompletion } from '@civicgrid/domain';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api-client';
import { navigate } from '../app-location';
import { DIRECTIVE_LIST_ROUTE } from '../app-routes';
import { formatDateTime } from '../format-date-time';
import { useI18n } from '../i18n/i18n-context';
import { PageFrame } from '../page-frame';
import { errorMessageOf, useErrorMessage } from '../use-error-message';
import { CompletionMap } from './completion-map';
import { directiveApi, type CompletionFeatureCollection } from './directive-api';
import { DirectiveKindTag, DirectiveStatusTag, GRID_STATE_COLOURS, GridStateTag } from './directive-tags';
import { gridLabel } from './grid-label';

function GridTable({ grids }: { grids: DirectiveGridCompletion[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DirectiveGridCompletion> = [
    {
      key: 'grid', title: t('directive.detail.grid'), width: 210,
      render: (_, row) => (
        <Flex vertical>
          <span>{gridLabel(row.communityName, row.gridName)}</span>
          <Typography.Text type="secondary" className="monospace" style={{ fontSize: 12 }}>{row.gridCode}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'state', title: t('common.status'), width: 120, render: (_, row) => <GridStateTag state={row.state} />,
      filters: DIRECTIVE_GRID_STATES.map((state) => ({ text: t(`directive.gridState.${state}`), value: state })),
      onFilter: (value, row) => row.state === value,
    },
    { key: 'workers', title: t('directive.detail.workers'), width: 100, render: (_, row) => row.workers.map((worker) => worker.name ?? '—').join('、') || '—' },
    {
      key: 'completedAt', title: t('directive.detail.completedAt'), width: 110,
      // date over time, so that the note keeps the room
      render: (_, row) => {
        const latest = row.workers.map((worker) => worker.completedAt).filter(Boolean).sort().at(-1) ?? null;
        return <span style={{ whiteSpace: 'pre-line' }}>{formatDateTime(latest).replace(' ', '\n')}</span>;
      },
    },
    { key: 'note', title: t('directive.detail.note'), render: (_, row) => row.workers.map((worker) => worker.note).filter(Boolean).join('；') || '—' },
  ];
  return <Table rowKey="gridCode" size="small" columns={columns} dataSource={grids} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="directive-grid-table" />;
}

function Legend() {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap style={{ padding: '8px 12px' }}>
      {DIRECTIVE_GRID_STATES.map((state) => (
        <Flex key={state} gap={4} align="center">
          <span style={{ width: 12, height: 12, borderRadius: 2, background: GRID_STATE_COLOURS[state], opacity: 0.75 }} />
          <Typography.Text style={{ fontSize: 12 }}>{t(`directive.gridState.${state}`)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** 指令详情: the task, its completion per grid in a table and on a map. */
export function DirectivePage({ directiveId }: { directiveId: number }) {
  const { t, routeLabel } = useI18n();
  const reportError = useErrorMessage();
  const [directive, setDirective] = useState<DirectiveDetail | null>(null);
  const [grids, setGrids] = useState<CompletionFeatureCollection | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  const trail = [{ title: routeLabel(DIRECTIVE_LIST_ROUTE), path: DIRECTIVE_LIST_ROUTE.path }];

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([directiveApi.get(directiveId, controller.signal), directiveApi.completion(directiveId, controller.signal)])
      .then(([detail, completion]) => {
        setDirective(detail);
        setGrids(completion);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof Error) setProblem(error);
        reportError(error);
      });
    return () => controller.abort();
  }, [directiveId, reportError]);

  if (!directive) {
    return (
      <PageFrame trail={[...trail, { title: t('route./directives/:id') }]} title={t('route./directives/:id')}>
        {problem ? (
          <Result
            status={problem instanceof ApiError && problem.status === 404 ? 404 : 'error'}
            title={t('directive.detail.notFound')}
            subTitle={errorMessageOf(problem)}
            extra={<Button onClick={() => navigate(DIRECTIVE_LIST_ROUTE.path)}>{routeLabel(DIRECTIVE_LIST_ROUTE)}</Button>}
          />
        ) : <Flex justify="center" style={{ padding: 64 }}><Spin size="large" /></Flex>}
      </PageFrame>
    );
  }

  const { progress } = directive;
  const assigned = progress.grids - progress.unassignedGrids;
  return (
    <PageFrame
      trail={[...trail, { title: directive.title }]}
      title={<Flex gap={8} align="center" wrap><span data-testid="directive-title">{directive.title}</span><DirectiveKindTag kind={directive.kind} /><DirectiveStatusTag directive={directive} /></Flex>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Descriptions size="small" column={2} items={[
                { key: 'region', label: t('directive.field.region'), children: directive.regionName },
                { key: 'issuedBy', label: t('directive.field.issuedBy'), children: directive.issuedByName ?? '—' },
                { key: 'issuedAt', label: t('directive.field.issuedAt'), children: formatDateTime(directive.issuedAt) },
                { key: 'dueAt', label: t('directive.field.dueAt'), children: formatDateTime(directive.dueAt) },
                { key: 'content', label: t('directive.field.content'), span: 2, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{directive.content}</Typography.Paragraph> },
              ]} />
            </Card>
            <Row gutter={16} data-testid="directive-progress">
              <Col span={8}><Card size="small"><Statistic title={t('directive.gridState.completed')} value={progress.completedGrids} suffix={`/ ${assigned}`} /></Card></Col>
              <Col span={8}><Card size="small"><Statistic title={t('directive.gridState.pending')} value={assigned - progress.completedGrids} /></Card></Col>
              <Col span={8}><Card size="small"><Statistic title={t('directive.gridState.unassigned')} value={progress.unassignedGrids} /></Card></Col>
            </Row>
            <Card size="small" title={t('directive.detail.grids')}><GridTable grids={directive.grids} /></Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('directive.detail.map')} styles={{ body: { padding: 0 } }}>
            <div style={{ position: 'relative', height: 420 }}><CompletionMap grids={grids} /></div>
            <Legend />
          </Card>
        </Col>
      </Row>
    </PageFrame>
  );
}
