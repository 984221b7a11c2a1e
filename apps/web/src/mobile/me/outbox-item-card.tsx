import { Button, Dialog } from 'antd-mobile';
import { useOutbox } from '../outbox/outbox-context';
import { OUTBOX_KIND_LABELS, OUTBOX_STATE_LABELS, type AnyOutboxItem } from '../outbox/outbox-item';
import { shortTime } from '../shell/format-time';
import { useOnline } from '../shell/use-online';

/** One outbox item: what, when, its state, tries and last error in plain Chinese, and what the worker may do. */
export function OutboxItemCard({ item }: { item: AnyOutboxItem }) {
  const { retryNow, discard } = useOutbox();
  const online = useOnline();
  // A pending item goes by itself; one that failed or was refused may be tried again at once, if there is signal.
  const retriable = online && (item.state === 'failed' || item.state === 'conflict');

  const confirmDiscard = async () => {
    const confirmed = await Dialog.confirm({
      title: '放弃这条记录？',
      content: '放弃后这条记录会从手机上删除，不会再发送。',
      confirmText: '放弃',
      cancelText: '保留',
    });
    if (confirmed) await discard(item.id);
  };

  return (
    <li className={`m-outbox-item m-outbox-item-${item.state}`} data-testid="outbox-item" data-state={item.state} data-kind={item.kind}>
      <div className="m-outbox-item-head">
        <span className="m-outbox-kind">{OUTBOX_KIND_LABELS[item.kind]}</span>
        <span className={`m-state m-state-${item.state}`} data-testid="outbox-item-state">
          {OUTBOX_STATE_LABELS[item.state]}
        </span>
      </div>
      <div className="m-outbox-title">{item.title}</div>
      <div className="m-note">
        {shortTime(item.createdAt)} 记录
        {item.photos.length > 0 && ` · ${item.photos.length} 张照片`}
        {item.attempts > 0 && ` · 已尝试 ${item.attempts} 次`}
        {item.state === 'failed' && item.nextAttemptAt > Date.now() && ` · ${shortTime(item.nextAttemptAt)} 再试`}
      </div>
      {item.result && (
        <div className="m-outbox-result" data-testid="outbox-item-result">
          {item.result.label}
          {item.sentAt !== null && ` · ${shortTime(item.sentAt)} 送达`}
        </div>
      )}
      {item.result?.notice && (
        <div className="m-outbox-notice" data-testid="outbox-item-notice">
          {/* one line per point, e.g. each register field someone else had changed */}
          {item.result.notice.split('\n').map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      {item.lastError && item.state !== 'sent' && (
        <div className={item.state === 'conflict' ? 'm-outbox-error m-outbox-error-conflict' : 'm-outbox-error'} data-testid="outbox-item-error">
          {item.lastError}
        </div>
      )}
      {(retriable || item.state === 'conflict') && (
        <div className="m-outbox-actions">
          {retriable && (
            <Button size="middle" color="primary" fill="outline" onClick={() => void retryNow(item.id)}>
              立即重试
            </Button>
          )}
          {item.state === 'conflict' && (
            <Button size="middle" color="danger" fill="outline" onClick={() => void confirmDiscard()}>
              放弃
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
