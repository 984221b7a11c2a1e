import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { newClientId } from '../../client-id';
import { creationStamp, onOutboxChange, outboxStore } from './outbox-store';
import type { AnyOutboxItem, OutboxDraft, OutboxItem, OutboxKind, OutboxPayloads, OutboxPhoto } from './outbox-item';
import { OUTBOX_SENDERS } from './senders';
import type { OutboxSender } from './senders/outbox-sender';
import { SyncEngine, type SyncStatus } from './sync-engine';

/**
 * The signed-in worker's outbox for the screens: the items as they change (in any tab), the engine's status, and
 * the one way to add work. Extension point: a screen that records something calls `enqueue` with a draft of its
 * kind when the worker taps submit, and is done; it never calls the API for writes itself.
 */
export interface Outbox {
  /** the worker's items, oldest first */
  items: AnyOutboxItem[];
  loaded: boolean;
  status: SyncStatus;
  /** Stores the drafts (one tap may make several, e.g. an all-clear per grid) and starts sending. */
  enqueue: (drafts: OutboxDraft[]) => Promise<OutboxItem[]>;
  retryNow: (id: string) => Promise<void>;
  /** Drops an unsent item for good: only ever at the worker's word. */
  discard: (id: string) => Promise<void>;
  syncNow: () => void;
}

const OutboxContext = createContext<Outbox | null>(null);

function newItem<K extends OutboxKind>(
  userId: number,
  draft: { kind: K; title: string; payload: OutboxPayloads[K]; photos?: OutboxPhoto[]; id?: string },
): OutboxItem<K> {
  const sender: OutboxSender<K> = OUTBOX_SENDERS[draft.kind];
  return {
    // The client id is made here, once, when the worker taps submit (or given, made earlier); every try sends it again.
    id: draft.id ?? newClientId(),
    userId,
    kind: draft.kind,
    title: draft.title,
    payload: draft.payload,
    photos: draft.photos ?? [],
    progress: sender.initialProgress(),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    result: null,
    createdAt: creationStamp(),
    sentAt: null,
  };
}

export function OutboxProvider({ userId, onSignedOut, children }: { userId: number; onSignedOut: () => void; children: ReactNode }) {
  const [items, setItems] = useState<AnyOutboxItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<SyncStatus>({ syncing: false, signedOut: false });
  const [engine] = useState(() => new SyncEngine(userId, onSignedOut));

  useEffect(() => {
    let current = true;
    let reading = false;
    let readAgain = false;
    const read = async () => {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      do {
        readAgain = false;
        const next = await outboxStore.listOfUser(userId);
        if (!current) return;
        setItems(next);
        setLoaded(true);
      } while (readAgain);
      reading = false;
    };
    void read();
    const unsubscribe = onOutboxChange(() => void read());
    return () => {
      current = false;
      unsubscribe();
    };
  }, [userId]);

  useEffect(() => {
    const stop = engine.start();
    const unsubscribe = engine.onStatus(setStatus);
    return () => {
      unsubscribe();
      stop();
    };
  }, [engine]);

  const enqueue = useCallback(
    async (drafts: OutboxDraft[]) => {
      const made = drafts.map((draft) => newItem(userId, draft));
      await outboxStore.add(made);
      engine.kick();
      return made;
    },
    [engine, userId],
  );
  const retryNow = useCallback((id: string) => engine.retryNow(id), [engine]);
  const discard = useCallback((id: string) => outboxStore.remove(id), []);
  const syncNow = useCallback(() => engine.kick(), [engine]);

  const outbox = useMemo(
    () => ({ items, loaded, status, enqueue, retryNow, discard, syncNow }),
    [items, loaded, status, enqueue, retryNow, discard, syncNow],
  );
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox needs an OutboxProvider');
  return outbox;
}
