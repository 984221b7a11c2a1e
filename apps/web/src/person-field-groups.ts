import {
  PERSON_FIELDS, PERSON_RESIDENCY_FIELDS, RESIDENCY_FIELD_APPLIES, type PersonFieldKey, type PersonResidencyFieldKey, type RegisterField,
} from '@civicgrid/domain';
import { useMemo } from 'react';
import type { MessageKey } from './i18n/i18n-context';
import { useShownFields } from './use-shown-fields';

export type PersonFormKey = PersonFieldKey | PersonResidencyFieldKey;
export type PersonField = RegisterField & { key: PersonFormKey };

/** Every field of a person: the register's own, and those only some persons have (floating, foreign, left-behind). */
export const PERSON_FIELD_LIST = [...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS] as readonly PersonField[];

/** A person's field by its key, as the console shows it in its language (header and options from the catalog). */
export function useShownPersonField(): (key: string) => PersonField | undefined {
  const fields = useShownFields('person', PERSON_FIELD_LIST);
  return useMemo(() => {
    const byKey = new Map<string, PersonField>(fields.map((field) => [field.key, field]));
    return (key: string) => byKey.get(key);
  }, [fields]);
}

/** How the person page and the form group the fields; every field of PERSON_FIELD_LIST is in one group. */
export const PERSON_FIELD_GROUPS: { title: MessageKey; keys: PersonFormKey[] }[] = [
  {
    title: 'person.fieldGroup.basic',
    keys: [
      'name', 'formerName', 'gender', 'idType', 'idNumber', 'birthDate', 'nationality', 'ethnicity', 'mobile', 'maritalStatus',
      'politicalStatus', 'education', 'religion', 'occupation', 'workplace',
    ],
  },
  {
    title: 'person.fieldGroup.residence',
    keys: [
      'residency', 'leftBehind', 'leftBehindKind', 'inflowReason', 'inflowOn', 'residencePermitNumber', 'foreignName', 'visaType', 'entryOn',
      'visaExpiresOn', 'nativePlace', 'registeredAddress', 'currentAddress',
    ],
  },
  { title: 'person.fieldGroup.grid', keys: ['gridCode', 'householdNumber', 'relationToHead'] },
  {
    title: 'person.fieldGroup.attention',
    keys: ['attentionLevel', 'underAttention', 'attentionReason', 'dataSource', 'nextVisitOn', 'lastVerifiedOn', 'deregisteredOn', 'deregistrationReason'],
  },
];

/** Set by 注销, not by the form. */
export const DEREGISTRATION_KEYS: ReadonlySet<string> = new Set(['deregisteredOn', 'deregistrationReason']);

/** Whether a field applies to a person of this residency: inflow only for floating persons, visas only for foreign ones … */
export function fieldApplies(key: string, person: { residency?: unknown; leftBehind?: unknown }): boolean {
  const applies = RESIDENCY_FIELD_APPLIES[key as PersonResidencyFieldKey];
  if (!applies) return true;
  return applies === 'left_behind' ? person.leftBehind === true : person.residency === applies;
}
