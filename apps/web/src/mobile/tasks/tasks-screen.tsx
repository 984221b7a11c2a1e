import { DIRECTIVE_KIND_LABELS, type MyDirectiveTarget } from '@civicgrid/domain';
import { List } from 'antd-mobile';
import { useState } from 'react';
import { navigate } from '../../app-location';
import { directiveApi } from '../../directives/directive-api';
import { incidentApi } from '../../incident-api';
import { useCachedResource } from '../data/cached-resource';
import { fieldApi } from '../data/field-api';
import { MOBILE_PATHS, fillPath } from '../mobile-paths';
import { useOutbox } from '../outbox/outbox-context';
import type { AnyOutboxItem, OutboxItem } from '../outbox/outbox-item';
import { useWorker } from '../session/mobile-session';
import { shortTime } from '../shell/format-time';
import { KeptDataNote } from '../shell/kept-data-note';
import { usePreloadVerifications } from '../verify/verification-preload';
import { isActionOn } from '../verify/verify-screen';
import { DirectiveCompletePopup } from './directive-complete-popup';

const VERIFICATION_PAGE = { queue: 'verification' as const, page: 1, pageSize: 50 };

const openDirective = (target: MyDirectiveTarget) => target.state !== 'completed';

const isCompletionOf = (targetId: number) => (item: AnyOutboxItem): item is OutboxItem<'directive_complete'> =>
  item.kind === 'directive_complete' && item.payload.targetId === targetId;

/** What the outbox holds for a task, as a line in the list: work done on the phone must not look untouched. */
function outboxNote(item: AnyOutboxItem | undefined, waiting: string): string | null {
  if (!item || item.state === 'sent') return null;
  return item.state === 'conflict' ? '未被接收，请到「我的」查看' : waiting;
}

function Count({ value }: { value: number | null | undefined }) {
  return <span className="m-count">{value ?? '—'}</span>;
}

/**
 * 待办: incidents waiting for the worker's check on the spot, persons and houses due for a visit, directives, and the
 * patrol. Each leads to the screen that does it.
 */
export function TasksScreen() {
  const worker = useWorker();
  const tasks = useCachedResource(worker.userId, 'field-tasks', fieldApi.tasks);
  const verifications = useCachedResource(worker.userId, 'verification-queue', (signal) => incidentApi.list(VERIFICATION_PAGE, signal));
  const directives = useCachedResource(worker.userId, 'my-directives', directiveApi.mine);
  const { items } = useOutbox();
  const [opened, setOpened] = useState<MyDirectiveTarget | null>(null);
  // A completion the server already has counts as done even while the list kept on the phone is older.
  const open = directives.value?.filter((target) => openDirective(target) && items.filter(isCompletionOf(target.targetId)).at(-1)?.state !== 'sent') ?? null;
  // Read with signal, each incident to verify is kept on the phone with its photos: it opens at the spot offline.
  usePreloadVerifications(worker.userId, verifications.fresh ? verifications.value?.items : null);

  return (
    <div className="m-stack" data-testid="tasks-screen">
      <section className="m-card m-card-flush">
        <List header={<span className="m-list-header">待核查 <Count value={verifications.value?.total ?? tasks.value?.verifications} /></span>}>
          {verifications.value?.items.map((incident) => {
            const waiting = outboxNote(items.filter(isActionOn(incident.id)).at(-1), '已核查，待发送');
            return (
              <List.Item
                key={incident.id}
                onClick={() => navigate(fillPath(MOBILE_PATHS.verify, { incidentId: incident.id }))}
                description={
                  <>
                    {incident.code} · {waiting ? <span className="m-task-waiting">{waiting}</span> : `${incident.gridName ?? ''} · ${incident.leadDepartmentName ?? ''}处置完毕`}
                  </>
                }
                data-testid="verification-item"
              >
                {incident.title ?? incident.description}
              </List.Item>
            );
          })}
          {verifications.value?.items.length === 0 && <List.Item>没有需要核查的事件</List.Item>}
        </List>
        <KeptDataNote resource={verifications} />
      </section>

      <section className="m-card m-card-flush">
        <List header={<span className="m-list-header">走访与巡查</span>}>
          <List.Item onClick={() => navigate(MOBILE_PATHS.visits)} extra={<Count value={tasks.value?.visitsDue} />} description="到期需要走访的人员和房屋">
            待走访
          </List.Item>
          <List.Item onClick={() => navigate(MOBILE_PATHS.patrol)} description="开始巡查，记录轨迹和里程">
            巡查
          </List.Item>
        </List>
        <KeptDataNote resource={tasks} />
      </section>

      <section className="m-card m-card-flush">
        <List header={<span className="m-list-header">指令任务 <Count value={open?.length ?? tasks.value?.directives} /></span>}>
          {open?.map((target) => {
            const completion = items.filter(isCompletionOf(target.targetId)).at(-1);
            const waiting = outboxNote(completion, '已完成，待发送');
            // A refused completion (the directive was cancelled, say) may be tried again; a waiting one may not.
            const done = completion !== undefined && completion.state !== 'conflict';
            return (
              <List.Item
                key={target.targetId}
                onClick={done ? undefined : () => setOpened(target)}
                description={
                  <>
                    {DIRECTIVE_KIND_LABELS[target.kind]} · {target.gridName}
                    {waiting ? <> · <span className="m-task-waiting">{waiting}</span></> : target.dueAt && ` · ${shortTime(target.dueAt)} 前完成`}
                  </>
                }
                data-testid="directive-item"
                data-waiting={done ? 'true' : undefined}
              >
                {target.title}
              </List.Item>
            );
          })}
          {open?.length === 0 && <List.Item>没有未完成的指令</List.Item>}
        </List>
        <KeptDataNote resource={directives} />
      </section>
      <DirectiveCompletePopup target={opened} onClose={() => setOpened(null)} />
    </div>
  );
}
