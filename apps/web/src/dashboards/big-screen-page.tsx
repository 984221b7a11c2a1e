import type { IncidentDashboard } from '@civicgrid/domain';
import { Spin } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DASHBOARD_ROUTE } from '../app-routes';
import { useI18n, type Translate } from '../i18n/i18n-context';
import { useCurrentUser } from '../session-context';
import { regionCodeOfUser } from '../user-area';
import { dashboardApi } from './dashboard-api';
import { categoryOption, dayTrendOption, formatRate, regionRankingOption, sourceOption, statusOption, type ChartLook } from './dashboard-charts';
import { EChart } from './echart';
import './big-screen.css';

const WIDTH = 1920;
const HEIGHT = 1080;
const REFRESH_MS = 60_000;
const DAYS = 30;
const LOOK: ChartLook = { dark: true };
const LIST_ROWS = 9;

/** The 1920×1080 stage, scaled down (or up) to fit the window without scrolling. */
function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="big-screen-panel" data-testid={testId}>
      <h3>{title}</h3>
      <div className="big-screen-panel-body">{children}</div>
    </section>
  );
}

function Kpis({ dashboard, t }: { dashboard: IncidentDashboard; t: Translate }) {
  const { totals } = dashboard;
  const tiles = [
    { label: t('dashboard.kpi.incidents'), value: String(totals.incidents) },
    { label: t('dashboard.kpi.open'), value: String(totals.open) },
    { label: t('dashboard.kpi.closed'), value: String(totals.closed) },
    { label: t('dashboard.kpi.overdue'), value: String(totals.overdueOpen), danger: totals.overdueOpen > 0 },
    { label: t('dashboard.rate.onTimeHandling'), value: formatRate(totals.rates.onTimeHandling) },
    { label: t('dashboard.rate.closure'), value: formatRate(totals.rates.closure) },
    { label: t('dashboard.rate.rework'), value: formatRate(totals.rates.rework) },
    { label: t('dashboard.rate.extension'), value: formatRate(totals.rates.extension) },
  ];
  return (
    <div className="big-screen-kpis">
      {tiles.map((tile) => (
        <div key={tile.label} className={`big-screen-kpi${tile.danger ? ' big-screen-kpi-danger' : ''}`}>
          <span className="big-screen-kpi-label">{tile.label}</span>
          <span className="big-screen-kpi-value">{tile.value}</span>
        </div>
      ))}
    </div>
  );
}

