import type { RecordField } from '@civicgrid/domain';
import { isMessageKey, type Translate } from './i18n/translate';

/** The registers whose field tables the console shows. */
export type RegisterName = 'person' | 'organization' | 'place' | 'facility';

/** What the catalog lookups below need: the console's `t` and `lookup` (useI18n gives both). */
export interface CatalogText {
  t: Translate;
  /** a key named at run time, or `fallback` (the domain's or server's Chinese) when the catalog has none */
  lookup: (key: string, fallback: string) => string;
}

/** Code tables the catalog names on their own, since tags and filters show them too. */
const OWN_TABLES: Partial<Record<string, string>> = { residency: 'residency', attentionLevel: 'attentionLevel' };

/**
 * A field's header in the catalog: `field.<register>.<key>` where registers give one key different headers (name is
 * 姓名 or 单位名称), `field.<key>` otherwise.
 */
export function fieldHeaderKey(register: RegisterName, key: string): string {
  const own = `field.${register}.${key}`;
  return isMessageKey(own) ? own : `field.${key}`;
}

/** An option of a field in the catalog, by its stored code: `field.<register>.<key>.<code>` or `field.<key>.<code>`. */
export function fieldOptionKey(register: RegisterName, key: string, code: string): string {
  const own = `field.${register}.${key}.${code}`;
  return isMessageKey(own) ? own : `${OWN_TABLES[key] ?? `field.${key}`}.${code}`;
}

/**
 * A field of a register's table as the console shows it: header and option labels in the console's language, the
 * rest as the table has it. For showing only: the domain's rules name fields by their Chinese headers.
 */
export function shownField<Field extends Pick<RecordField, 'key' | 'header' | 'options'>>(
  register: RegisterName,
  field: Field,
  lookup: CatalogText['lookup'],
): Field {
  const header = lookup(fieldHeaderKey(register, field.key), field.header);
  if (!field.options) return { ...field, header };
  const options = Object.fromEntries(Object.entries(field.options).map(([code, label]) => [code, lookup(fieldOptionKey(register, field.key, code), label)]));
  return { ...field, header, options };
}

const GROUP_PREFIXES: Partial<Record<string, 'specialGroup' | 'careGroup'>> = { specialGroups: 'specialGroup', careGroups: 'careGroup' };

/** A special or care group of a person's history key (`specialGroups.<kind>.<field>`), with the field's path in it. */
function groupChange(field: string): { prefix: 'specialGroup' | 'careGroup'; kind: string; path: string } | null {
  const [group = '', kind, ...rest] = field.split('.');
  const prefix = GROUP_PREFIXES[group];
  return prefix && kind ? { prefix, kind, path: rest.join('.') } : null;
}

/**
 * The header of a change in a person's history (as the domain's personChangeHeader names it) in the console's
 * language; `header`, as the server wrote it, for a key not known here.
 */
export function personChangeHeader(field: string, header: string, text: CatalogText): string {
  if (field === 'mergedFrom' || field === 'mergedInto') return text.t(`history.${field}`);
  const group = groupChange(field);
  if (!group) return text.lookup(fieldHeaderKey('person', field), header);
  const kind = text.lookup(`${group.prefix}.${group.kind}`, group.kind);
  if (group.path === '') return text.t(`history.${group.prefix}`, { kind });
  return text.t('history.groupField', { kind, field: text.lookup(`${group.prefix}.field.${group.path}`, group.path) });
}

/** A coded value of a group record in a person's history (a treatment, a category), in the console's language; null for others. */
export function groupOptionLabel(field: string, value: unknown, text: CatalogText): string | null {
  const group = groupChange(field);
  if (!group || group.path === '') return null;
  const key = `${group.prefix}.field.${group.path}.${String(value)}`;
  return isMessageKey(key) ? text.t(key) : null;
}
