import type { FieldSearchResult, VisitDueView } from '@civicgrid/domain';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, isAbortError } from '../../api-client';
import { fieldApi } from '../data/field-api';
import { keptTargets, rememberTargets, sameTarget, targetKey } from './visit-targets';

/** The server answers searches of at least this many characters (fieldSearchQuerySchema). */
export const SEARCH_MIN_LENGTH = 2;
/** Typing pauses this long before a search goes out: one request per word, not per key. */
const SEARCH_PAUSE_MS = 350;
/** The visits due read ahead at most, one small search each. */
const READ_AHEAD = 20;

export interface FieldSearch {
  results: FieldSearchResult[] | null;
  searching: boolean;
  problem: string | null;
}

/** GET /api/field/search for what the worker types, online only; every result is kept for a visit made offline. */
export function useFieldSearch(userId: number, query: string, online: boolean): FieldSearch {
  const [search, setSearch] = useState<FieldSearch>({ results: null, searching: false, problem: null });
  const text = query.trim();
  useEffect(() => {
    if (!online || text.length < SEARCH_MIN_LENGTH) {
      setSearch({ results: null, searching: false, problem: null });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSearch((current) => ({ ...current, searching: true, problem: null }));
      fieldApi
        .search(text, controller.signal)
        .then((results) => {
          rememberTargets(userId, results);
          setSearch({ results, searching: false, problem: null });
        })
        .catch((error: unknown) => {
          if (isAbortError(error) || controller.signal.aborted) return;
          setSearch({ results: null, searching: false, problem: error instanceof ApiError ? error.message : '查找失败，请重试' });
        });
    }, SEARCH_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [userId, text, online]);
  return search;
}

/**
 * With signal, reads ahead the register values of the visits due that the phone does not hold yet, one search by
 * name at a time, so that a visit made later out of signal can still correct them.
 */
export function useReadAheadDueTargets(userId: number, due: readonly VisitDueView[] | null, fresh: boolean): void {
  const missing = useMemo(() => {
    if (!fresh || !due) return [];
    const kept = keptTargets(userId);
    return due.filter((item) => item.label.trim().length >= SEARCH_MIN_LENGTH && !kept[targetKey(item.targetKind, item.targetId)]).slice(0, READ_AHEAD);
  }, [userId, due, fresh]);
  const missingKey = missing.map((item) => targetKey(item.targetKind, item.targetId)).join(',');
  useEffect(() => {
    if (!missingKey) return;
    const controller = new AbortController();
    void (async () => {
      for (const item of missing) {
        try {
          const results = await fieldApi.search(item.label.trim(), controller.signal);
          rememberTargets(userId, results.filter(sameTarget(item.targetKind, item.targetId)));
        } catch {
          // The next opening of the list tries again; a visit works without the values anyway.
          if (controller.signal.aborted) return;
        }
      }
    })();
    return () => controller.abort();
    // Keyed by which targets are missing, not by the array the list was read into.
  }, [userId, missingKey]);
}
