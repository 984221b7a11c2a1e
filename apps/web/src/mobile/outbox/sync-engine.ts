import { outboxStore } from './outbox-store';
import { WAITING_STATES, type AnyOutboxItem, type OutboxItem, type OutboxKind, type OutboxProgress, type OutboxResult } from './outbox-item';
import { retryDelay } from './retry-delay';
import { classifyFailure } from './send-failure';
import { OUTBOX_SENDERS } from './senders';
import type { OutboxSender } from './senders/outbox-sender';
import { withSyncLock } from './sync-lock';

/** How often the engine looks for due items even when nothing told it to (a retry time passed, another tab stopped). */
const TICK_MS = 15_000;

export interface SyncStatus {
  /** a run is sending items now */
  syncing: boolean;
  /** the session ended (401): nothing is sent until the worker signs in again */
  signedOut: boolean;
}

type Outcome = 'next' | 'stop';

/**
 * Sends one user's outbox, one item at a time, oldest first, whenever it may: on start, after each enqueue, when
 * the network comes back, and on a timer for retries that fell due. A failed try waits retryDelay(attempts) before
 * the next (an item waiting for its retry does not hold back the items after it); no network or an ended session
 * stops the run, as every further item would fail the same way. Only one tab sends at a time (withSyncLock).
 */
export class SyncEngine {
  private status: SyncStatus = { syncing: false, signedOut: false };
  private running = false;
  private runAgain = false;
  private stopped = false;
  private timer: number | undefined;
  private retryTimer: number | undefined;
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  constructor(
    private readonly userId: number,
    private readonly onSignedOut: () => void,
  ) {}

  start(): () => void {
    this.stopped = false;
    const online = () => void this.networkReturned();
    window.addEventListener('online', online);
    this.timer = window.setInterval(() => this.kick(), TICK_MS);
    void outboxStore.pruneSent(this.userId).finally(() => this.kick());
    return () => {
      this.stopped = true;
      window.removeEventListener('online', online);
      window.clearInterval(this.timer);
      window.clearTimeout(this.retryTimer);
    };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Sends what is due, now or right after the run in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    void this.run();
  }

  /** 立即重试: the item is due now, whatever its backoff (a conflict is tried again too: the worker chose to). */
  async retryNow(id: string): Promise<void> {
    await outboxStore.update(id, (item) => (item.state === 'sent' ? {} : { state: 'pending', nextAttemptAt: Date.now() }));
    this.kick();
  }

  /** The network is back: whatever failed for the want of it is due now, not at the end of its backoff. */
  private async networkReturned(): Promise<void> {
    for (const item of await outboxStore.listOfUser(this.userId)) {
      if (item.state === 'failed') await outboxStore.update(item.id, () => ({ nextAttemptAt: Date.now() }));
    }
    this.kick();
  }

  private setStatus(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.runAgain = false;
        if (!navigator.onLine || this.status.signedOut) break;
        await withSyncLock(() => this.sendDue());
      } while (this.runAgain && !this.stopped);
    } catch (error) {
      // The outbox itself failed (storage full, database closed): nothing is lost, the timer tries again.
      console.error('outbox sync failed', error);
    } finally {
      this.running = false;
      this.setStatus({ syncing: false });
      await this.scheduleRetry();
    }
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = Date.now();
      const items = await outboxStore.listOfUser(this.userId);
      // 'sending' left over from a closed tab counts as due: the lock says no one else is sending it.
      const due = items.find((item) => WAITING_STATES.includes(item.state) && item.nextAttemptAt <= now);
      if (!due) return;
      this.setStatus({ syncing: true });
      if ((await this.sendOne(due)) === 'stop') return;
    }
  }

  private async sendOne(item: AnyOutboxItem): Promise<Outcome> {
    await outboxStore.update(item.id, () => ({ state: 'sending' }));
    const attempts = item.attempts + 1;
    try {
      const result = await sendWith(item);
      await outboxStore.update(item.id, () => ({ state: 'sent', attempts, result, lastError: null, sentAt: Date.now() }));
      return 'next';
    } catch (error) {
      const failure = classifyFailure(error);
      const now = Date.now();
      switch (failure.kind) {
        case 'signed-out':
          // Not the item's fault: its tries and backoff stay as they were.
          await outboxStore.update(item.id, () => ({ state: 'failed', lastError: failure.message, nextAttemptAt: now }));
          this.setStatus({ signedOut: true });
          this.onSignedOut();
          return 'stop';
        case 'offline':
          await outboxStore.update(item.id, () => ({ state: 'failed', attempts, lastError: failure.message, nextAttemptAt: now + retryDelay(attempts) }));
          return 'stop';
        case 'retry':
          await outboxStore.update(item.id, () => ({ state: 'failed', attempts, lastError: failure.message, nextAttemptAt: now + retryDelay(attempts) }));
          return 'next';
        case 'refused':
          await outboxStore.update(item.id, () => ({ state: 'conflict', attempts, lastError: failure.message }));
          return 'next';
      }
    }
  }

  /** Wakes up when the earliest waiting item falls due (the tick is a backstop, and too slow for a 5 s retry). */
  private async scheduleRetry(): Promise<void> {
    window.clearTimeout(this.retryTimer);
    if (this.stopped) return;
    const waiting = (await outboxStore.listOfUser(this.userId)).filter((item) => WAITING_STATES.includes(item.state));
    if (waiting.length === 0) return;
    const soonest = Math.min(...waiting.map((item) => item.nextAttemptAt));
    this.retryTimer = window.setTimeout(() => this.kick(), Math.max(0, soonest - Date.now()) + 50);
  }
}

/** Hands the item, as stored with the progress of earlier tries, to its kind's sender. */
function sendWith<K extends OutboxKind>(item: OutboxItem<K>): Promise<OutboxResult> {
  const sender: OutboxSender<K> = OUTBOX_SENDERS[item.kind];
  const saveProgress = async (progress: OutboxProgress[K]) => {
    await outboxStore.update<K>(item.id, () => ({ progress }) as Partial<OutboxItem<K>>);
  };
  return sender.send({ item, saveProgress });
}
