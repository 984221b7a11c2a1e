/**
 * The one rule by which a register correction made offline settles against the record as it is when it arrives.
 *
 * The phone sends, for each field it changed, the value it saw (`from`, at the record's version then) and the value
 * the worker entered (`to`). On arrival, field by field:
 * - the server's value still equals `from`: nobody else changed the field, the worker's value is applied;
 * - the server's value already equals `to`: someone made the same correction, nothing to do;
 * - otherwise someone changed the field meanwhile: the server's value stays and the field is a conflict, shown to
 *   the worker with both values. A later correction starts from the new value.
 * Fields the worker did not touch are never written, so two people correcting different fields both win.
 */
export interface FieldCorrection {
  from: unknown;
  to: unknown;
}

export interface CorrectionConflict {
  field: string;
  /** what the worker saw */
  from: unknown;
  /** what the worker entered */
  to: unknown;
  /** what the record holds now, and keeps */
  current: unknown;
}

export interface SettledCorrection {
  /** the fields to write, with the worker's values */
  apply: Record<string, unknown>;
  /** fields already holding the worker's value */
  unchanged: string[];
  conflicts: CorrectionConflict[];
}

/** Register values compare as written: empty string and null are the same blank, dates by their ISO day. */
export function sameRegisterValue(a: unknown, b: unknown): boolean {
  const normal = (value: unknown): unknown => {
    if (value === undefined || value === null || value === '') return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value).trim();
  };
  return normal(a) === normal(b);
}

export function settleCorrection(current: Record<string, unknown>, corrections: Record<string, FieldCorrection>): SettledCorrection {
  const settled: SettledCorrection = { apply: {}, unchanged: [], conflicts: [] };
  for (const [field, { from, to }] of Object.entries(corrections)) {
    const now = current[field];
    if (sameRegisterValue(now, to)) settled.unchanged.push(field);
    else if (sameRegisterValue(now, from)) settled.apply[field] = to;
    else settled.conflicts.push({ field, from, to, current: now ?? null });
  }
  return settled;
}
