import { sql, type RawBuilder } from 'kysely';
import { PERSON_FIELDS, PERSON_RESIDENCY_FIELDS, type PersonFieldKey, type PersonResidencyFieldKey } from '@civicgrid/domain';

export type PersonValueKey = PersonFieldKey | PersonResidencyFieldKey;
export type PersonValues = Record<PersonValueKey, unknown>;

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Every key a person's values (and history documents) are kept under. */
export const PERSON_VALUE_KEYS: PersonValueKey[] = [...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS].map((field) => field.key);

// the grid and the household are references, named by code and number; every other field is a column of persons
const REFERENCES = new Set<string>(['gridCode', 'householdNumber']);
export const PERSON_COLUMNS: { key: PersonValueKey; column: string }[] = PERSON_VALUE_KEYS
  .filter((key) => !REFERENCES.has(key))
  .map((key) => ({ key, column: snake(key) }));

/** The value columns of `p`, named by field key; the query joins the grid as `g` and the household as `hh`. */
export function personValueColumns(): RawBuilder<unknown> {
  return sql.join([
    ...PERSON_COLUMNS.map(({ key, column }) => sql`${sql.ref(`p.${column}`)} AS ${sql.ref(key)}`),
    sql`g.code AS "gridCode"`,
    sql`hh.household_number AS "householdNumber"`,
  ]);
}

/** Column → value of the stored fields in `values` (the references left out). */
export function personColumnValues(values: Partial<PersonValues>): Record<string, unknown> {
  return Object.fromEntries(PERSON_COLUMNS.filter(({ key }) => key in values).map(({ key, column }) => [column, values[key] ?? null]));
}

/** The ID types a search by number looks through (each a branch of the unique (id_type, id_number) index). */
export const ID_TYPES = ['resident_id_card', 'passport', 'hk_macao_pass', 'taiwan_pass', 'foreign_permanent_resident', 'other'];
