import type { AllClearGridState } from '@civicgrid/domain';
import { CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Toast } from 'antd-mobile';
import type { CachedResource } from '../data/cached-resource';
import { useOutbox } from '../outbox/outbox-context';
import type { AnyOutboxItem, OutboxItem } from '../outbox/outbox-item';
import { shortTime } from '../shell/format-time';
import { isReadToday, localDay } from '../shell/local-day';
import { useOnline } from '../shell/use-online';
import type { MyGrid } from './my-grids';

const isAllClear = (item: AnyOutboxItem): item is OutboxItem<'all_clear'> => item.kind === 'all_clear';

/**
 * 今日无事上报 in one tap: an all-clear for each of the worker's grids that has none today, neither on the server
 * (as last read today) nor waiting in the outbox.
 */
export function AllClearButton({ grids, allClears }: { grids: MyGrid[]; allClears: CachedResource<AllClearGridState[]> }) {
  const online = useOnline();
  const { items, enqueue } = useOutbox();
  const today = localDay();
  const readToday = isReadToday(allClears.savedAt);
  const reportedAt = new Map(
    readToday ? (allClears.value ?? []).filter((grid) => grid.reportedAt).map((grid) => [grid.gridCode, grid.reportedAt]) : [],
  );
  const todays = items.filter(isAllClear).filter((item) => item.payload.day === today && item.state !== 'conflict');
  const queued = new Set(todays.map((item) => item.payload.gridCode));
  // A grid with an incident reported today needs no all-clear: the day is reported (the server counts it so too).
  const missing = grids.filter((grid) => !reportedAt.has(grid.code) && !queued.has(grid.code) && !grid.reportedToday);
  const unsent = todays.filter((item) => item.state !== 'sent').length;

  const report = async () => {
    await enqueue(
      missing.map((grid) => ({
        kind: 'all_clear' as const,
        title: `${grid.name} 今日无事`,
        payload: { gridCode: grid.code, gridName: grid.name, day: today, nothingToReport: true },
      })),
    );
    Toast.show({ icon: 'success', content: online ? '已报平安' : '已保存，有信号后自动发送' });
  };

  if (grids.length === 0) return null;
  return (
    <section className="m-card m-all-clear" data-testid="all-clear">
      <h2>
        <SafetyCertificateOutlined /> 今日报平安
      </h2>
      {missing.length > 0 ? (
        <>
          <Button block color="success" size="large" className="m-big-button" onClick={() => void report()}>
            今日无事上报
          </Button>
          <p className="m-note">为 {missing.map((grid) => grid.name).join('、')} 报平安；有情况请用「上报」</p>
        </>
      ) : (
        <>
          <div className="m-all-clear-done" role="status">
            <CheckCircleFilled /> <span>{unsent > 0 ? '今日已报平安 · 待发送' : reportedAt.size + queued.size > 0 ? '今日已报平安' : '今日已上报，无需报平安'}</span>
          </div>
          <p className="m-note">
            {grids
              .map((grid) => {
                const at = reportedAt.get(grid.code);
                return `${grid.name} ${at ? `${shortTime(at)} 已报` : queued.has(grid.code) ? '已报' : grid.reportedToday ? '今日已上报事件' : ''}`;
              })
              .join('；')}
          </p>
        </>
      )}
    </section>
  );
}
