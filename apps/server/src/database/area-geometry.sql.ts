import { sql, type RawBuilder } from 'kysely';

/**
 * Area boundaries are stored on a 1e-7° grid (about 1 cm). Neighbouring polygons drawn from files with
 * different decimal places then meet on exactly the same coordinates, and no centimetre-wide sliver
 * shows up as an overlap or a gap.
 */
export const COORDINATE_GRID_DEGREES = 1e-7;

export function toStoredArea(geometry: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`ST_Multi(ST_CollectionExtract(ST_ReducePrecision(ST_SetSRID(${geometry}, 4326), ${sql.lit(COORDINATE_GRID_DEGREES)}), 3))`;
}

export function storedAreaFromGeoJson(geoJson: string | RawBuilder<unknown>): RawBuilder<unknown> {
  return toStoredArea(sql`ST_GeomFromGeoJSON(${geoJson})`);
}
