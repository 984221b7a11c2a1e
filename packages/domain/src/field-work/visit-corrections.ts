import { maskIdNumber, maskPhone } from '../masking.js';
import { HOUSE_FIELDS } from '../registers/house-fields.js';
import { PERSON_FIELDS } from '../registers/person-fields.js';
import { PERSON_RESIDENCY_FIELDS, RESIDENCY_FIELD_APPLIES, type PersonResidencyFieldKey } from '../registers/person-residency.js';
import type { RecordField } from '../registers/record-fields.js';
import { sameRegisterValue, settleCorrection, type FieldCorrection, type SettledCorrection } from './offline-correction.js';
import type { CORRECTABLE_VISIT_TARGETS } from './visit.js';

export type CorrectableVisitTarget = (typeof CORRECTABLE_VISIT_TARGETS)[number];

const pick = (fields: readonly RecordField[], keys: readonly string[]): readonly RecordField[] =>
  keys.map((key) => {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) throw new Error(`no register field ${key}`);
    return field;
  });

/**
 * What a grid worker finds out at the door and may put right on the spot: how to reach the person, where they
 * live and work, and the papers of a floating or foreign person. Identity (name, ID number, birth date), the grid
 * and the household, and the attention a person is under stay with the console.
 */
export const VISIT_CORRECTABLE_PERSON_FIELDS = pick([...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS], [
  'mobile', 'currentAddress', 'registeredAddress', 'occupation', 'workplace', 'maritalStatus', 'education',
  'residencePermitNumber', 'visaType', 'visaExpiresOn',
]);

/** A house's use (rented out, standing empty …) and its area: what a visit sees. */
export const VISIT_CORRECTABLE_HOUSE_FIELDS = pick(HOUSE_FIELDS, ['use', 'areaSquareMetres']);

export const VISIT_CORRECTABLE_FIELDS: Record<CorrectableVisitTarget, readonly RecordField[]> = {
  person: VISIT_CORRECTABLE_PERSON_FIELDS,
  house: VISIT_CORRECTABLE_HOUSE_FIELDS,
};

/**
 * The correctable fields that apply to this record: a residence permit only to a floating person, a visa only to a
 * foreign one (the register refuses them on anyone else).
 */
export function applicableCorrectableFields(kind: CorrectableVisitTarget, record: Record<string, unknown>): readonly RecordField[] {
  if (kind === 'house') return VISIT_CORRECTABLE_HOUSE_FIELDS;
  return VISIT_CORRECTABLE_PERSON_FIELDS.filter((field) => {
    const applies = RESIDENCY_FIELD_APPLIES[field.key as PersonResidencyFieldKey];
    if (applies === undefined) return true;
    return applies === 'left_behind' ? record.leftBehind === true : record.residency === applies;
  });
}

/** A register value as a worker sees it: ID numbers and phones masked, as every person view shows them. */
export function visibleRegisterValue(field: RecordField, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value ?? null;
  if (field.sensitive === 'phone') return maskPhone(value);
  if (field.sensitive === 'id_number') return maskIdNumber(value);
  return value;
}

/**
 * A visit's corrections settled by `settleCorrection` against the record's values now. The phone shows a sensitive
 * value masked, so a `from` equal to the masked value now is what the worker saw. A conflict is kept with the visit
 * and shown to whoever reads it, so its values of a sensitive field are masked, as every person view shows them.
 */
export function settleVisitCorrections(
  fields: readonly RecordField[],
  current: Record<string, unknown>,
  corrections: Record<string, FieldCorrection>,
): SettledCorrection {
  const fieldOf = new Map(fields.map((field) => [field.key, field]));
  const seen = Object.fromEntries(Object.entries(corrections).map(([key, correction]) => {
    const field = fieldOf.get(key);
    const sawMasked = field?.sensitive !== undefined && !sameRegisterValue(correction.from, current[key])
      && sameRegisterValue(correction.from, visibleRegisterValue(field, current[key]));
    return [key, sawMasked ? { ...correction, from: current[key] } : correction];
  }));
  const settled = settleCorrection(current, seen);
  return {
    ...settled,
    conflicts: settled.conflicts.map((conflict) => {
      const field = fieldOf.get(conflict.field);
      const shown = (value: unknown) => (field ? visibleRegisterValue(field, value) : value);
      return { field: conflict.field, from: shown(corrections[conflict.field]!.from), to: shown(conflict.to), current: shown(conflict.current) };
    }),
  };
}
