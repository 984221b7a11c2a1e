import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { storedAreaFromGeoJson } from '../database/area-geometry.sql.js';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

const BORDER_TOLERANCE_DEGREES = sql.lit(1e-9);

/**
 * The id of the grid (or, with a parent grid id, the micro-grid) at a point. A point on a border shared by
 * several grids is covered by all of them; the lowest code wins, so the answer is always the same single
 * grid. "On the border" allows for the last bit of floating point (GEOS versions round snapped coordinates
 * differently): 1e-9°, 0.1 mm.
 */
export function gridIdAt(point: RawBuilder<unknown>, parentGridId: RawBuilder<unknown> | null = null): RawBuilder<unknown> {
  const level = parentGridId === null ? sql`g.parent_grid_id IS NULL` : sql`g.parent_grid_id = ${parentGridId}`;
  return sql`(SELECT g.id FROM grids g WHERE ${level} AND ST_DWithin(g.boundary, ${point}, ${BORDER_TOLERANCE_DEGREES})
              ORDER BY g.code LIMIT 1)`;
}

export interface GridRow {
  id: number;
  code: string;
  name: string;
  communityId: number;
  communityCode: string;
  communityName: string;
  communityPath: string;
  path: string;
  parentGridCode: string | null;
  householdTarget: number;
  contactChannel: string | null;
  households: number;
  persons: number;
  version: number;
}

export interface GridWrite {
  code: string;
  name: string;
  communityId: number;
  parentGridId: number | null;
  path: string;
  householdTarget: number;
  contactChannel: string | null;
  boundaryGeoJson: string;
}

export interface GridFeatureRow {
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  households: number;
  persons: number;
  householdTarget: number;
  geometry: unknown;
}

const gridColumns = sql`
  g.id, g.code, g.name, g.community_id AS "communityId", c.code AS "communityCode", c.name AS "communityName",
  c.path AS "communityPath", g.path, parent.code AS "parentGridCode", g.household_target AS "householdTarget",
  g.contact_channel AS "contactChannel", g.version,
  (SELECT count(*)::int FROM households h WHERE h.grid_id = g.id) AS households,
  (SELECT count(*)::int FROM persons p WHERE p.grid_id = g.id) AS persons`;

const gridJoins = sql`FROM grids g JOIN regions c ON c.id = g.community_id LEFT JOIN grids parent ON parent.id = g.parent_grid_id`;

