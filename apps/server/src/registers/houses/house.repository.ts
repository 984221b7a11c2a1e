import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import { containing } from '../like-pattern.js';
import type { MaskablePerson } from '../persons/person-summary.js';

export interface HouseRow {
  id: number;
  version: number;
  buildingId: number;
  buildingName: string;
  gridId: number;
  gridCode: string;
  gridName: string;
  unitName: string | null;
  floor: number | null;
  number: string;
  use: 'self_occupied' | 'rented' | 'vacant' | 'business';
  areaSquareMetres: number | null;
  ownerPersonId: number | null;
  attentionLevel: number;
  dataSource: string;
  deregisteredOn: string | null;
  deregistrationReason: string | null;
  nextVisitOn: string | null;
  lastVerifiedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface HouseFilter {
  buildingId?: number | undefined;
  gridId?: number | undefined;
  regionPath?: string | undefined;
  use?: string | undefined;
  q?: string | undefined;
  deregistered: boolean;
}

export type TenancyRow = { id: number; startedOn: string | null; endedOn: string | null; purpose: string | null; tenant: MaskablePerson };

const houseColumns = sql`
  h.id, h.version, h.building_id AS "buildingId", b.name AS "buildingName", g.id AS "gridId", g.code AS "gridCode", g.name AS "gridName",
  u.name AS "unitName", h.floor, h.number, h.use, h.area_square_metres AS "areaSquareMetres", h.owner_person_id AS "ownerPersonId",
  h.attention_level AS "attentionLevel", h.data_source AS "dataSource", h.deregistered_on AS "deregisteredOn",
  h.deregistration_reason AS "deregistrationReason", h.next_visit_on AS "nextVisitOn", h.last_verified_on AS "lastVerifiedOn",
  h.created_at AS "createdAt", h.updated_at AS "updatedAt"`;
const houseJoins = sql`FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id LEFT JOIN units u ON u.id = h.unit_id`;

function conditions(filter: HouseFilter, jurisdiction: Jurisdiction): RawBuilder<unknown> {
  const parts = [gridInJurisdiction(jurisdiction, 'g'), filter.deregistered ? sql`h.deregistered_on IS NOT NULL` : sql`h.deregistered_on IS NULL`];
  if (filter.buildingId !== undefined) parts.push(sql`h.building_id = ${filter.buildingId}`);
  if (filter.gridId !== undefined) parts.push(sql`(g.id = ${filter.gridId} OR g.parent_grid_id = ${filter.gridId})`);
  if (filter.regionPath !== undefined) parts.push(sql`g.path LIKE ${`${filter.regionPath}/%`}`);
  if (filter.use !== undefined) parts.push(sql`h.use = ${filter.use}`);
  if (filter.q !== undefined) parts.push(sql`(h.number = ${filter.q} OR b.name LIKE ${containing(filter.q)})`);
  return sql.join(parts, sql` AND `);
}

/** Houses of buildings, their tenancies and households; always inside the reader's jurisdiction by the building's grid. */
export class HouseRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findById(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction, options: { lock?: boolean } = {}): Promise<HouseRow | undefined> {
    const result = await sql<HouseRow>`
      SELECT ${houseColumns} ${houseJoins} WHERE h.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')} ${options.lock ? sql`FOR UPDATE OF h` : sql``}`.execute(executor);
    return result.rows[0];
  }

