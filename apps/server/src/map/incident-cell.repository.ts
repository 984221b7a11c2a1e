import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';
import { TILE_EXTENT, type TileAddress } from './tile-address.js';
import { drawnInScope, stageCounts, type IncidentClusterRow, type IncidentScope } from './point-tile.repository.js';

/** The zoom whose 64 px clusters are the cells of incident_map_cells (2^14 cells across the world, 8 per tile side). */
export const CELL_ZOOM = 11;
const CELL_BITS = CELL_ZOOM + 3;

/**
 * Whether incident_map_cells can serve a tile for this viewer: up to the cells' zoom, and for viewers whose
 * jurisdiction is decided on the incident's region alone (a department's or a grid worker's is not).
 */
export function cellsServe(tile: TileAddress, jurisdiction: Jurisdiction): boolean {
  return tile.z <= CELL_ZOOM && (jurisdiction.kind === 'everywhere' || jurisdiction.kind === 'region');
}

function regionCondition(jurisdiction: Jurisdiction): { join: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  if (jurisdiction.kind !== 'region') return { join: sql``, where: sql`true` };
  return {
    join: sql`JOIN regions r ON r.id = c.region_id`,
    where: sql`(r.path = ${jurisdiction.regionPath} OR r.path LIKE ${jurisdiction.regionPath + '/%'})`,
  };
}

/**
 * Incident clusters of one tile added up from the map cells the triggers on incidents keep: the same clusters as
 * PointTileRepository.incidentClusters makes from the incidents, read from a few thousand rows instead of a million.
 */
export class IncidentCellRepository {
  async incidentClusters(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction, scope: IncidentScope): Promise<IncidentClusterRow[]> {
    if (!cellsServe(tile, jurisdiction)) throw new Error(`incident_map_cells cannot serve z${tile.z} for a ${jurisdiction.kind} jurisdiction`);
    // Cells per tile side and per cluster side at this zoom.
    const tileShift = CELL_BITS - tile.z;
    const clusterShift = CELL_ZOOM - tile.z;
    const size = 2 ** tile.z;
    const region = regionCondition(jurisdiction);
    const result = await sql<IncidentClusterRow>`
      SELECT round((sum(c.sum_x) / sum(c.count) * ${size}::float8 - ${tile.x}::float8) * ${TILE_EXTENT}::float8)::int AS x,
        round((sum(c.sum_y) / sum(c.count) * ${size}::float8 - ${tile.y}::float8) * ${TILE_EXTENT}::float8)::int AS y,
        sum(c.count)::int AS count,
        max(CASE WHEN c.first_deadline IS NULL THEN 0 WHEN now() >= c.first_deadline THEN 3
                 WHEN now() >= c.first_warning_at THEN 2 ELSE 1 END)::int AS worst,
        ${stageCounts(sql.ref('c.status'), sql.ref('c.count'))},
        sum(c.urgent)::int AS urgent,
        min(c.first_id) AS id, min(c.first_code) AS code, min(c.status) AS status
      FROM incident_map_cells c ${region.join}
      WHERE c.count > 0
        AND c.cell_x BETWEEN ${tile.x * 2 ** tileShift} AND ${(tile.x + 1) * 2 ** tileShift - 1}
        AND c.cell_y BETWEEN ${tile.y * 2 ** tileShift} AND ${(tile.y + 1) * 2 ** tileShift - 1}
        AND ${drawnInScope(sql.ref('c.status'), scope)}
        AND ${region.where}
      GROUP BY c.cell_x >> ${clusterShift}, c.cell_y >> ${clusterShift}`.execute(executor);
    return result.rows;
  }
}
