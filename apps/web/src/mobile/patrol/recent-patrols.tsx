import type { PatrolView } from '@civicgrid/domain';
import { List } from 'antd-mobile';
import { useEffect } from 'react';
import { useCachedResource } from '../data/cached-resource';
import { fieldApi } from '../data/field-api';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_STATE_LABELS, type AnyOutboxItem, type OutboxItem } from '../outbox/outbox-item';
import { useWorker } from '../session/mobile-session';
import { KeptDataNote } from '../shell/kept-data-note';
import { distanceText, durationText, startText } from './patrol-format';

const isPatrol = (item: AnyOutboxItem): item is OutboxItem<'patrol'> => item.kind === 'patrol';

function PatrolRow({ patrol }: { patrol: PatrolView }) {
  const distance = distanceText(patrol.distanceMetres);
  return (
    <List.Item
      data-testid="patrol-row"
      description={`${patrol.gridName ?? '未落在负责网格内'} · ${patrol.pointCount} 个定位点`}
      extra={
        <span className="m-patrol-row-distance">
          {distance.value} {distance.unit}
        </span>
      }
    >
      {startText(patrol.startedAt)} · {durationText(patrol.durationSeconds)}
    </List.Item>
  );
}

/**
 * 最近巡查: the server's list of my patrols (kept on the phone for offline), with the ones still waiting in the outbox
 * on top so that a patrol just stopped shows at once, signal or not.
 */
export function RecentPatrols() {
  const worker = useWorker();
  const { items } = useOutbox();
  const patrols = useCachedResource(worker.userId, 'my-patrols', fieldApi.myPatrols);
  const waiting = items.filter(isPatrol).filter((item) => item.state !== 'sent').reverse();
  const sent = items.filter(isPatrol).filter((item) => item.state === 'sent').length;

  // One more went through: the server's list now holds it with its grid and measured distance.
  const { reload } = patrols;
  useEffect(() => {
    if (sent > 0) reload();
  }, [sent, reload]);

  return (
    <section className="m-card m-card-flush" data-testid="recent-patrols">
      <List header={<span className="m-list-header">最近巡查</span>}>
        {waiting.map((item) => (
          <List.Item
            key={item.id}
            data-testid="patrol-waiting"
            description={item.lastError ?? '有信号后自动上传'}
            extra={<span className={`m-state m-state-${item.state}`}>{OUTBOX_STATE_LABELS[item.state]}</span>}
          >
            {item.title}
          </List.Item>
        ))}
        {patrols.value?.items.map((patrol) => <PatrolRow key={patrol.id} patrol={patrol} />)}
        {patrols.value?.items.length === 0 && waiting.length === 0 && <List.Item>还没有巡查记录</List.Item>}
      </List>
      <KeptDataNote resource={patrols} />
    </section>
  );
}
