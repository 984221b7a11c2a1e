import { sql } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../../database/schema.js';
import { personValueColumns, PERSON_VALUE_KEYS, type PersonValues } from './person-columns.js';

export interface PersonRecord {
  id: number;
  version: number;
  values: PersonValues;
  gridId: number | null;
  gridPath: string | null;
  gridName: string | null;
  communityCode: string | null;
  communityName: string | null;
  householdId: number | null;
  idNumberLegacy: boolean;
  addressesMatch: boolean | null;
  attentionSince: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type PersonRecordRow = Omit<PersonRecord, 'values'> & PersonValues;

/** Persons without a grid (not yet placed) are seen only by city-wide readers. */
export function personInJurisdiction(jurisdiction: Jurisdiction) {
  return sql`(${gridInJurisdiction(jurisdiction, 'g')} OR (g.id IS NULL AND ${jurisdiction.kind === 'everywhere'}))`;
}

const setList = (columns: Record<string, unknown>) => Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);

/** The person register's SQL: one record, its writes, and the lookups a write needs. */
export class PersonRepository {
  async findRecord(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction, options: { lock?: boolean } = {}): Promise<PersonRecord | undefined> {
    const result = await sql<PersonRecordRow>`
      SELECT p.id, p.version, ${personValueColumns()}, p.grid_id AS "gridId", g.path AS "gridPath", g.name AS "gridName",
             c.code AS "communityCode", c.name AS "communityName", p.household_id AS "householdId", p.id_number_legacy AS "idNumberLegacy",
             p.addresses_match AS "addressesMatch", p.attention_since AS "attentionSince", p.created_at AS "createdAt", p.updated_at AS "updatedAt"
      FROM persons p LEFT JOIN grids g ON g.id = p.grid_id LEFT JOIN regions c ON c.id = g.community_id
        LEFT JOIN households hh ON hh.id = p.household_id
      WHERE p.id = ${id} AND ${personInJurisdiction(jurisdiction)}
      ${options.lock ? sql`FOR UPDATE OF p` : sql``}`.execute(executor);
    const row = result.rows[0];
    if (!row) return undefined;
    const values = Object.fromEntries(PERSON_VALUE_KEYS.map((key) => [key, row[key] ?? null])) as PersonValues;
    return {
      id: row.id, version: row.version, values, gridId: row.gridId, gridPath: row.gridPath, gridName: row.gridName,
      communityCode: row.communityCode, communityName: row.communityName, householdId: row.householdId, idNumberLegacy: row.idNumberLegacy,
      addressesMatch: row.addressesMatch, attentionSince: row.attentionSince, createdAt: row.createdAt, updatedAt: row.updatedAt,
    };
  }

  /** Who holds any of these ID numbers (of one ID type), wherever they are: one person per number. */
  async holdersOfIdNumbers(executor: DatabaseExecutor, idType: string, idNumbers: string[], exceptId: number | null): Promise<{ id: number; gridPath: string | null }[]> {
    const result = await sql<{ id: number; gridPath: string | null }>`
      SELECT p.id, g.path AS "gridPath" FROM persons p LEFT JOIN grids g ON g.id = p.grid_id
      WHERE p.id_type = ${idType} AND p.id_number = ANY(${idNumbers}::text[]) AND p.id <> ${exceptId ?? 0}
      ORDER BY p.id`.execute(executor);
    return result.rows;
  }

  async insert(executor: DatabaseExecutor, columns: Record<string, unknown>): Promise<number> {
    const entries = Object.entries(columns);
    const result = await sql<{ id: number }>`
      INSERT INTO persons (${sql.join(entries.map(([column]) => sql.ref(column)))})
      VALUES (${sql.join(entries.map(([, value]) => sql`${value}`))}) RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  /** Writes the columns if the person is still at `version`; false when someone else wrote first. */
  async update(executor: DatabaseExecutor, id: number, version: number, columns: Record<string, unknown>): Promise<boolean> {
    const result = await sql`
      UPDATE persons SET ${sql.join([...setList(columns), sql`version = version + 1`, sql`updated_at = now()`])}
      WHERE id = ${id} AND version = ${version}`.execute(executor);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** The household a 户号 names in a grid (the same number in another grid is another household); created when new. */
  async householdOfNumber(executor: DatabaseExecutor, gridId: number, householdNumber: string, createdBy: number | null): Promise<number> {
    const existing = await sql<{ id: number }>`
      SELECT id FROM households WHERE grid_id = ${gridId} AND household_number = ${householdNumber} ORDER BY id LIMIT 1`.execute(executor);
    if (existing.rows[0]) return existing.rows[0].id;
    const created = await sql<{ id: number }>`
      INSERT INTO households (grid_id, household_number, created_by, updated_by) VALUES (${gridId}, ${householdNumber}, ${createdBy}, ${createdBy})
      RETURNING id`.execute(executor);
    return created.rows[0]!.id;
  }

  /** A person who says they are the head (户主) becomes the head of a household that has none. */
  async claimHeadIfNone(executor: DatabaseExecutor, householdId: number, personId: number): Promise<void> {
    await sql`UPDATE households SET head_person_id = ${personId}, updated_at = now() WHERE id = ${householdId} AND head_person_id IS NULL`.execute(executor);
  }

  async household(executor: DatabaseExecutor, householdId: number): Promise<{ id: number; householdNumber: string | null; houseLabel: string | null; headPersonId: number | null; headName: string | null } | undefined> {
    const result = await sql<{ id: number; householdNumber: string | null; houseLabel: string | null; headPersonId: number | null; headName: string | null }>`
      SELECT hh.id, hh.household_number AS "householdNumber",
             CASE WHEN h.id IS NULL THEN NULL ELSE concat_ws('-', b.name, u.name, h.number) END AS "houseLabel",
             hh.head_person_id AS "headPersonId", head.name AS "headName"
      FROM households hh LEFT JOIN houses h ON h.id = hh.house_id LEFT JOIN buildings b ON b.id = h.building_id
        LEFT JOIN units u ON u.id = h.unit_id LEFT JOIN persons head ON head.id = hh.head_person_id
      WHERE hh.id = ${householdId}`.execute(executor);
    return result.rows[0];
  }
}
