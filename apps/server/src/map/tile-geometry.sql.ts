import { sql, type RawBuilder } from 'kysely';
import { mercatorTransform, TILE_EXTENT, tileBounds, type TileAddress } from './tile-address.js';

/*
 * What ST_AsMVTGeom does, written with functions that both PostGIS builds have (PGlite's is built without
 * protobuf, so ST_AsMVTGeom and ST_AsMVT do not exist there): clip to the buffered tile, project, scale to tile
 * units with y pointing down, simplify within half a unit, snap to whole units.
 */

/** The buffered tile as a 4326 rectangle, for `&&` on the geometry indexes. */
export function tileEnvelope(tile: TileAddress, buffer?: number): RawBuilder<unknown> {
  const { west, south, east, north } = tileBounds(tile, buffer);
  return sql`ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`;
}

/** An area in tile units (y down, exterior rings with positive area as the MVT spec wants), or empty. */
export function areaInTile(geometry: RawBuilder<unknown>, tile: TileAddress): RawBuilder<unknown> {
  const { scale, west, north } = mercatorTransform(tile);
  const projected = sql`ST_Transform(ST_ClipByBox2D(${geometry}, ${tileEnvelope(tile)}), 3857)`;
  const scaled = sql`ST_Affine(${projected}, ${scale}::float8, 0, 0, ${-scale}::float8, ${-west * scale}::float8, ${north * scale}::float8)`;
  return sql`ST_ForcePolygonCCW(ST_CollectionExtract(ST_SnapToGrid(ST_Simplify(${scaled}, 0.5, true), 1), 3))`;
}

/**
 * A point's tile coordinates as two float8 columns, by the Mercator formulas: no reprojection per point, which
 * matters when a city-wide tile reads a million incidents.
 */
export function pointInTile(location: RawBuilder<unknown>, tile: TileAddress): { x: RawBuilder<number>; y: RawBuilder<number> } {
  const size = 2 ** tile.z;
  const lon = sql`ST_X(${location})`;
  const latitude = sql`radians(ST_Y(${location}))`;
  return {
    x: sql<number>`(((${lon} + 180) / 360 * ${size}::float8 - ${tile.x}::float8) * ${TILE_EXTENT}::float8)`,
    y: sql<number>`(((1 - ln(tan(${latitude}) + 1 / cos(${latitude})) / pi()) / 2 * ${size}::float8 - ${tile.y}::float8) * ${TILE_EXTENT}::float8)`,
  };
}
