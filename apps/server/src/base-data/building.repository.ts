import { sql, type Kysely } from 'kysely';
import type { BuildingRecordView, BuildingView, HouseholdSummary, Jurisdiction, UnitView } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export type BuildingRow = BuildingView;
export type HouseholdRow = HouseholdSummary;

const buildingColumns = sql`
  b.id, b.name, b.address, g.code AS "gridCode", ST_X(b.location) AS lon, ST_Y(b.location) AS lat, b.floors,
  (SELECT count(*)::int FROM houses h WHERE h.building_id = b.id) AS houses,
  (SELECT count(*)::int FROM households hh JOIN houses h ON h.id = hh.house_id WHERE h.building_id = b.id) AS households`;

const householdColumns = sql`
  hh.id, hh.household_number AS "householdNumber",
  concat_ws('-', u.name, h.number) AS "houseLabel", b.id AS "buildingId", b.name AS "buildingName", g.code AS "gridCode",
  (SELECT count(*)::int FROM persons p WHERE p.household_id = hh.id) AS members`;

const householdJoins = sql`
  FROM households hh JOIN houses h ON h.id = hh.house_id JOIN buildings b ON b.id = h.building_id
  LEFT JOIN units u ON u.id = h.unit_id JOIN grids g ON g.id = hh.grid_id`;

export class BuildingRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(executor: DatabaseExecutor, building: { gridId: number; name: string; address: string | null; floors: number | null; lon: number; lat: number }): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO buildings (grid_id, name, address, floors, location)
      VALUES (${building.gridId}, ${building.name}, ${building.address}, ${building.floors},
              ST_SetSRID(ST_MakePoint(${building.lon}, ${building.lat}), 4326))
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async findById(id: number, jurisdiction: Jurisdiction): Promise<BuildingRow | undefined> {
    const result = await sql<BuildingRow>`
      SELECT ${buildingColumns} FROM buildings b JOIN grids g ON g.id = b.grid_id
      WHERE b.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(this.db);
    return result.rows[0];
  }

  async listForGrid(gridId: number): Promise<BuildingRow[]> {
    const result = await sql<BuildingRow>`
      SELECT ${buildingColumns} FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.grid_id = ${gridId} ORDER BY b.name, b.id`.execute(this.db);
    return result.rows;
  }

  async listHouseholdsOfBuilding(buildingId: number): Promise<HouseholdRow[]> {
    const result = await sql<HouseholdRow>`
      SELECT ${householdColumns} ${householdJoins} WHERE b.id = ${buildingId} ORDER BY u.name, h.floor, h.number`.execute(this.db);
    return result.rows;
  }



  async record(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction, options: { lock?: boolean } = {}): Promise<BuildingRecordView | undefined> {
    const result = await sql<BuildingRecordView>`
      SELECT b.id, b.version, b.name, b.address, b.building_type AS "buildingType", b.floors, g.code AS "gridCode"
      FROM buildings b JOIN grids g ON g.id = b.grid_id
      WHERE b.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')} ${options.lock ? sql`FOR UPDATE OF b` : sql``}`.execute(executor);
    return result.rows[0];
  }

  async update(executor: DatabaseExecutor, id: number, version: number, columns: Record<string, unknown>): Promise<boolean> {
    const sets = Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    const result = await sql`UPDATE buildings SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])} WHERE id = ${id} AND version = ${version}`.execute(executor);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async units(executor: DatabaseExecutor, buildingId: number): Promise<UnitView[]> {
    const result = await sql<UnitView>`
      SELECT u.id, u.name, (SELECT count(*)::int FROM houses h WHERE h.unit_id = u.id) AS houses FROM units u
      WHERE u.building_id = ${buildingId} ORDER BY u.name`.execute(executor);
    return result.rows;
  }

  /** Adds a unit; undefined when the building already has one of that name. */
  async insertUnit(executor: DatabaseExecutor, buildingId: number, name: string): Promise<number | undefined> {
    const result = await sql<{ id: number }>`INSERT INTO units (building_id, name) VALUES (${buildingId}, ${name}) ON CONFLICT DO NOTHING RETURNING id`.execute(executor);
    return result.rows[0]?.id;
  }
}
