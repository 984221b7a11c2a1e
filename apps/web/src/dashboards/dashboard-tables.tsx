import type { IncidentDashboard, OverdueIncident, RankingRow } from '@civicgrid/domain';
import { Card, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { navigate } from '../app-location';
import { incidentPath } from '../app-routes';
import { formatDateTime } from '../format-date-time';
import { useI18n } from '../i18n/i18n-context';
import { formatRate } from './dashboard-charts';

type RegionRow = IncidentDashboard['regionRanking']['items'][number];
type DepartmentRow = IncidentDashboard['departmentRanking'][number];

/** The rate columns both rankings share, each headed by its formula on hover. */
function useRateColumns<T extends RankingRow>(): TableColumnsType<T> {
  const { t } = useI18n();
  const rateColumn = (key: 'onTimeHandling' | 'closure' | 'rework' | 'extension') => ({
    key,
    title: <Tooltip title={t(`dashboard.rate.hint.${key}`)}>{t(`dashboard.rate.${key}`)}</Tooltip>,
    align: 'right' as const,
    render: (_: unknown, row: T) => formatRate(row.rates[key]),
  });
  return [
    rateColumn('onTimeHandling'), rateColumn('closure'), rateColumn('rework'), rateColumn('extension'),
    { key: 'overdue', title: t('dashboard.ranking.overdue'), dataIndex: 'overdueOpen', align: 'right' },
  ];
}

export function RegionRankingTable({ dashboard }: { dashboard: IncidentDashboard }) {
  const { t } = useI18n();
  const rates = useRateColumns<RegionRow>();
  const columns: TableColumnsType<RegionRow> = [
    { key: 'rank', title: t('dashboard.ranking.rank'), dataIndex: 'rank', width: 64 },
    { key: 'name', title: t('dashboard.ranking.name'), dataIndex: 'name', ellipsis: true },
    { key: 'incidents', title: t('dashboard.ranking.incidents'), dataIndex: 'incidents', align: 'right' },
    ...rates,
  ];
  return (
    <Card size="small" title={t('dashboard.ranking.regions', { level: t(`level.${dashboard.regionRanking.level}`) })} data-testid="dashboard-region-ranking">
      <Table rowKey="code" size="small" columns={columns} dataSource={dashboard.regionRanking.items} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
    </Card>
  );
}

export function DepartmentRankingTable({ dashboard }: { dashboard: IncidentDashboard }) {
  const { t } = useI18n();
  const rates = useRateColumns<DepartmentRow>();
  const columns: TableColumnsType<DepartmentRow> = [
    { key: 'rank', title: t('dashboard.ranking.rank'), dataIndex: 'rank', width: 64 },
    { key: 'name', title: t('dashboard.ranking.name'), dataIndex: 'name', ellipsis: true },
    { key: 'dispatched', title: t('dashboard.ranking.dispatched'), dataIndex: 'dispatched', align: 'right' },
    ...rates,
  ];
  return (
    <Card size="small" title={t('dashboard.ranking.departments')} data-testid="dashboard-department-ranking">
      <Table rowKey="departmentId" size="small" columns={columns} dataSource={dashboard.departmentRanking} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
    </Card>
  );
}

export function OverdueTable({ dashboard }: { dashboard: IncidentDashboard }) {
  const { t } = useI18n();
  const columns: TableColumnsType<OverdueIncident> = [
    {
      key: 'code', title: t('dashboard.overdue.code'), width: 170,
      render: (_, row) => (
        <a href={incidentPath(row.id)} className="monospace" onClick={(event) => { event.preventDefault(); navigate(incidentPath(row.id)); }}>
          {row.code}
        </a>
      ),
    },
    {
      key: 'summary', title: t('dashboard.overdue.summary'), ellipsis: true,
      render: (_, row) => (
        <Typography.Text ellipsis>
          {row.categoryName ? `[${row.categoryName}] ` : ''}{row.title ?? row.description}
        </Typography.Text>
      ),
    },
    { key: 'status', title: t('common.status'), width: 90, render: (_, row) => t(`status.${row.status}`) },
    { key: 'region', title: t('common.region'), dataIndex: 'regionName', width: 130, ellipsis: true },
    { key: 'department', title: t('dashboard.overdue.department'), dataIndex: 'leadDepartmentName', width: 170, ellipsis: true, render: (value: string | null) => value ?? '—' },
    { key: 'deadline', title: t('dashboard.overdue.deadline'), width: 170, render: (_, row) => formatDateTime(row.deadline) },
    {
      key: 'hours', title: t('dashboard.overdue.hours'), width: 100, align: 'right',
      render: (_, row) => <Typography.Text type="danger">{t('dashboard.overdue.hoursValue', { value: row.overdueHours })}</Typography.Text>,
    },
  ];
  return (
    <Card size="small" title={t('dashboard.overdue.title', { count: dashboard.overdue.total })} data-testid="dashboard-overdue">
      <Table rowKey="id" size="small" columns={columns} dataSource={dashboard.overdue.items} pagination={false} />
    </Card>
  );
}
