import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Permission } from '@civicgrid/domain';
import { Button, Card, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { AllClearToday } from './all-clear-today';
import type { IncidentPage, IncidentQueue, SessionUser } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_LIST_ROUTE, INCIDENT_REPORT_ROUTE } from './app-routes';
import { useI18n } from './i18n/i18n-context';
import { incidentApi } from './incident-api';
import { IncidentListFilters, type IncidentFilterValues } from './incident-list-filters';
import { IncidentTable } from './incident-table';
import { PageFrame } from './page-frame';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

interface QueueTab {
  queue: IncidentQueue;
  shownTo: (can: (permission: Permission) => boolean) => boolean;
}

/** The queues in tab order; each user sees those of their work (坐席, 部门, 网格员). */
const QUEUE_TABS: QueueTab[] = [
  { queue: 'center', shownTo: (can) => can('incident.operate') },
  { queue: 'department', shownTo: (can) => can('incident.handle') },
  { queue: 'verification', shownTo: (can) => can('incident.verify') },
  { queue: 'mine', shownTo: (can) => can('incident.report') && !can('incident.operate') },
  { queue: 'all', shownTo: (can) => !can('incident.verify') },
];

interface ListState {
  queue: IncidentQueue;
  filter: IncidentFilterValues;
  page: number;
  pageSize: number;
}

// Kept while the console is open, so that coming back from an incident shows the same queue, filters and page.
const remembered = new Map<number, ListState>();

function initialState(user: SessionUser, queues: QueueTab[]): ListState {
  const fromUrl = new URLSearchParams(window.location.search).get('queue');
  const saved = remembered.get(user.userId);
  const queue = queues.find((tab) => tab.queue === fromUrl)?.queue ?? saved?.queue ?? queues[0]?.queue ?? 'all';
  return saved && saved.queue === queue ? saved : { queue, filter: saved?.filter ?? {}, page: 1, pageSize: saved?.pageSize ?? 20 };
}

/** 事件中心: the user's incident queues with filters; a row opens the incident. */
export function IncidentListPage() {
  const user = useCurrentUser();
  const reportError = useErrorMessage();
  const { t, routeLabel } = useI18n();
  const queues = useMemo(() => QUEUE_TABS.filter((tab) => tab.shownTo(user.can)), [user]);
  const [state, setState] = useState<ListState>(() => initialState(user, queues));
  const [result, setResult] = useState<IncidentPage>({ items: [], total: 0 });
  const [counts, setCounts] = useState<Partial<Record<IncidentQueue, number>>>({});
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    remembered.set(user.userId, state);
    window.history.replaceState(null, '', `/incidents?queue=${state.queue}`);
  }, [state, user.userId]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    incidentApi
      .list({ queue: state.queue, ...state.filter, page: state.page, pageSize: state.pageSize }, controller.signal)
      .then(setResult)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [state, reloads, reportError]);

  // The work waiting in each queue, unfiltered, as the tabs show it.
  useEffect(() => {
    const controller = new AbortController();
    Promise.all(
      queues
        .filter((tab) => tab.queue !== 'all')
        .map((tab) =>
          incidentApi.list({ queue: tab.queue, page: 1, pageSize: 1 }, controller.signal).then((page) => [tab.queue, page.total] as const),
        ),
    )
      .then((entries) => setCounts(Object.fromEntries(entries)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [queues, reloads]);

  return (
    <PageFrame
      trail={[{ title: routeLabel(INCIDENT_LIST_ROUTE) }]}
      title={routeLabel(INCIDENT_LIST_ROUTE)}
      description={t('incident.list.description')}
      actions={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => setReloads((count) => count + 1)}>
            {t('common.reload')}
          </Button>
          {user.can('incident.report') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(INCIDENT_REPORT_ROUTE.path)}>
              {t('incident.reportButton')}
            </Button>
          )}
        </>
      }
    >
      {user.can('all_clear.report') && <AllClearToday />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={state.queue}
          onChange={(queue) => setState((current) => ({ ...current, queue: queue as IncidentQueue, page: 1 }))}
          items={queues.map((tab) => {
            const label = t(`incident.queue.${tab.queue}`);
            const count = counts[tab.queue];
            return { key: tab.queue, label: count === undefined ? label : t('incident.queueCount', { label, count }) };
          })}
          data-testid="incident-queue-tabs"
        />
        <IncidentListFilters value={state.filter} onChange={(filter) => setState((current) => ({ ...current, filter, page: 1 }))} />
        <IncidentTable
          incidents={result.items}
          total={result.total}
          loading={loading}
          page={state.page}
          pageSize={state.pageSize}
          onPageChange={(page, pageSize) => setState((current) => ({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize }))}
        />
      </Card>
    </PageFrame>
  );
}
