import type { CachedResource } from '../data/cached-resource';
import { shortTime } from './format-time';
import { useOnline } from './use-online';

/**
 * Under a card whose numbers could not be read just now: that they are the phone's last copy, and from when. Says
 * nothing while they are fresh or still on their way.
 */
export function KeptDataNote({ resource }: { resource: Pick<CachedResource<unknown>, 'fresh' | 'savedAt' | 'problem' | 'value'> }) {
  const online = useOnline();
  if (resource.fresh || (online && !resource.problem)) return null;
  if (resource.value === null) {
    return <p className="m-note">{online ? `暂时读不到：${resource.problem}` : '离线 · 联网后显示'}</p>;
  }
  const when = resource.savedAt === null ? '—' : shortTime(resource.savedAt);
  return (
    <p className="m-note" data-testid="kept-data-note">
      {online ? `暂时读不到最新数据，显示的是 ${when} 的数据` : `离线数据 · 更新于 ${when}`}
    </p>
  );
}
