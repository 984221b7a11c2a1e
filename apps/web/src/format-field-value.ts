import type { RecordField } from '@civicgrid/domain';
import type { Translate } from './i18n/i18n-context';

/** A stored value of a register field as the user reads it: an enum's label, 是/否, a date as written; '' for none. */
export function formatFieldValue(field: Pick<RecordField, 'kind' | 'options'> | undefined, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (field.kind === 'boolean') return value === true || value === 'true' ? t('common.yes') : value === false || value === 'false' ? t('common.no') : String(value);
  if (field.kind === 'enum') return field.options?.[String(value)] ?? String(value);
  if (field.kind === 'date') return String(value).slice(0, 10);
  return String(value);
}
