import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseSchema } from '../database/schema.js';

export interface PersonRecordRow {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  idType: string;
  idNumber: string | null;
  birthDate: string | null;
  nationality: string;
  residency: 'registered' | 'floating' | 'foreign';
  mobile: string | null;
  currentAddress: string | null;
  relationToHead: string | null;
  householdId: number | null;
  gridCode: string | null;
  gridName: string | null;
  dataSource: string;
  lastVerifiedOn: string | null;
}

export class PersonRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** A person in the actor's jurisdiction; persons not yet placed in a grid are seen only city-wide. */
  async findById(id: number, jurisdiction: Jurisdiction): Promise<PersonRecordRow | undefined> {
    const result = await sql<PersonRecordRow>`
      SELECT p.id, p.name, p.gender, p.id_type AS "idType", p.id_number AS "idNumber", p.birth_date AS "birthDate",
             p.nationality, p.residency, p.mobile, p.current_address AS "currentAddress", p.relation_to_head AS "relationToHead",
             p.household_id AS "householdId", g.code AS "gridCode", g.name AS "gridName", p.data_source AS "dataSource",
             p.last_verified_on AS "lastVerifiedOn"
      FROM persons p LEFT JOIN grids g ON g.id = p.grid_id
      WHERE p.id = ${id} AND (${gridInJurisdiction(jurisdiction, 'g')} OR (g.id IS NULL AND ${jurisdiction.kind === 'everywhere'}))`.execute(this.db);
    return result.rows[0];
  }
}
