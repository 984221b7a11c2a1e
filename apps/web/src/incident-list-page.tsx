import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Permission } from '@civicgrid/domain';
import { Button, Card, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { AllClearToday } from './all-clear-today';
import type { IncidentPage, IncidentQueue, SessionUser } from './api-types';
import { navigate } from './app-location';
import { INCIDENT_REPORT_ROUTE } from './app-routes';
import { incidentApi } from './incident-api';
import { IncidentListFilters, type IncidentFilterValues } from './incident-list-filters';
import { IncidentTable } from './incident-table';
import { PageFrame } from './page-frame';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

interface QueueTab {
  queue: IncidentQueue;
  label: string;
  shownTo: (can: (permission: Permission) => boolean) => boolean;
}

/** The queues in tab order; each user sees those of their work (坐席, 部门, 网格员). */
const QUEUE_TABS: QueueTab[] = [
  { queue: 'center', label: '待办', shownTo: (can) => can('incident.operate') },
  { queue: 'department', label: '部门待办', shownTo: (can) => can('incident.handle') },
  { queue: 'verification', label: '待核查', shownTo: (can) => can('incident.verify') },
  { queue: 'mine', label: '我的上报', shownTo: (can) => can('incident.report') && !can('incident.operate') },
  { queue: 'all', label: '全部', shownTo: (can) => !can('incident.verify') },
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
      trail={[{ title: '事件中心' }]}
      title="事件中心"
      description="网格发现、中心汇集、分流处置、限期办理"
      actions={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => setReloads((count) => count + 1)}>
            刷新
          </Button>
          {user.can('incident.report') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(INCIDENT_REPORT_ROUTE.path)}>
              上报事件
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
          items={queues.map((tab) => ({
            key: tab.queue,
            label: counts[tab.queue] === undefined ? tab.label : `${tab.label}（${counts[tab.queue]}）`,
          }))}
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
