import type { Residency } from '../base-data.schema.js';
import type { RecordField } from './record-fields.js';
import { parseRecordValues, type RecordFieldError, type RecordValues } from './record-values.js';

export const INFLOW_REASON_LABELS = { work: '务工', business: '经商', study: '就学', family: '投靠亲友', other: '其他' } as const;
export const LEFT_BEHIND_KIND_LABELS = { child: '留守儿童', elderly: '留守老人', woman: '留守妇女' } as const;

/**
 * The fields that only some persons have: floating persons' inflow and residence permit, foreign persons'
 * name, visa and entry, left-behind persons' kind. Kept beside PERSON_FIELDS (which imports and exports
 * are built on) until the import staging table carries them too.
 */
export const PERSON_RESIDENCY_FIELDS = [
  { key: 'inflowReason', header: '流入原因', kind: 'enum', options: INFLOW_REASON_LABELS },
  { key: 'inflowOn', header: '流入日期', kind: 'date' },
  { key: 'residencePermitNumber', header: '居住证号码', kind: 'text', max: 40 },
  { key: 'foreignName', header: '外文姓名', kind: 'text', max: 100 },
  { key: 'visaType', header: '签证（注）种类', kind: 'text', max: 20 },
  { key: 'entryOn', header: '入境日期', kind: 'date' },
  { key: 'visaExpiresOn', header: '签证有效期至', kind: 'date' },
  { key: 'leftBehindKind', header: '留守类型', kind: 'enum', options: LEFT_BEHIND_KIND_LABELS },
] as const satisfies readonly RecordField[];
export type PersonResidencyFieldKey = (typeof PERSON_RESIDENCY_FIELDS)[number]['key'];

type Applies = 'floating' | 'foreign' | 'left_behind';
export const RESIDENCY_FIELD_APPLIES: Record<PersonResidencyFieldKey, Applies> = {
  inflowReason: 'floating', inflowOn: 'floating', residencePermitNumber: 'floating',
  foreignName: 'foreign', visaType: 'foreign', entryOn: 'foreign', visaExpiresOn: 'foreign',
  leftBehindKind: 'left_behind',
};
const APPLIES_TO: Record<Applies, { zh: string; en: string }> = {
  floating: { zh: '只适用于流动人口', en: 'applies to floating persons only' },
  foreign: { zh: '只适用于境外人员', en: 'applies to foreign persons only' },
  left_behind: { zh: '只适用于留守人员（留守人员填“是”）', en: 'applies to left-behind persons only' },
};

/**
 * Parses the residency fields of a person whose residency and left-behind flag are already known. A field
 * that does not apply is refused when it was sent (`sent`), and dropped when it is only an old value left
 * from before the person's residency changed.
 */
export function parsePersonResidencyValues(
  person: { residency: Residency; leftBehind: boolean },
  values: RecordValues,
  sent: ReadonlySet<string>,
): { values: Record<PersonResidencyFieldKey, unknown> } | { errors: RecordFieldError[] } {
  const result = parseRecordValues(PERSON_RESIDENCY_FIELDS, values);
  if ('errors' in result) return result;
  const errors: RecordFieldError[] = [];
  const parsed = result.values as Record<PersonResidencyFieldKey, unknown>;
  for (const field of PERSON_RESIDENCY_FIELDS) {
    const applies = RESIDENCY_FIELD_APPLIES[field.key];
    const applicable = applies === 'left_behind' ? person.leftBehind : person.residency === applies;
    if (applicable || parsed[field.key] === null) continue;
    if (sent.has(field.key)) {
      errors.push({ field: field.key, header: field.header, zh: `${field.header}：${APPLIES_TO[applies].zh}`, en: `${field.key}: ${APPLIES_TO[applies].en}` });
    }
    parsed[field.key] = null;
  }
  if (typeof parsed.entryOn === 'string' && typeof parsed.visaExpiresOn === 'string' && parsed.visaExpiresOn < parsed.entryOn) {
    errors.push({ field: 'visaExpiresOn', header: '签证有效期至', zh: '签证有效期至：不能早于入境日期', en: 'visaExpiresOn: cannot be before the entry date' });
  }
  return errors.length > 0 ? { errors } : { values: parsed };
}
