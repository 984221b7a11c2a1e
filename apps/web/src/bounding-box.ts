import type { AreaGeometry, BoundingBox, GridFeature } from './api-types';

function eachPosition(geometry: AreaGeometry, visit: (longitude: number, latitude: number) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) for (const [longitude, latitude] of ring) visit(longitude ?? 0, latitude ?? 0);
  }
}

/** The box around the given grids, e.g. for a region whose own box the server does not know. */
export function boundingBoxOfGrids(features: GridFeature[]): BoundingBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of features) {
    eachPosition(feature.geometry, (longitude, latitude) => {
      west = Math.min(west, longitude);
      south = Math.min(south, latitude);
      east = Math.max(east, longitude);
      north = Math.max(north, latitude);
    });
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
