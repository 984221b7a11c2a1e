import { newClientId } from '../../client-id';

const LOCK_NAME = 'civicgrid-outbox-sync';
const LEASE_KEY = 'civicgrid.m.sync-lease';
const LEASE_MS = 30_000;
const tabId = newClientId();

/**
 * Runs `work` only while no other tab of the app is sending, so that two tabs never send the same item at once.
 * Returns false, without running it, when another tab holds the lock. Web Locks where the browser has them (they
 * are let go when a tab dies); elsewhere a lease in localStorage, renewed while the work runs.
 */
export async function withSyncLock(work: () => Promise<void>): Promise<boolean> {
  if (navigator.locks) {
    return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
  }
  return withLease(work);
}

interface Lease {
  tabId: string;
  until: number;
}

function readLease(): Lease | null {
  try {
    return JSON.parse(localStorage.getItem(LEASE_KEY) ?? 'null') as Lease | null;
  } catch {
    return null;
  }
}

async function withLease(work: () => Promise<void>): Promise<boolean> {
  const held = readLease();
  if (held && held.tabId !== tabId && held.until > Date.now()) return false;
  const renew = () => localStorage.setItem(LEASE_KEY, JSON.stringify({ tabId, until: Date.now() + LEASE_MS }));
  renew();
  const renewal = window.setInterval(renew, LEASE_MS / 3);
  try {
    await work();
    return true;
  } finally {
    window.clearInterval(renewal);
    if (readLease()?.tabId === tabId) localStorage.removeItem(LEASE_KEY);
  }
}
