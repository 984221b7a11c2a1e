import type { FieldSearchResult } from '@civicgrid/domain';

/**
 * The persons and houses the worker has looked up (by search, or the visits due read ahead), kept on the phone with
 * their register values and version, so that a visit recorded with no signal can still correct them: the values
 * kept are the `from` of a correction, their version its `baseVersion`.
 */
export interface KeptTarget {
  target: FieldSearchResult;
  /** when the values were read from the server (epoch ms) */
  savedAt: number;
}

/** Enough for a week of visits; the oldest go first. */
const MAX_KEPT = 300;

const storageKey = (userId: number) => `civicgrid.m.visit-targets.${userId}`;
export const targetKey = (kind: string, id: number) => `${kind}:${id}`;

/** Every kept target, by targetKey. */
export function keptTargets(userId: number): Record<string, KeptTarget> {
  try {
    return (JSON.parse(localStorage.getItem(storageKey(userId)) ?? '{}') as Record<string, KeptTarget> | null) ?? {};
  } catch {
    return {};
  }
}

export function rememberTargets(userId: number, targets: readonly FieldSearchResult[], savedAt = Date.now()): void {
  if (targets.length === 0) return;
  const kept = keptTargets(userId);
  for (const target of targets) kept[targetKey(target.kind, target.id)] = { target, savedAt };
  const newestFirst = Object.entries(kept).sort(([, a], [, b]) => b.savedAt - a.savedAt).slice(0, MAX_KEPT);
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(Object.fromEntries(newestFirst)));
  } catch {
    // A full storage keeps what it had: the visit itself never depends on this copy.
  }
}

export function knownTarget(userId: number, kind: string, id: number): KeptTarget | null {
  return keptTargets(userId)[targetKey(kind, id)] ?? null;
}

/** The search result that is this record, among those a search for its name or label found. */
export function sameTarget(kind: string, id: number) {
  return (result: FieldSearchResult) => result.kind === kind && result.id === id;
}