  async list(filter: HouseFilter, jurisdiction: Jurisdiction, page: { limit: number; offset: number }): Promise<HouseRow[]> {
    const result = await sql<HouseRow>`
      SELECT ${houseColumns} ${houseJoins} WHERE ${conditions(filter, jurisdiction)}
      ORDER BY b.name, u.name NULLS FIRST, h.floor NULLS FIRST, h.number, h.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(this.db);
    return result.rows;
  }

  async count(filter: HouseFilter, jurisdiction: Jurisdiction): Promise<number> {
    const result = await sql<{ total: number }>`SELECT count(*)::int AS total ${houseJoins} WHERE ${conditions(filter, jurisdiction)}`.execute(this.db);
    return result.rows[0]!.total;
  }

  async building(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction): Promise<{ id: number; gridId: number } | undefined> {
    const result = await sql<{ id: number; gridId: number }>`
      SELECT b.id, b.grid_id AS "gridId" FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async unitId(executor: DatabaseExecutor, buildingId: number, name: string | null): Promise<number | null> {
    if (name === null) return null;
    const result = await sql<{ id: number }>`
      WITH found AS (SELECT id FROM units WHERE building_id = ${buildingId} AND name = ${name}),
      created AS (INSERT INTO units (building_id, name) SELECT ${buildingId}, ${name} WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id)
      SELECT id FROM found UNION ALL SELECT id FROM created`.execute(executor);
    return result.rows[0]!.id;
  }

  /** Another house of the building with this unit and number. */
  async numberTaken(executor: DatabaseExecutor, buildingId: number, unitId: number | null, number: string, exceptId: number | null): Promise<boolean> {
    const result = await sql`
      SELECT 1 FROM houses WHERE building_id = ${buildingId} AND unit_id IS NOT DISTINCT FROM ${unitId} AND number = ${number} AND id <> ${exceptId ?? 0}`.execute(executor);
    return result.rows.length > 0;
  }

  async insert(executor: DatabaseExecutor, columns: Record<string, unknown>): Promise<number> {
    const entries = Object.entries(columns);
    const result = await sql<{ id: number }>`
      INSERT INTO houses (${sql.join(entries.map(([column]) => sql.ref(column)))}) VALUES (${sql.join(entries.map(([, value]) => sql`${value}`))})
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async update(executor: DatabaseExecutor, id: number, version: number, columns: Record<string, unknown>): Promise<boolean> {
    const sets = Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    const result = await sql`UPDATE houses SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])} WHERE id = ${id} AND version = ${version}`.execute(executor);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async tenancies(executor: DatabaseExecutor, houseId: number): Promise<TenancyRow[]> {
    const result = await sql<TenancyRow>`
      SELECT t.id, t.started_on AS "startedOn", t.ended_on AS "endedOn", t.purpose,
             json_build_object('id', p.id, 'name', p.name, 'gender', p.gender, 'residency', p.residency, 'idNumber', p.id_number,
                               'mobile', p.mobile, 'birthDate', p.birth_date, 'relationToHead', p.relation_to_head) AS tenant
      FROM rental_tenancies t JOIN persons p ON p.id = t.tenant_person_id
      WHERE t.house_id = ${houseId} ORDER BY t.ended_on IS NOT NULL, t.started_on DESC NULLS LAST, t.id DESC`.execute(executor);
    return result.rows;
  }

  async insertTenancy(executor: DatabaseExecutor, houseId: number, tenancy: { tenantPersonId: number; startedOn: string | null; endedOn: string | null; purpose: string | null }, userId: number | null): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO rental_tenancies (house_id, tenant_person_id, started_on, ended_on, purpose, created_by)
      VALUES (${houseId}, ${tenancy.tenantPersonId}, ${tenancy.startedOn}, ${tenancy.endedOn}, ${tenancy.purpose}, ${userId}) RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async endTenancy(executor: DatabaseExecutor, houseId: number, tenancyId: number, endedOn: string): Promise<{ tenantPersonId: number; startedOn: string | null } | undefined> {
    const result = await sql<{ tenantPersonId: number; startedOn: string | null }>`
      UPDATE rental_tenancies SET ended_on = ${endedOn} WHERE id = ${tenancyId} AND house_id = ${houseId} AND ended_on IS NULL
      RETURNING tenant_person_id AS "tenantPersonId", started_on AS "startedOn"`.execute(executor);
    return result.rows[0];
  }

  async households(executor: DatabaseExecutor, houseId: number): Promise<{ id: number; householdNumber: string | null; headName: string | null; members: number }[]> {
    const result = await sql<{ id: number; householdNumber: string | null; headName: string | null; members: number }>`
      SELECT hh.id, hh.household_number AS "householdNumber", head.name AS "headName",
             (SELECT count(*)::int FROM persons p WHERE p.household_id = hh.id AND p.deregistered_on IS NULL) AS members
      FROM households hh LEFT JOIN persons head ON head.id = hh.head_person_id WHERE hh.house_id = ${houseId} ORDER BY hh.id`.execute(executor);
    return result.rows;
  }
}
