import type { FieldSearchResult, RecordPage, VisitDueView, VisitTargetKind } from '@civicgrid/domain';
import { useEffect, useState } from 'react';
import { readCached } from '../data/cached-resource';
import { fieldApi } from '../data/field-api';
import { isCorrectable } from './correction-fields';
import { SEARCH_MIN_LENGTH } from './use-visit-lookups';
import { knownTarget, rememberTargets, sameTarget } from './visit-targets';

export interface VisitTarget {
  /** the record's register values as last read, with when; null when the phone never read them */
  target: { value: FieldSearchResult; savedAt: number } | null;
  /** the record in the visits due, when it is there */
  due: VisitDueView | null;
  /** reading the register values now */
  looking: boolean;
}

/**
 * The person or house of a visit: the phone's copy at once (from a search, or the visits due read ahead), then, with
 * signal, the register as it is now, so that corrections start from today's values.
 */
export function useVisitTarget(userId: number, kind: VisitTargetKind, id: number, online: boolean): VisitTarget {
  const [due] = useState(() => readCached<RecordPage<VisitDueView>>(userId, 'visits-due')?.value.items
    .find((item) => item.targetKind === kind && item.targetId === id) ?? null);
  const [target, setTarget] = useState(() => {
    const kept = knownTarget(userId, kind, id);
    return kept && { value: kept.target, savedAt: kept.savedAt };
  });
  const [looking, setLooking] = useState(false);
  const label = (target?.value.label ?? due?.label ?? '').trim();

  useEffect(() => {
    if (!online || !isCorrectable(kind) || label.length < SEARCH_MIN_LENGTH) return;
    const controller = new AbortController();
    setLooking(true);
    fieldApi
      .search(label, controller.signal)
      .then((results) => {
        const found = results.find(sameTarget(kind, id));
        if (!found) return;
        rememberTargets(userId, [found]);
        setTarget({ value: found, savedAt: Date.now() });
      })
      // Without an answer the phone's copy stands; the form says when it was read.
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLooking(false);
      });
    return () => controller.abort();
  }, [userId, kind, id, online, label]);

  return { target, due, looking };
}
