import { areaGeometrySchema, type AreaGeometry } from '../geojson.schema.js';

export type AreaGeometryCheck = { ok: true; geometry: AreaGeometry } | { ok: false; reason: string };

function samePosition(first: readonly number[], second: readonly number[]): boolean {
  return first[0] === second[0] && first[1] === second[1];
}

/**
 * Structural check of a GeoJSON polygon before PostGIS sees it: right type, WGS-84 ranges, closed rings
 * of at least four positions. Topology (self-intersection …) is checked by PostGIS afterwards.
 */
export function checkAreaGeometry(input: unknown): AreaGeometryCheck {
  const parsed = areaGeometrySchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'geometry must be a GeoJSON Polygon or MultiPolygon with WGS-84 coordinates' };
  }
  const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (!samePosition(ring[0]!, ring[ring.length - 1]!)) return { ok: false, reason: 'ring is not closed' };
    }
  }
  return { ok: true, geometry: parsed.data };
}
