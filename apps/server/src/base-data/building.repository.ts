import { sql, type Kysely } from 'kysely';
import type { BuildingView, HouseholdSummary, Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export type BuildingRow = BuildingView;
export type HouseholdRow = HouseholdSummary;

export interface PersonRow {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  residency: 'registered' | 'floating' | 'foreign';
  idNumber: string | null;
  birthDate: string | null;
  mobile: string | null;
  relationToHead: string | null;
}

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

  async findHousehold(id: number, jurisdiction: Jurisdiction): Promise<HouseholdRow | undefined> {
    const result = await sql<HouseholdRow>`
      SELECT ${householdColumns} ${householdJoins} WHERE hh.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(this.db);
    return result.rows[0];
  }

  async listPersonsOfHousehold(householdId: number): Promise<PersonRow[]> {
    const result = await sql<PersonRow>`
      SELECT id, name, gender, residency, id_number AS "idNumber", birth_date AS "birthDate", mobile, relation_to_head AS "relationToHead"
      FROM persons WHERE household_id = ${householdId}
      ORDER BY relation_to_head = '户主' DESC, birth_date`.execute(this.db);
    return result.rows;
  }
}
