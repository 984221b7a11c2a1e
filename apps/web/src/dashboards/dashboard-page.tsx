import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import type { IncidentDashboard } from '@civicgrid/domain';
import { Button, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { BIG_SCREEN_ROUTE, DASHBOARD_ROUTE } from '../app-routes';
import { useI18n } from '../i18n/i18n-context';
import { PageFrame } from '../page-frame';
import { RegionCascader } from '../region-cascader';
import { useCurrentUser } from '../session-context';
import { regionCodeOfUser } from '../user-area';
import { useErrorMessage } from '../use-error-message';
import { dashboardApi } from './dashboard-api';
import { categoryOption, dayTrendOption, formatRate, sourceOption, statusOption, type ChartLook } from './dashboard-charts';
import { DepartmentRankingTable, OverdueTable, RegionRankingTable } from './dashboard-tables';
import { EChart } from './echart';

const LOOK: ChartLook = { dark: false };
const RATE_KEYS = ['onTimeHandling', 'closure', 'rework', 'extension'] as const;

function Kpis({ dashboard }: { dashboard: IncidentDashboard }) {
  const { t } = useI18n();
  const { totals } = dashboard;
  const counts = [
    { key: 'incidents', value: totals.incidents },
    { key: 'open', value: totals.open },
    { key: 'closed', value: totals.closed },
    { key: 'overdue', value: totals.overdueOpen, danger: totals.overdueOpen > 0 },
  ] as const;
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-kpis">
      {counts.map((count) => (
        <Col key={count.key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t(`dashboard.kpi.${count.key}`)} value={count.value} styles={{ content: 'danger' in count && count.danger ? { color: '#cf1322' } : undefined }} />
          </Card>
        </Col>
      ))}
      {RATE_KEYS.map((key) => (
        <Col key={key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={<Tooltip title={t(`dashboard.rate.hint.${key}`)}>{t(`dashboard.rate.${key}`)}</Tooltip>} value={formatRate(totals.rates[key])} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ChartCard({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children}
    </Card>
  );
}

/** 数据看板: a region's incidents over a period, in figures, charts, the overdue list and rankings. */
export function DashboardPage() {
  const user = useCurrentUser();
  const { t, routeLabel } = useI18n();
  const reportError = useErrorMessage();
  const [regionCode, setRegionCode] = useState<string | undefined>(() => regionCodeOfUser(user));
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [dashboard, setDashboard] = useState<IncidentDashboard | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    dashboardApi
      .incidents({ regionCode, from, to }, controller.signal)
      .then(setDashboard)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) reportError(error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [regionCode, from, to, reloads, reportError]);

  const options = useMemo(() => dashboard && {
    day: dayTrendOption(dashboard, t, LOOK), category: categoryOption(dashboard, t, LOOK),
    source: sourceOption(dashboard, t, LOOK), status: statusOption(dashboard, t, LOOK),
  }, [dashboard, t]);

  const bigScreenUrl = `${BIG_SCREEN_ROUTE.path}${regionCode ? `?regionCode=${regionCode}` : ''}`;
  return (
    <PageFrame
      trail={[{ title: routeLabel(DASHBOARD_ROUTE) }]}
      title={t('dashboard.title')}
      description={dashboard ? t('dashboard.description', { region: dashboard.region.name, from: dashboard.from, to: dashboard.to }) : undefined}
      actions={
        <>
          <div style={{ width: 260 }}>
            <RegionCascader value={regionCode} onChange={(code) => setRegionCode(code ?? regionCodeOfUser(user))} />
          </div>
          <DatePicker.RangePicker
            value={period}
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])}
            aria-label={t('dashboard.period')}
          />
          <Button icon={<ReloadOutlined />} onClick={() => setReloads((count) => count + 1)}>{t('common.reload')}</Button>
          <Button icon={<DesktopOutlined />} href={bigScreenUrl} target="_blank" data-testid="open-big-screen">{t('dashboard.openBigScreen')}</Button>
        </>
      }
    >
      {!dashboard || !options ? (
        <Flex justify="center" style={{ padding: 64 }}><Spin size="large" /></Flex>
      ) : (
        <Spin spinning={loading}>
          <Flex vertical gap={16} data-testid="dashboard">
            <Kpis dashboard={dashboard} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}><ChartCard title={t('dashboard.chart.byDay')} testId="chart-by-day"><EChart option={options.day} /></ChartCard></Col>
              <Col xs={24} xl={8}><ChartCard title={t('dashboard.chart.byCategory')} testId="chart-by-category"><EChart option={options.category} /></ChartCard></Col>
              <Col xs={24} xl={12}><ChartCard title={t('dashboard.chart.bySource')} testId="chart-by-source"><EChart option={options.source} /></ChartCard></Col>
              <Col xs={24} xl={12}><ChartCard title={t('dashboard.chart.byStatus')} testId="chart-by-status"><EChart option={options.status} /></ChartCard></Col>
            </Row>
            <OverdueTable dashboard={dashboard} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xxl={12}><RegionRankingTable dashboard={dashboard} /></Col>
              <Col xs={24} xxl={12}><DepartmentRankingTable dashboard={dashboard} /></Col>
            </Row>
          </Flex>
        </Spin>
      )}
    </PageFrame>
  );
}
