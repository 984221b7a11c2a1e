import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbortError } from '../../api-client';
import { useOnline } from '../shell/use-online';

/**
 * What the app last read from the server, kept on the phone (localStorage, per user) so that screens show the last
 * known values with their time when there is no network. Only reference data and counts are kept this way; what
 * the worker records goes through the outbox.
 */
interface Stored<T> {
  value: T;
  savedAt: number;
}

const storageKey = (userId: number, name: string) => `civicgrid.m.cache.${userId}.${name}`;

export function readCached<T>(userId: number, name: string): Stored<T> | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey(userId, name)) ?? 'null') as Stored<T> | null;
  } catch {
    return null;
  }
}

/** Keeps a value read outside a screen (e.g. read ahead for offline use) as if the screen had read it. */
export function writeCached<T>(userId: number, name: string, value: T): Stored<T> {
  const stored = { value, savedAt: Date.now() };
  try {
    localStorage.setItem(storageKey(userId, name), JSON.stringify(stored));
  } catch {
    // A full storage keeps the older copy; the screen still shows the fresh value for now.
  }
  return stored;
}

export interface CachedResource<T> {
  value: T | null;
  /** when `value` was read from the server (epoch ms) */
  savedAt: number | null;
  /** read from the server since the screen opened */
  fresh: boolean;
  /** the last refresh failed with this message (the kept value, if any, is still shown) */
  problem: string | null;
  reload: () => void;
}

/**
 * The kept value at once, then the server's when it answers; read again when the network returns or `reload` is
 * called. `name` identifies the resource (and its parameters) for this user.
 */
export function useCachedResource<T>(userId: number, name: string, load: (signal: AbortSignal) => Promise<T>): CachedResource<T> {
  const online = useOnline();
  const [stored, setStored] = useState<Stored<T> | null>(() => readCached<T>(userId, name));
  const [fresh, setFresh] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    setStored(readCached<T>(userId, name));
    setFresh(false);
  }, [userId, name]);

  useEffect(() => {
    if (!online) return;
    const controller = new AbortController();
    load(controller.signal)
      .then((value) => {
        setStored(writeCached(userId, name, value));
        setFresh(true);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setProblem(error instanceof ApiError || error instanceof Error ? error.message : '读取失败');
      });
    return () => controller.abort();
    // `load` is fixed per name.
  }, [userId, name, online, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  // A phone app is left open for hours: coming back to it is the moment to look again.
  useEffect(() => {
    const returned = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', returned);
    return () => document.removeEventListener('visibilitychange', returned);
  }, [reload]);
  return { value: stored?.value ?? null, savedAt: stored?.savedAt ?? null, fresh, problem, reload };
}
