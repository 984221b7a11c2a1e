import { z } from 'zod';
import { checkPhone } from './phone.js';

/**
 * Special-group and care-group records share a shape: dates of the listing, the next visit, and the details
 * that apply to the group's kind. A kind's schema says which details apply; a detail of another kind is
 * refused by name rather than silently kept.
 */
export interface GroupRecordWrite {
  riskLevel: number | null;
  guardianPersonId: number | null;
  startedOn: string | null;
  endedOn: string | null;
  nextVisitOn: string | null;
  details: Record<string, unknown>;
}

export interface GroupFieldError {
  /** `riskLevel`, `details.crime` … */
  field: string;
  label: string;
  zh: string;
  en: string;
}

export interface GroupFieldLabel {
  label: string;
  options?: Readonly<Record<string, string>>;
}

export const isoDate = z.iso.date();
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => requiredText(max).nullish();
export const optionOf = <Labels extends Readonly<Record<string, string>>>(labels: Labels) =>
  z.enum(Object.keys(labels) as [keyof Labels & string, ...(keyof Labels & string)[]]);
export const phoneNumber = z.string().refine((value) => checkPhone(value).valid, { message: '不是有效的手机或固定电话号码|is not a mobile or landline number' })
  .transform((value) => (checkPhone(value) as { normalized: string }).normalized);

/** The dates every group record may carry. */
export const GROUP_DATES = { startedOn: isoDate.nullish(), endedOn: isoDate.nullish(), nextVisitOn: isoDate.nullish() };

export const GROUP_DATE_LABELS: Record<string, GroupFieldLabel> = {
  startedOn: { label: '纳入管理日期' },
  endedOn: { label: '结束日期' },
  nextVisitOn: { label: '下次走访日期' },
};

/** An end before the start is refused on the end date. */
export function endNotBeforeStart(record: { startedOn?: string | null | undefined; endedOn?: string | null | undefined }, context: z.RefinementCtx): void {
  if (record.startedOn && record.endedOn && record.endedOn < record.startedOn) {
    context.addIssue({ code: 'custom', path: ['endedOn'], message: '不能早于纳入管理日期|cannot be before the start date' });
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Validates a group record against its kind's schema; zod's findings become messages named by the field's label. */
export function parseGroupRecord(
  schema: z.ZodType,
  labels: Record<string, GroupFieldLabel>,
  kindLabel: string,
  input: unknown,
): { record: GroupRecordWrite } | { errors: GroupFieldError[] } {
  const result = schema.safeParse(input);
  if (result.success) {
    const record = result.data as Partial<GroupRecordWrite>;
    return {
      record: {
        riskLevel: record.riskLevel ?? null, guardianPersonId: record.guardianPersonId ?? null, startedOn: record.startedOn ?? null,
        endedOn: record.endedOn ?? null, nextVisitOn: record.nextVisitOn ?? null, details: record.details ?? {},
      },
    };
  }
  const errors: GroupFieldError[] = [];
  const push = (field: string, zh: string, en: string) => {
    const label = labels[field]?.label ?? field;
    errors.push({ field, label, zh: `${label}：${zh}`, en: `${field}: ${en}` });
  };
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(field ? `${field}.${key}` : key, `不适用于${kindLabel}`, `does not apply to this group`);
    } else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      push(field, '必填', 'is required');
    } else if (issue.code === 'invalid_value') {
      const options = labels[field]?.options;
      push(field, `应为：${options ? Object.values(options).join('、') : issue.values.join('、')}`, `must be one of ${issue.values.join(', ')}`);
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      push(field, issue.origin === 'string' ? `长度超出允许范围（${bound}）` : `${issue.code === 'too_small' ? '不能小于' : '不能大于'} ${bound}`,
        `${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`);
    } else if (issue.code === 'invalid_format') {
      push(field, '不是有效日期（例如 2026-11-23）', 'is not a date (e.g. 2026-11-23)');
    } else if (issue.code === 'custom' && issue.message.includes('|')) {
      const [zh, en] = issue.message.split('|');
      push(field, zh!, en!);
    } else {
      push(field, '取值无效', issue.message);
    }
  }
  return { errors };
}
