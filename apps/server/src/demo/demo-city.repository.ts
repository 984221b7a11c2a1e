import { sql } from 'kysely';
import { toStoredArea } from '../database/area-geometry.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import type { IdAllocator, PopulationBatch } from './demo-population.js';

const column = <Row, Key extends keyof Row>(rows: Row[], key: Key) => rows.map((row) => row[key]);

/** Bulk writes of generated demo data: one statement per table per batch, rows passed as arrays. */
export class DemoCityRepository {
  async nextIds(executor: DatabaseExecutor): Promise<IdAllocator> {
    const result = await sql<IdAllocator>`
      SELECT (SELECT coalesce(max(id), 0) + 1 FROM buildings)::int AS building,
             (SELECT coalesce(max(id), 0) + 1 FROM units)::int AS unit,
             (SELECT coalesce(max(id), 0) + 1 FROM houses)::int AS house,
             (SELECT coalesce(max(id), 0) + 1 FROM households)::int AS household,
             (SELECT coalesce(max(id), 0) + 1 FROM persons)::int AS person`.execute(executor);
    return result.rows[0]!;
  }

  async countGrids(executor: DatabaseExecutor): Promise<number> {
    const result = await sql<{ count: number }>`SELECT count(*)::int AS count FROM grids`.execute(executor);
    return result.rows[0]!.count;
  }

  async setRegionRectangles(executor: DatabaseExecutor, rectangles: { code: string; west: number; south: number; east: number; north: number }[]): Promise<void> {
    await sql`
      UPDATE regions r SET boundary = ${toStoredArea(sql`ST_MakeEnvelope(v.west, v.south, v.east, v.north)`)}, updated_at = now()
      FROM unnest(${column(rectangles, 'code')}::text[], ${column(rectangles, 'west')}::float8[], ${column(rectangles, 'south')}::float8[],
                  ${column(rectangles, 'east')}::float8[], ${column(rectangles, 'north')}::float8[]) AS v(code, west, south, east, north)
      WHERE r.code = v.code`.execute(executor);
  }

  async insertGrids(executor: DatabaseExecutor, grids: { code: string; name: string; communityCode: string; householdTarget: number; west: number; south: number; east: number; north: number }[]): Promise<Map<string, number>> {
    const result = await sql<{ id: number; code: string }>`
      INSERT INTO grids (code, name, community_id, path, household_target, boundary)
      SELECT v.code, v.name, c.id, c.path || '/' || v.code, v.target, ${toStoredArea(sql`ST_MakeEnvelope(v.west, v.south, v.east, v.north)`)}
      FROM unnest(${column(grids, 'code')}::text[], ${column(grids, 'name')}::text[], ${column(grids, 'communityCode')}::text[],
                  ${column(grids, 'householdTarget')}::int[], ${column(grids, 'west')}::float8[], ${column(grids, 'south')}::float8[],
                  ${column(grids, 'east')}::float8[], ${column(grids, 'north')}::float8[])
           AS v(code, name, community_code, target, west, south, east, north)
      JOIN regions c ON c.code = v.community_code
      RETURNING id, code`.execute(executor);
    return new Map(result.rows.map((row) => [row.code, row.id]));
  }

  async insertGridMembers(executor: DatabaseExecutor, members: { name: string; phone: string; gender: string; gridIds: number[]; roles: string[] }[]): Promise<void> {
    const inserted = await sql<{ id: number }>`
      INSERT INTO grid_members (name, phone, gender)
      SELECT * FROM unnest(${column(members, 'name')}::text[], ${column(members, 'phone')}::text[], ${column(members, 'gender')}::text[])
      RETURNING id`.execute(executor);
    const memberIds: number[] = [];
    const gridIds: number[] = [];
    const roles: string[] = [];
    members.forEach((member, index) => {
      member.gridIds.forEach((gridId, gridIndex) => {
        memberIds.push(inserted.rows[index]!.id);
        gridIds.push(gridId);
        roles.push(member.roles[gridIndex]!);
      });
    });
    await sql`
      INSERT INTO grid_member_assignments (grid_member_id, grid_id, role)
      SELECT * FROM unnest(${memberIds}::int[], ${gridIds}::int[], ${roles}::text[])`.execute(executor);
  }

  async insertPopulation(executor: DatabaseExecutor, batch: PopulationBatch): Promise<void> {
    const { buildings, units, houses, households, persons } = batch;
    await sql`
      INSERT INTO buildings (id, grid_id, name, address, floors, location) OVERRIDING SYSTEM VALUE
      SELECT id, grid_id, name, address, floors, ST_SetSRID(ST_MakePoint(lon, lat), 4326)
      FROM unnest(${column(buildings, 'id')}::int[], ${column(buildings, 'gridId')}::int[], ${column(buildings, 'name')}::text[],
                  ${column(buildings, 'address')}::text[], ${column(buildings, 'floors')}::int[], ${column(buildings, 'lon')}::float8[],
                  ${column(buildings, 'lat')}::float8[]) AS v(id, grid_id, name, address, floors, lon, lat)`.execute(executor);
    await sql`
      INSERT INTO units (id, building_id, name) OVERRIDING SYSTEM VALUE
      SELECT * FROM unnest(${column(units, 'id')}::int[], ${column(units, 'buildingId')}::int[], ${column(units, 'name')}::text[])`.execute(executor);
    await sql`
      INSERT INTO houses (id, building_id, unit_id, floor, number, use) OVERRIDING SYSTEM VALUE
      SELECT * FROM unnest(${column(houses, 'id')}::int[], ${column(houses, 'buildingId')}::int[], ${column(houses, 'unitId')}::int[],
                           ${column(houses, 'floor')}::int[], ${column(houses, 'number')}::text[], ${column(houses, 'use')}::text[])`.execute(executor);
    await sql`
      INSERT INTO households (id, house_id, grid_id, household_number) OVERRIDING SYSTEM VALUE
      SELECT * FROM unnest(${column(households, 'id')}::int[], ${column(households, 'houseId')}::int[], ${column(households, 'gridId')}::int[],
                           ${column(households, 'householdNumber')}::text[])`.execute(executor);
    await sql`
      INSERT INTO persons (id, grid_id, name, gender, id_type, id_number, birth_date, residency, nationality, mobile, household_id,
                           relation_to_head, current_address, data_source) OVERRIDING SYSTEM VALUE
      SELECT v.*, 'verified' FROM unnest(
        ${column(persons, 'id')}::int[], ${column(persons, 'gridId')}::int[], ${column(persons, 'name')}::text[],
        ${column(persons, 'gender')}::text[], ${column(persons, 'idType')}::text[], ${column(persons, 'idNumber')}::text[],
        ${column(persons, 'birthDate')}::date[], ${column(persons, 'residency')}::text[], ${column(persons, 'nationality')}::text[],
        ${column(persons, 'mobile')}::text[], ${column(persons, 'householdId')}::int[], ${column(persons, 'relationToHead')}::text[],
        ${column(persons, 'currentAddress')}::text[]) AS v`.execute(executor);
    if (households.length > 0) {
      await sql`
        UPDATE households h SET head_person_id = p.id
        FROM persons p WHERE p.household_id = h.id AND p.relation_to_head = '户主'
          AND h.id BETWEEN ${households[0]!.id} AND ${households[households.length - 1]!.id}`.execute(executor);
    }
  }

  /** After inserting explicit ids, moves each identity sequence past them. */
  async syncSequences(executor: DatabaseExecutor): Promise<void> {
    for (const table of ['buildings', 'units', 'houses', 'households', 'persons']) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${sql.table(table)}), false)`.execute(executor);
    }
  }
}
