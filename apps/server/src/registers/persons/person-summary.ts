import { sql } from 'kysely';
import { maskIdNumber, maskPhone, type Jurisdiction, type MaskedPerson } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../../database/schema.js';
import { personInJurisdiction } from './person.repository.js';

/** A person as other registers show them (owner, tenant, household member), before masking. */
export type MaskablePerson = Omit<MaskedPerson, 'idNumberMasked' | 'mobileMasked'> & { idNumber: string | null; mobile: string | null };

export function maskPerson(person: MaskablePerson): MaskedPerson {
  const { idNumber, mobile, ...rest } = person;
  return { ...rest, idNumberMasked: idNumber ? maskIdNumber(idNumber) : null, mobileMasked: mobile ? maskPhone(mobile) : null };
}

const summaryColumns = sql`
  p.id, p.name, p.gender, p.residency, p.id_number AS "idNumber", p.mobile, p.birth_date AS "birthDate", p.relation_to_head AS "relationToHead"`;

/** Persons other registers point at (owners, tenants, guardians, members): visible ones only. */
export async function visiblePerson(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction): Promise<MaskablePerson | undefined> {
  const result = await sql<MaskablePerson>`
    SELECT ${summaryColumns} FROM persons p LEFT JOIN grids g ON g.id = p.grid_id WHERE p.id = ${id} AND ${personInJurisdiction(jurisdiction)}`.execute(executor);
  return result.rows[0];
}

export async function membersOfHousehold(executor: DatabaseExecutor, householdId: number): Promise<MaskablePerson[]> {
  const result = await sql<MaskablePerson>`
    SELECT ${summaryColumns} FROM persons p WHERE p.household_id = ${householdId} AND p.deregistered_on IS NULL
    ORDER BY p.relation_to_head = '户主' DESC, p.birth_date NULLS LAST, p.id`.execute(executor);
  return result.rows;
}
