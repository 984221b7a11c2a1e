import { sql } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction, regionVisibleInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import type { TileAddress } from './tile-address.js';
import { areaInTile, tileEnvelope } from './tile-geometry.sql.js';

export interface AreaFeatureRow {
  id: number;
  properties: Record<string, string | number | boolean>;
  /** GeoJSON (Polygon or MultiPolygon) in tile units. */
  geometry: string;
}

export type BoundaryLayer = 'regions' | 'grids';

/** The region levels drawn at a zoom: communities only when close enough to tell them apart. */
export function regionLevelsAt(z: number): string[] {
  if (z < 8) return ['city', 'district'];
  if (z < 11) return ['city', 'district', 'street'];
  return ['city', 'district', 'street', 'community'];
}

/** Grids are drawn from this zoom on: below it a city's 8,000 grids are a grey blur. */
export const GRID_MIN_ZOOM = 11;

/** Region and grid boundaries of one tile, and the versions that say when they last changed. SQL only. */
export class BoundaryTileRepository {
  async versions(executor: DatabaseExecutor): Promise<Record<BoundaryLayer, number>> {
    const result = await sql<{ layer: BoundaryLayer; version: number }>`SELECT layer, version::int AS version FROM map_layer_versions`.execute(executor);
    const versions = { regions: 0, grids: 0 };
    for (const row of result.rows) versions[row.layer] = row.version;
    return versions;
  }

  async regions(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction): Promise<AreaFeatureRow[]> {
    const result = await sql<AreaFeatureRow>`
      SELECT id, json_build_object('code', code, 'name', name, 'level', level) AS properties, ST_AsGeoJSON(geometry) AS geometry
      FROM (SELECT r.id, r.code, r.name, r.level, ${areaInTile(sql`r.boundary`, tile)} AS geometry
            FROM regions r
            WHERE r.boundary && ${tileEnvelope(tile)} AND r.level = ANY(${regionLevelsAt(tile.z)}::text[])
              AND ${regionVisibleInJurisdiction(jurisdiction, 'r')}) clipped
      WHERE geometry IS NOT NULL AND NOT ST_IsEmpty(geometry)
      ORDER BY length(code), code`.execute(executor);
    return result.rows;
  }

  async grids(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction): Promise<AreaFeatureRow[]> {
    if (tile.z < GRID_MIN_ZOOM) return [];
    const result = await sql<AreaFeatureRow>`
      SELECT id, json_build_object('code', code, 'name', name, 'kind', kind, 'communityCode', community_code) AS properties,
             ST_AsGeoJSON(geometry) AS geometry
      FROM (SELECT g.id, g.code, g.name, CASE WHEN g.parent_grid_id IS NULL THEN 'grid' ELSE 'micro-grid' END AS kind,
                   c.code AS community_code, ${areaInTile(sql`g.boundary`, tile)} AS geometry
            FROM grids g JOIN regions c ON c.id = g.community_id
            WHERE g.boundary && ${tileEnvelope(tile)} AND ${gridInJurisdiction(jurisdiction, 'g')}) clipped
      WHERE geometry IS NOT NULL AND NOT ST_IsEmpty(geometry)
      ORDER BY code`.execute(executor);
    return result.rows;
  }
}
