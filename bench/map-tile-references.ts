import { sql, type RawBuilder } from 'kysely';
import { regionLevelsAt } from '../apps/server/src/map/boundary-tile.repository.js';
import { clusterCellSize, type IncidentScope } from '../apps/server/src/map/point-tile.repository.js';
import { TILE_BUFFER, TILE_EXTENT, type TileAddress } from '../apps/server/src/map/tile-address.js';

/**
 * The same tiles made the way PostGIS makes them on its own (PostgreSQL with protobuf only): ST_AsMVTGeom to clip,
 * project and snap, ST_AsMVT to encode; incidents binned with ST_SnapToGrid over their MVT geometry.
 */
export function referenceTile(layer: 'regions' | 'grids' | 'incidents', tile: TileAddress, scope: IncidentScope = 'open'): RawBuilder<{ tile: Buffer }> {
  const envelope = sql`ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y})`;
  const search = sql`ST_Transform(ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}, margin => ${TILE_BUFFER / TILE_EXTENT}::float8), 4326)`;
  switch (layer) {
    case 'regions':
      return sql`
        SELECT ST_AsMVT(q, 'regions', ${TILE_EXTENT}, 'geom', 'id') AS tile FROM (
          SELECT r.id, r.code, r.name, r.level, ST_AsMVTGeom(ST_Transform(r.boundary, 3857), ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
          FROM regions r WHERE r.boundary && ${search} AND r.level = ANY(${regionLevelsAt(tile.z)}::text[])) q WHERE geom IS NOT NULL`;
    case 'grids':
      return sql`
        SELECT ST_AsMVT(q, 'grids', ${TILE_EXTENT}, 'geom', 'id') AS tile FROM (
          SELECT g.id, g.code, g.name, c.code AS "communityCode",
                 ST_AsMVTGeom(ST_Transform(g.boundary, 3857), ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
          FROM grids g JOIN regions c ON c.id = g.community_id WHERE g.boundary && ${search}) q WHERE geom IS NOT NULL`;
    case 'incidents': {
      const open = sql`i.status NOT IN ('closed', 'rejected', 'voided', 'merged')`;
      return sql`
        WITH points AS (
          SELECT i.status, ST_AsMVTGeom(ST_Transform(i.location, 3857), ${envelope}, ${TILE_EXTENT}, 0, false) AS geom,
            CASE WHEN NOT (${open}) OR i.current_step_deadline IS NULL THEN 0 WHEN now() >= i.current_step_deadline THEN 3
                 WHEN now() >= i.current_step_warning_at THEN 2 ELSE 1 END AS colour
          FROM incidents i
          WHERE i.location && ST_Transform(${envelope}, 4326) AND ${scope === 'open' ? open : sql`i.status <> 'merged'`})
        SELECT ST_AsMVT(q, 'incidents') AS tile FROM (
          SELECT ST_Centroid(ST_Collect(geom)) AS geom, count(*) AS count, max(colour) AS worst,
                 count(*) FILTER (WHERE status IN ('dispatched', 'handling')) AS handling
          FROM points WHERE geom IS NOT NULL GROUP BY ST_SnapToGrid(geom, ${clusterCellSize(tile.z)})) q`;
    }
  }
}