export class GridRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findByCode(code: string, jurisdiction: Jurisdiction, executor: DatabaseExecutor = this.db): Promise<GridRow | undefined> {
    const result = await sql<GridRow>`
      SELECT ${gridColumns} ${gridJoins} WHERE g.code = ${code} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async listBelow(regionPath: string | undefined, jurisdiction: Jurisdiction, limit: number, offset: number): Promise<GridRow[]> {
    const filter = regionPath === undefined ? sql`true` : sql`g.path LIKE ${regionPath + '/%'}`;
    const result = await sql<GridRow>`
      SELECT ${gridColumns} ${gridJoins}
      WHERE ${filter} AND ${gridInJurisdiction(jurisdiction, 'g')} ORDER BY g.code LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows;
  }

  /** Top-level grids below a region, with their boundaries as GeoJSON, for the map. */
  async featuresBelow(regionPath: string, jurisdiction: Jurisdiction): Promise<GridFeatureRow[]> {
    const result = await sql<GridFeatureRow>`
      SELECT g.code, g.name, c.code AS "communityCode", c.name AS "communityName",
        g.household_target AS "householdTarget",
        (SELECT count(*)::int FROM households h WHERE h.grid_id = g.id) AS households,
        (SELECT count(*)::int FROM persons p WHERE p.grid_id = g.id) AS persons,
        ST_AsGeoJSON(g.boundary, 7)::json AS geometry
      FROM grids g JOIN regions c ON c.id = g.community_id
      WHERE g.path LIKE ${regionPath + '/%'} AND g.parent_grid_id IS NULL AND ${gridInJurisdiction(jurisdiction, 'g')}
      ORDER BY g.code`.execute(this.db);
    return result.rows;
  }

  async boundaryOf(code: string): Promise<unknown> {
    const result = await sql<{ geometry: unknown }>`
      SELECT ST_AsGeoJSON(boundary, 7)::json AS geometry FROM grids WHERE code = ${code}`.execute(this.db);
    return result.rows[0]?.geometry;
  }

  async insert(executor: DatabaseExecutor, grid: GridWrite): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO grids (code, name, community_id, parent_grid_id, path, household_target, contact_channel, boundary)
      VALUES (${grid.code}, ${grid.name}, ${grid.communityId}, ${grid.parentGridId}, ${grid.path}, ${grid.householdTarget},
              ${grid.contactChannel}, ${storedAreaFromGeoJson(grid.boundaryGeoJson)})
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async update(executor: DatabaseExecutor, grid: GridWrite): Promise<void> {
    await sql`
      UPDATE grids SET name = ${grid.name}, parent_grid_id = ${grid.parentGridId}, path = ${grid.path},
        household_target = ${grid.householdTarget}, contact_channel = ${grid.contactChannel},
        boundary = ${storedAreaFromGeoJson(grid.boundaryGeoJson)},
        version = version + 1, updated_at = now()
      WHERE code = ${grid.code}`.execute(executor);
  }

  async delete(executor: DatabaseExecutor, code: string): Promise<void> {
    await sql`DELETE FROM grids WHERE code = ${code}`.execute(executor);
  }

  async countDependents(code: string): Promise<{ buildings: number; households: number; persons: number }> {
    const result = await sql<{ buildings: number; households: number; persons: number }>`
      SELECT (SELECT count(*)::int FROM buildings b WHERE b.grid_id = g.id) AS buildings,
             (SELECT count(*)::int FROM households h WHERE h.grid_id = g.id) AS households,
             (SELECT count(*)::int FROM persons p WHERE p.grid_id = g.id) AS persons
      FROM grids g WHERE g.code = ${code}`.execute(this.db);
    return result.rows[0] ?? { buildings: 0, households: 0, persons: 0 };
  }

  /** The grid and micro-grid at a point (see `gridIdAt` for borders). */
  async locate(lon: number, lat: number): Promise<{ gridCode: string; microGridCode: string | null } | undefined> {
    const point = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
    const result = await sql<{ gridCode: string; microGridCode: string | null }>`
      SELECT grid.code AS "gridCode", (SELECT m.code FROM grids m WHERE m.id = ${gridIdAt(point, sql`grid.id`)}) AS "microGridCode"
      FROM grids grid WHERE grid.id = ${gridIdAt(point)}`.execute(this.db);
    return result.rows[0];
  }

  /** Places every building of a community in the grid its location falls in; households and persons follow. */
  async reassignBuildings(executor: DatabaseExecutor, communityId: number): Promise<void> {
    await sql`
      UPDATE buildings b SET grid_id = located.id, updated_at = now()
      FROM (
        SELECT b2.id AS building_id, ${gridIdAt(sql`b2.location`)} AS id
        FROM buildings b2 JOIN grids old ON old.id = b2.grid_id
        WHERE old.community_id = ${communityId}) located
      WHERE b.id = located.building_id AND located.id IS NOT NULL AND located.id <> b.grid_id`.execute(executor);
    await sql`
      UPDATE households h SET grid_id = b.grid_id, updated_at = now()
      FROM houses house JOIN buildings b ON b.id = house.building_id
      WHERE h.house_id = house.id AND h.grid_id <> b.grid_id`.execute(executor);
    await sql`
      UPDATE persons p SET grid_id = h.grid_id, updated_at = now()
      FROM households h WHERE p.household_id = h.id AND p.grid_id IS DISTINCT FROM h.grid_id`.execute(executor);
  }
}