function DepartmentList({ dashboard, t }: { dashboard: IncidentDashboard; t: Translate }) {
  return (
    <table className="big-screen-list">
      <thead>
        <tr>
          <th>{t('dashboard.ranking.rank')}</th><th>{t('dashboard.ranking.name')}</th>
          <th className="number">{t('dashboard.ranking.dispatched')}</th><th className="number">{t('dashboard.rate.onTimeHandling')}</th>
          <th className="number">{t('dashboard.ranking.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {dashboard.departmentRanking.slice(0, LIST_ROWS).map((row) => (
          <tr key={row.departmentId}>
            <td>{row.rank}</td><td>{row.name}</td><td className="number">{row.dispatched}</td>
            <td className="number">{formatRate(row.rates.onTimeHandling)}</td>
            <td className={`number${row.overdueOpen > 0 ? ' big-screen-danger' : ''}`}>{row.overdueOpen}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OverdueList({ dashboard, t }: { dashboard: IncidentDashboard; t: Translate }) {
  if (dashboard.overdue.items.length === 0) return <p className="big-screen-subtitle">{t('bigScreen.noOverdue')}</p>;
  return (
    <table className="big-screen-list">
      <tbody>
        {dashboard.overdue.items.slice(0, LIST_ROWS).map((item) => (
          <tr key={item.id}>
            <td style={{ maxWidth: 300 }}>{item.categoryName ?? item.title ?? item.description}</td>
            <td>{item.regionName}</td>
            <td className="number big-screen-danger">{t('dashboard.overdue.hoursValue', { value: item.overdueHours })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 指挥大屏: the leader's wall display, 1920×1080, dark, without scrolling; refreshed every minute. */
export function BigScreenPage() {
  const user = useCurrentUser();
  const { t, locale } = useI18n();
  const scale = useStageScale();
  const now = useClock();
  const regionCode = new URLSearchParams(window.location.search).get('regionCode') ?? regionCodeOfUser(user);
  const [dashboard, setDashboard] = useState<IncidentDashboard | null>(null);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => setPolls((count) => count + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    // A missed refresh keeps the last figures on the wall; the next one comes within a minute.
    dashboardApi.incidents({ regionCode }, controller.signal).then(setDashboard).catch(() => undefined);
    return () => controller.abort();
  }, [regionCode, polls]);

  const options = useMemo(() => dashboard && {
    day: dayTrendOption(dashboard, t, LOOK), category: categoryOption(dashboard, t, LOOK), source: sourceOption(dashboard, t, LOOK),
    status: statusOption(dashboard, t, LOOK), regions: regionRankingOption(dashboard, LOOK, 10),
  }, [dashboard, t]);

  const left = Math.max(0, (window.innerWidth - WIDTH * scale) / 2);
  const top = Math.max(0, (window.innerHeight - HEIGHT * scale) / 2);
  return (
    <div className="big-screen-viewport">
      <div className="big-screen" style={{ transform: `scale(${scale})`, left, top }} data-testid="big-screen">
        <header className="big-screen-header">
          <div>
            <a className="big-screen-exit" href={DASHBOARD_ROUTE.path}>← {t('bigScreen.exit')}</a>
            <div className="big-screen-subtitle">{t('bigScreen.subtitle', { days: DAYS })}</div>
          </div>
          <h1 className="big-screen-title">{t('bigScreen.title', { region: dashboard?.region.name ?? '' })}</h1>
          <div className="big-screen-clock">
            <strong>{now.toLocaleTimeString(locale, { hour12: false })}</strong>
            {now.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
          </div>
        </header>
        {!dashboard || !options ? (
          <div style={{ gridRow: '2 / 4', display: 'grid', placeItems: 'center' }}><Spin size="large" /></div>
        ) : (
          <>
            <Kpis dashboard={dashboard} t={t} />
            <div className="big-screen-body">
              <div className="big-screen-column" style={{ gridTemplateRows: '1fr 1fr 1fr' }}>
                <Panel title={t('dashboard.chart.bySource')}><EChart option={options.source} theme="dark" style={{ height: '100%' }} /></Panel>
                <Panel title={t('dashboard.chart.byCategory')}><EChart option={options.category} theme="dark" style={{ height: '100%' }} /></Panel>
                <Panel title={t('dashboard.chart.byStatus')}><EChart option={options.status} theme="dark" style={{ height: '100%' }} /></Panel>
              </div>
              <div className="big-screen-column" style={{ gridTemplateRows: '1fr 1fr' }}>
                <Panel title={t('dashboard.chart.byDay')} testId="big-screen-trend"><EChart option={options.day} theme="dark" style={{ height: '100%' }} /></Panel>
                <Panel title={`${t('dashboard.ranking.regions', { level: t(`level.${dashboard.regionRanking.level}`) })} · ${t('dashboard.rate.onTimeHandling')}`}>
                  <EChart option={options.regions} theme="dark" style={{ height: '100%' }} />
                </Panel>
              </div>
              <div className="big-screen-column" style={{ gridTemplateRows: '1fr 1fr' }}>
                <Panel title={t('dashboard.ranking.departments')}><DepartmentList dashboard={dashboard} t={t} /></Panel>
                <Panel title={`${t('bigScreen.overdueTicker')}（${dashboard.overdue.total}）`} testId="big-screen-overdue"><OverdueList dashboard={dashboard} t={t} /></Panel>
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
