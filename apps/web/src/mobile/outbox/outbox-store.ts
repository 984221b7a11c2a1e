import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AnyOutboxItem, OutboxItem, OutboxKind } from './outbox-item';

/**
 * The outbox in IndexedDB: it survives reloads, closed tabs and a dead battery, and holds photos as Blobs. Every
 * write is announced to this tab's listeners and, through a BroadcastChannel, to the app's other tabs.
 */
interface OutboxSchema extends DBSchema {
  items: { key: string; value: AnyOutboxItem; indexes: { 'by-user': number } };
}

const DATABASE_NAME = 'civicgrid-outbox';
const CHANNEL_NAME = 'civicgrid-outbox';
/** Sent items stay in the list this long, so the worker can see what went through and its incident code. */
export const SENT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

let database: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function openOutbox(): Promise<IDBPDatabase<OutboxSchema>> {
  database ??= openDB<OutboxSchema>(DATABASE_NAME, 1, {
    upgrade(upgrading) {
      const items = upgrading.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('by-user', 'userId');
    },
  });
  return database;
}

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
channel?.addEventListener('message', () => notifyHere());

function notifyHere(): void {
  for (const listener of listeners) listener();
}

function announce(): void {
  notifyHere();
  channel?.postMessage('changed');
}

/** Calls `listener` after any change to the outbox, in this tab or another. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastStamp = 0;
/** Now, but later than every item this tab made before: items made in one tap keep their order. */
export function creationStamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

export const outboxStore = {
  async add(items: OutboxItem[]): Promise<void> {
    const db = await openOutbox();
    const transaction = db.transaction('items', 'readwrite');
    await Promise.all([...items.map((item) => transaction.store.add(item as AnyOutboxItem)), transaction.done]);
    announce();
  },

  async get(id: string): Promise<AnyOutboxItem | undefined> {
    return (await openOutbox()).get('items', id);
  },

  /** The user's items, oldest first: the order they are sent in. */
  async listOfUser(userId: number): Promise<AnyOutboxItem[]> {
    const items = await (await openOutbox()).getAllFromIndex('items', 'by-user', userId);
    return items.sort((a, b) => a.createdAt - b.createdAt);
  },

  /** Changes an item in one transaction with reading it; undefined when it is gone (discarded meanwhile). */
  async update<K extends OutboxKind>(
    id: string,
    change: (item: OutboxItem<K>) => Partial<OutboxItem<K>>,
  ): Promise<OutboxItem<K> | undefined> {
    const db = await openOutbox();
    const transaction = db.transaction('items', 'readwrite');
    const current = (await transaction.store.get(id)) as OutboxItem<K> | undefined;
    if (!current) {
      await transaction.done;
      return undefined;
    }
    const next = { ...current, ...change(current) };
    await transaction.store.put(next as AnyOutboxItem);
    await transaction.done;
    announce();
    return next;
  },

  async remove(id: string): Promise<void> {
    await (await openOutbox()).delete('items', id);
    announce();
  },

  /** Drops the user's items sent more than SENT_KEPT_MS ago; nothing unsent is ever dropped. */
  async pruneSent(userId: number, now = Date.now()): Promise<void> {
    const db = await openOutbox();
    const transaction = db.transaction('items', 'readwrite');
    let removed = 0;
    for (const item of await transaction.store.index('by-user').getAll(userId)) {
      if (item.state === 'sent' && item.sentAt !== null && item.sentAt < now - SENT_KEPT_MS) {
        await transaction.store.delete(item.id);
        removed += 1;
      }
    }
    await transaction.done;
    if (removed > 0) announce();
  },
};
