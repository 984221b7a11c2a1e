import {
  parseRecordValues, sameRegisterValue, VISIT_CORRECTABLE_FIELDS, type CorrectableVisitTarget, type CorrectionConflict, type FieldCorrection,
  type FieldSearchResult, type RecordField, type VisitTargetKind,
} from '@civicgrid/domain';

/** What the worker typed, per field key, as the inputs hold it (text; a blank is ''). */
export type EnteredValues = Record<string, string>;

export const isCorrectable = (kind: VisitTargetKind): kind is CorrectableVisitTarget => kind === 'person' || kind === 'house';

/** The fields of this record a visit may correct: those the search sent values for (they apply to it). */
export function correctableFieldsOf(target: FieldSearchResult): readonly RecordField[] {
  return VISIT_CORRECTABLE_FIELDS[target.kind].filter((field) => field.key in target.values);
}

/**
 * A phone is shown masked (138****0001), so its input starts empty and stands for a new number; every other field
 * starts with the value on the register.
 */
export const startsEmpty = (field: RecordField) => field.sensitive === 'phone';

export function initialEntered(fields: readonly RecordField[], seen: Record<string, unknown>): EnteredValues {
  return Object.fromEntries(fields.map((field) => [field.key, startsEmpty(field) ? '' : inputText(seen[field.key])]));
}

function inputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function changed(field: RecordField, seen: unknown, entered: string | undefined): boolean {
  if (entered === undefined) return false;
  if (startsEmpty(field)) return entered.trim() !== '';
  return !sameRegisterValue(seen, entered);
}

export type CorrectionsCheck =
  | { ok: true; fields: Record<string, FieldCorrection> }
  | { ok: false; problems: string[] };

/**
 * Only the fields the worker changed, each as { from: the value seen, to: the value entered } (offline-correction.ts),
 * the values checked and written as the register would (a phone by checkPhone, a date as a day …), so that nothing
 * waits in the outbox only to be refused.
 */
export function correctionsOf(fields: readonly RecordField[], seen: Record<string, unknown>, entered: EnteredValues): CorrectionsCheck {
  const touched = fields.filter((field) => changed(field, seen[field.key], entered[field.key]));
  const checked = touched.map((field): RecordField => (field.sensitive === 'phone' ? { ...field, check: 'phone' } : field));
  const parsed = parseRecordValues(checked, Object.fromEntries(touched.map((field) => [field.key, entered[field.key]])));
  if ('errors' in parsed) return { ok: false, problems: parsed.errors.map((error) => error.zh) };
  const corrections: Record<string, FieldCorrection> = {};
  for (const field of touched) {
    const to = parsed.values[field.key];
    // A value typed differently but the same (a phone with spaces) is no correction.
    if (!startsEmpty(field) && sameRegisterValue(seen[field.key], to)) continue;
    corrections[field.key] = { from: seen[field.key] ?? null, to: to ?? null };
  }
  return { ok: true, fields: corrections };
}

/** A register value in words: an option's label, or 空 for a blank. */
export function valueText(field: RecordField | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  return field?.options?.[String(value)] ?? String(value);
}

/**
 * What the worker is told of a correction someone else beat them to, one line each:
 * 联系电话：您填写 13912345678，但已被他人改为 137****0003，以登记为准. The server masks a phone everywhere it keeps
 * it, the worker's entry too; the phone still holds what the worker typed (`sent`) and shows them that.
 */
export function conflictLines(
  kind: VisitTargetKind,
  conflicts: readonly CorrectionConflict[],
  sent: Readonly<Record<string, FieldCorrection>> = {},
): string[] {
  const fields: readonly RecordField[] = isCorrectable(kind) ? VISIT_CORRECTABLE_FIELDS[kind] : [];
  return conflicts.map((conflict) => {
    const field = fields.find((candidate) => candidate.key === conflict.field);
    const now = valueText(field, conflict.current);
    const change = now === '空' ? '但已被他人清空' : `但已被他人改为 ${now}`;
    const entered = conflict.field in sent ? sent[conflict.field]!.to : conflict.to;
    return `${field?.header ?? conflict.field}：您填写 ${valueText(field, entered)}，${change}，以登记为准`;
  });
}
