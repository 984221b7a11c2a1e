import type { RecordField } from '@civicgrid/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from './api-client';
import { bilingualText } from './i18n/server-text';
import { errorMessageOf } from './use-error-message';

/** A register form's values by field key, as antd's inputs hold them (dates as Dayjs). */
export type RegisterFormValues = Record<string, string | number | boolean | Dayjs | null | undefined>;

/** A record's stored values as the form's inputs take them; sensitive fields left blank, as they arrive masked. */
export function formValuesOf(fields: readonly RecordField[], stored: Record<string, unknown>): RegisterFormValues {
  const values: RegisterFormValues = {};
  for (const field of fields) {
    const value = stored[field.key];
    if (field.sensitive || value === null || value === undefined) continue;
    if (field.kind === 'date') values[field.key] = dayjs(String(value));
    else if (field.kind === 'boolean') values[field.key] = value === true;
    else if (field.kind === 'integer' || field.kind === 'decimal') values[field.key] = Number(value);
    else values[field.key] = String(value);
  }
  return values;
}

function requestValue(field: RecordField, value: RegisterFormValues[string]): unknown {
  if (value === undefined || value === null) return field.kind === 'boolean' ? false : null;
  if (field.kind === 'date') return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : null;
  if (field.kind === 'boolean') return value === true;
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** The form's values as the API takes them: keyed as the field table, dates as YYYY-MM-DD, blanks as null. */
export function requestValuesOf(fields: readonly RecordField[], values: RegisterFormValues): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.key, requestValue(field, values[field.key])]));
}

/**
 * What an edit changed: the fields whose value differs from the stored one. A sensitive field is changed only when
 * something was typed into it, since the form cannot show the value it replaces.
 */
export function changedValuesOf(fields: readonly RecordField[], before: Record<string, unknown>, after: Record<string, unknown>) {
  const sensitive = new Set(fields.filter((field) => field.sensitive).map((field) => field.key));
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => (sensitive.has(key) ? value !== null : value !== before[key])));
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A field's problem, as the domain's rules and the server give it in both languages, to be shown under that field
 * in the console's language: "姓名：必填" → "必填", "name: required" → "required" (under the field its name goes
 * without saying).
 */
export function fieldProblemOf(fields: readonly RecordField[], problem: { field: string; zh: string; en: string }): FieldProblem {
  const header = fields.find((entry) => entry.key === problem.field)?.header;
  const zh = header && problem.zh.startsWith(`${header}：`) ? problem.zh.slice(header.length + 1) : problem.zh;
  const en = problem.en.startsWith(`${problem.field}: `) ? problem.en.slice(problem.field.length + 2) : problem.en;
  return { field: problem.field, message: bilingualText({ zh, en }) };
}

function isFieldError(entry: unknown): entry is { field: string; zh?: string; en?: string } {
  return typeof entry === 'object' && entry !== null && typeof (entry as { field?: unknown }).field === 'string';
}

/** The fields a refused save names: the server puts every problem under `details.errors`, each with its field. */
export function serverFieldProblems(fields: readonly RecordField[], error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { errors?: unknown } | null | undefined;
  const list = Array.isArray(details?.errors) ? details.errors : [];
  return list.filter(isFieldError).map((entry) =>
    entry.zh !== undefined && entry.en !== undefined
      ? fieldProblemOf(fields, { field: entry.field, zh: entry.zh, en: entry.en })
      : { field: entry.field, message: errorMessageOf(error) },
  );
}
