/**
 * The change history of register records ("活档案"): each write stores, in record_changes, the changed
 * fields only, before and after, keyed by the register's field keys (the grid by its code). Imports write the
 * same documents with change_source 'import'.
 */
export type ChangeDocument = Record<string, unknown>;

export const CHANGE_SOURCE_LABELS: Record<string, string> = { console: '页面录入', import: '批量导入', merge: '合并重复', api: '接口', visit: '走访更正' };

function sameValue(left: unknown, right: unknown): boolean {
  if ((left ?? null) === null || (right ?? null) === null) return (left ?? null) === (right ?? null);
  if (typeof left === 'object' || typeof right === 'object') return JSON.stringify(left) === JSON.stringify(right);
  return left === right;
}

/** The before and after documents of the keys whose values differ; null when nothing changed. */
export function changedFields(before: ChangeDocument, after: ChangeDocument, keys: readonly string[] = Object.keys(after)): { before: ChangeDocument; after: ChangeDocument } | null {
  const changed = keys.filter((key) => key in after && !sameValue(before[key], after[key]));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
  };
}

/** A created record's document: the fields that have a value. */
export function createdFields(values: ChangeDocument): ChangeDocument {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined && value !== false));
}

export interface FieldChangeView {
  field: string;
  header: string;
  before: unknown;
  after: unknown;
}

/** One write of a record, newest first in a history. */
export interface RecordChangeView {
  id: number;
  changedAt: string;
  changedBy: { id: number; name: string } | null;
  source: string;
  sourceLabel: string;
  changes: FieldChangeView[];
}

/**
 * The field changes of one record_changes row, named by header, in the order of the register's fields (a
 * jsonb document keeps its own key order). `present` masks or drops a value (return `undefined` to leave the
 * field out, e.g. a special-group label the reader may not see).
 */
export function fieldChanges(
  before: ChangeDocument | null,
  after: ChangeDocument | null,
  header: (field: string) => string,
  present: (field: string, value: unknown) => unknown = (_field, value) => value,
  order: readonly string[] = [],
): FieldChangeView[] {
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .sort((left, right) => rank(left) - rank(right) || left.localeCompare(right));
  const changes: FieldChangeView[] = [];
  for (const field of fields) {
    const shownBefore = present(field, before?.[field] ?? null);
    const shownAfter = present(field, after?.[field] ?? null);
    if (shownBefore === undefined || shownAfter === undefined) continue;
    changes.push({ field, header: header(field), before: shownBefore, after: shownAfter });
  }
  return changes;
}
