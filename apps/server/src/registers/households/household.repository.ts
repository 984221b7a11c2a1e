import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import { containing } from '../like-pattern.js';

export interface HouseholdRow {
  id: number;
  version: number;
  householdNumber: string | null;
  kind: string;
  houseId: number | null;
  houseLabel: string | null;
  buildingId: number | null;
  buildingName: string | null;
  gridId: number;
  gridCode: string;
  gridName: string;
  headPersonId: number | null;
  headName: string | null;
  members: number;
  attentionLevel: number;
  dataSource: string;
  deregisteredOn: string | null;
  deregistrationReason: string | null;
  nextVisitOn: string | null;
  lastVerifiedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface HouseholdFilter {
  gridId?: number | undefined;
  regionPath?: string | undefined;
  houseId?: number | undefined;
  q?: string | undefined;
  deregistered: boolean;
}

const columns = sql`
  hh.id, hh.version, hh.household_number AS "householdNumber", hh.kind, hh.house_id AS "houseId",
  CASE WHEN h.id IS NULL THEN NULL ELSE concat_ws('-', b.name, u.name, h.number) END AS "houseLabel", b.id AS "buildingId", b.name AS "buildingName",
  g.id AS "gridId", g.code AS "gridCode", g.name AS "gridName", hh.head_person_id AS "headPersonId", head.name AS "headName",
  (SELECT count(*)::int FROM persons p WHERE p.household_id = hh.id AND p.deregistered_on IS NULL) AS members,
  hh.attention_level AS "attentionLevel", hh.data_source AS "dataSource", hh.deregistered_on AS "deregisteredOn",
  hh.deregistration_reason AS "deregistrationReason", hh.next_visit_on AS "nextVisitOn", hh.last_verified_on AS "lastVerifiedOn",
  hh.created_at AS "createdAt", hh.updated_at AS "updatedAt"`;
const joins = sql`
  FROM households hh JOIN grids g ON g.id = hh.grid_id LEFT JOIN houses h ON h.id = hh.house_id LEFT JOIN buildings b ON b.id = h.building_id
  LEFT JOIN units u ON u.id = h.unit_id LEFT JOIN persons head ON head.id = hh.head_person_id`;

function conditions(filter: HouseholdFilter, jurisdiction: Jurisdiction): RawBuilder<unknown> {
  const parts = [gridInJurisdiction(jurisdiction, 'g'), filter.deregistered ? sql`hh.deregistered_on IS NOT NULL` : sql`hh.deregistered_on IS NULL`];
  if (filter.gridId !== undefined) parts.push(sql`(g.id = ${filter.gridId} OR g.parent_grid_id = ${filter.gridId})`);
  if (filter.regionPath !== undefined) parts.push(sql`g.path LIKE ${`${filter.regionPath}/%`}`);
  if (filter.houseId !== undefined) parts.push(sql`hh.house_id = ${filter.houseId}`);
  if (filter.q !== undefined) parts.push(sql`(hh.household_number = ${filter.q} OR head.name LIKE ${containing(filter.q)})`);
  return sql.join(parts, sql` AND `);
}

/** Households 户, inside the reader's jurisdiction by their grid. */
export class HouseholdRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findById(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction, options: { lock?: boolean } = {}): Promise<HouseholdRow | undefined> {
    const result = await sql<HouseholdRow>`
      SELECT ${columns} ${joins} WHERE hh.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')} ${options.lock ? sql`FOR UPDATE OF hh` : sql``}`.execute(executor);
    return result.rows[0];
  }

  async list(filter: HouseholdFilter, jurisdiction: Jurisdiction, page: { limit: number; offset: number }): Promise<HouseholdRow[]> {
    const result = await sql<HouseholdRow>`
      SELECT ${columns} ${joins} WHERE ${conditions(filter, jurisdiction)} ORDER BY hh.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(this.db);
    return result.rows;
  }

  async count(filter: HouseholdFilter, jurisdiction: Jurisdiction): Promise<number> {
    const result = await sql<{ total: number }>`SELECT count(*)::int AS total ${joins} WHERE ${conditions(filter, jurisdiction)}`.execute(this.db);
    return result.rows[0]!.total;
  }

  /** The grid a house lies in (by its building), if the house is in the jurisdiction. */
  async gridOfHouse(executor: DatabaseExecutor, houseId: number, jurisdiction: Jurisdiction): Promise<{ id: number; code: string } | undefined> {
    const result = await sql<{ id: number; code: string }>`
      SELECT g.id, g.code FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
      WHERE h.id = ${houseId} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async numberTaken(executor: DatabaseExecutor, gridId: number, householdNumber: string, exceptId: number | null): Promise<boolean> {
    const result = await sql`SELECT 1 FROM households WHERE grid_id = ${gridId} AND household_number = ${householdNumber} AND id <> ${exceptId ?? 0}`.execute(executor);
    return result.rows.length > 0;
  }

  async insert(executor: DatabaseExecutor, values: Record<string, unknown>): Promise<number> {
    const entries = Object.entries(values);
    const result = await sql<{ id: number }>`
      INSERT INTO households (${sql.join(entries.map(([column]) => sql.ref(column)))}) VALUES (${sql.join(entries.map(([, value]) => sql`${value}`))})
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async update(executor: DatabaseExecutor, id: number, version: number, values: Record<string, unknown>): Promise<boolean> {
    const sets = Object.entries(values).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    const result = await sql`UPDATE households SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])} WHERE id = ${id} AND version = ${version}`.execute(executor);
    return Number(result.numAffectedRows ?? 0) === 1;
  }
}
