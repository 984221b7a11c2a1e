import { CHANGE_SOURCE_LABELS, fieldChanges, type RecordChangeView } from '@civicgrid/domain';
import type { RecordChangeRow } from './record-change.repository.js';

/**
 * A record's history as readers see it: newest first, each field named by its header; `present` masks or
 * leaves out values, and a write left with nothing the reader may see is left out entirely.
 */
export function presentHistory(
  rows: RecordChangeRow[],
  header: (field: string) => string,
  present?: (field: string, value: unknown) => unknown,
  order: readonly string[] = [],
): RecordChangeView[] {
  return rows.flatMap((row) => {
    const changes = fieldChanges(row.before, row.after, header, present, order);
    if (changes.length === 0) return [];
    return [{
      id: row.id,
      changedAt: row.changedAt.toISOString(),
      changedBy: row.changedById === null ? null : { id: row.changedById, name: row.changedByName ?? '' },
      source: row.source,
      sourceLabel: CHANGE_SOURCE_LABELS[row.source] ?? row.source,
      changes,
    }];
  });
}
