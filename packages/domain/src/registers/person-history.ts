import { CARE_GROUP_FIELD_LABELS, CARE_GROUP_KIND_LABELS } from './care-groups.js';
import { PERSON_FIELDS } from './person-fields.js';
import { PERSON_RESIDENCY_FIELDS } from './person-residency.js';
import { SPECIAL_GROUP_FIELD_LABELS, SPECIAL_GROUP_KIND_LABELS } from './special-groups.js';

/**
 * Keys of a person's history documents beyond its fields: group records as `specialGroups.<kind>` (listed or
 * not) and `specialGroups.<kind>.<field>`, care groups likewise, and the two sides of a merge.
 */
export const PERSON_MERGE_HEADERS = { mergedFrom: '合并自人员', mergedInto: '合并至人员' } as const;

const HEADERS = new Map<string, string>([
  ...[...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS].map((field) => [field.key, field.header] as [string, string]),
  ...Object.entries(PERSON_MERGE_HEADERS),
]);

export const specialGroupChangeKey = (kind: string, field?: string) => (field ? `specialGroups.${kind}.${field}` : `specialGroups.${kind}`);
export const careGroupChangeKey = (kind: string, field?: string) => (field ? `careGroups.${kind}.${field}` : `careGroups.${kind}`);
export const isSpecialGroupChange = (field: string) => field.startsWith('specialGroups.');

export function personChangeHeader(field: string): string {
  const header = HEADERS.get(field);
  if (header) return header;
  const [group, kind, ...rest] = field.split('.');
  const groups = group === 'specialGroups' ? { kinds: SPECIAL_GROUP_KIND_LABELS as Record<string, string>, labels: SPECIAL_GROUP_FIELD_LABELS, title: '特殊人群' }
    : group === 'careGroups' ? { kinds: CARE_GROUP_KIND_LABELS as Record<string, string>, labels: CARE_GROUP_FIELD_LABELS, title: '关爱对象' } : undefined;
  if (!groups || !kind) return field;
  const kindLabel = groups.kinds[kind] ?? kind;
  if (rest.length === 0) return `${groups.title}·${kindLabel}`;
  return `${kindLabel}·${groups.labels[rest.join('.')]?.label ?? rest.join('.')}`;
}
