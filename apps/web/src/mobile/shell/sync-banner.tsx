import { navigate } from '../../app-location';
import { MOBILE_PATHS } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import { WAITING_STATES } from '../outbox/outbox-item';
import { useOnline } from './use-online';

type BannerState = 'offline' | 'syncing' | 'waiting' | 'conflict' | 'synced';

/** One line under the title bar that says where the worker's records are: 离线 / 正在同步 n 条 / 全部已同步. */
export function SyncBanner() {
  const online = useOnline();
  const { items, status, loaded, syncNow } = useOutbox();
  if (!loaded) return null;
  const waiting = items.filter((item) => WAITING_STATES.includes(item.state)).length;
  const conflicts = items.filter((item) => item.state === 'conflict').length;

  let state: BannerState;
  let text: string;
  let action: { label: string; run: () => void } | null = null;
  if (!online) {
    state = 'offline';
    text = waiting > 0 ? `离线 · ${waiting} 条待发送，有信号后自动发送` : '离线 · 可照常上报，有信号后自动发送';
  } else if (status.syncing && waiting > 0) {
    state = 'syncing';
    text = `正在同步 ${waiting} 条…`;
  } else if (waiting > 0) {
    state = 'waiting';
    text = `${waiting} 条待发送，稍后自动重试`;
    action = { label: '立即同步', run: syncNow };
  } else if (conflicts > 0) {
    state = 'conflict';
    text = `${conflicts} 条未被接收，需要您处理`;
    action = { label: '去处理', run: () => navigate(MOBILE_PATHS.me) };
  } else {
    state = 'synced';
    text = '全部已同步';
  }
  return (
    <div className={`m-sync-banner m-sync-banner-${state}`} data-testid="sync-banner" data-state={state} role="status">
      <span>{text}</span>
      {action && (
        <button type="button" className="m-sync-banner-action" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}
