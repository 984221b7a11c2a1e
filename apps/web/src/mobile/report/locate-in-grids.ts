import type { GridFeatureCollection } from '../../api-types';

type Ring = number[][];

/** Even-odd ray casting: whether the point lies inside the ring (GeoJSON [lon, lat] positions). */
function insideRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[previous] ?? [];
    if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function insidePolygon(lon: number, lat: number, polygon: Ring[]): boolean {
  const [outer, ...holes] = polygon;
  return outer !== undefined && insideRing(lon, lat, outer) && !holes.some((hole) => insideRing(lon, lat, hole));
}

/**
 * The worker's grid a point lies in, from the grid outlines kept on the phone: the screen names it with no network.
 * The server locates the report again on arrival; this only tells the worker where their pin is.
 */
export function gridAt(lon: number, lat: number, grids: GridFeatureCollection | null): { code: string; name: string } | null {
  for (const feature of grids?.features ?? []) {
    const { geometry } = feature;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (polygons.some((polygon) => insidePolygon(lon, lat, polygon as Ring[]))) return { code: feature.properties.code, name: feature.properties.name };
  }
  return null;
}
