import type { FieldGridView, FieldTasksView } from '@civicgrid/domain';
import { Button, ErrorBlock } from 'antd-mobile';
import { CameraOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { navigate } from '../../app-location';
import { allClearApi } from '../../incident-api';
import { useCachedResource } from '../data/cached-resource';
import { FIELD_GRIDS_CACHE, fieldApi } from '../data/field-api';
import { MOBILE_PATHS } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { useWorker } from '../session/mobile-session';
import { KeptDataNote } from '../shell/kept-data-note';
import { isReadToday } from '../shell/local-day';
import { AllClearButton } from './all-clear-button';
import { myGrids } from './my-grids';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', weekday: 'long' });

const TASK_TILES: { key: keyof FieldTasksView; label: string }[] = [
  { key: 'verifications', label: '待核查' },
  { key: 'visitsDue', label: '待走访' },
  { key: 'directives', label: '指令任务' },
  { key: 'allClearsMissing', label: '未报平安' },
];

function GridCard({ grid }: { grid: FieldGridView }) {
  return (
    <li className="m-grid-row" data-testid="my-grid">
      <div className="m-grid-row-title">
        <strong>{grid.name}</strong>
        <span className={grid.reportedToday ? 'm-tag m-tag-success' : 'm-tag m-tag-warning'}>{grid.reportedToday ? '今日已报' : '今日未报'}</span>
      </div>
      <div className="m-grid-row-region">{grid.regionName}</div>
      <div className="m-grid-row-counts">
        <span>
          <b>{grid.households}</b> 户
        </span>
        <span>
          <b>{grid.persons}</b> 人
        </span>
        <span>
          <b>{grid.openIncidents}</b> 件在办
        </span>
      </div>
    </li>
  );
}

/** Reads the counts again whenever something of the worker's reached the server: they have changed. */
function useReloadWhenSent(reloads: (() => void)[]) {
  const { items } = useOutbox();
  const sent = items.filter((item) => item.state === 'sent').length;
  const seen = useRef(sent);
  useEffect(() => {
    if (sent <= seen.current) return;
    seen.current = sent;
    for (const reload of reloads) reload();
    // The reload functions are stable; the count is what changes.
  }, [sent]);
}

/** 首页: today's all-clear, what waits for the worker, and their grids; the phone's last copy when offline. */
export function HomeScreen() {
  const worker = useWorker();
  const grids = useCachedResource(worker.userId, FIELD_GRIDS_CACHE, fieldApi.grids);
  const tasks = useCachedResource(worker.userId, 'field-tasks', fieldApi.tasks);
  const allClears = useCachedResource(worker.userId, 'all-clears-today', allClearApi.mine);
  useReloadWhenSent([grids.reload, tasks.reload, allClears.reload]);

  if (worker.jurisdiction.kind !== 'grids') {
    return <ErrorBlock status="default" title="本应用供网格员使用" description="您的账号不负责网格，请使用电脑端工作台" />;
  }
  return (
    <div className="m-stack" data-testid="home-screen">
      <section className="m-greeting">
        <div>
          <strong>{worker.displayName}</strong>，您好
        </div>
        <div className="m-note">
          {dateFormat.format(new Date())} · {worker.roleLabel}
        </div>
      </section>

      <AllClearButton grids={myGrids(worker, grids.value, allClears.value, isReadToday(grids.savedAt))} allClears={allClears} />

      <Button block color="primary" size="large" className="m-big-button" onClick={() => navigate(MOBILE_PATHS.report)}>
        <CameraOutlined /> 拍照上报事件
      </Button>

      <section className="m-card" data-testid="task-counts">
        <h2>我的待办</h2>
        <div className="m-tiles">
          {TASK_TILES.map((tile) => (
            <button key={tile.key} type="button" className="m-tile" onClick={() => navigate(MOBILE_PATHS.tasks)} data-testid={`task-count-${tile.key}`}>
              <span className="m-tile-count">{tasks.value ? tasks.value[tile.key] : '—'}</span>
              <span className="m-tile-label">{tile.label}</span>
            </button>
          ))}
        </div>
        <KeptDataNote resource={tasks} />
      </section>

      <section className="m-card" data-testid="my-grids">
        <h2>我的网格</h2>
        {grids.value && grids.value.length > 0 && (
          <ul className="m-grid-list">
            {grids.value.map((grid) => (
              <GridCard key={grid.code} grid={grid} />
            ))}
          </ul>
        )}
        {grids.value?.length === 0 && <p className="m-note">您还没有负责的网格</p>}
        <KeptDataNote resource={grids} />
      </section>
    </div>
  );
}
