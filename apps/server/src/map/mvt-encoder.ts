import { fromVectorTileJs, type VectorTileFeatureLike, type VectorTileLayerLike } from '@maplibre/vt-pbf';
import { TILE_EXTENT } from './tile-address.js';

type Position = [number, number];
type PointLike = { x: number; y: number };
type Value = string | number | boolean;

/** A feature in tile units: a point, or an area as its rings (exterior rings first, each followed by its holes). */
export type TileFeature =
  | { id?: number; kind: 'point'; x: number; y: number; properties: Record<string, Value | null> }
  | { id?: number; kind: 'area'; rings: Position[][]; properties: Record<string, Value | null> };

const MVT_POINT = 1;
const MVT_POLYGON = 3;

/** The rings of a GeoJSON Polygon or MultiPolygon, in the order the MVT encoding wants them. */
export function ringsOfGeoJson(geometry: string): Position[][] {
  const parsed = JSON.parse(geometry) as { type: string; coordinates: Position[][] | Position[][][] };
  if (parsed.type === 'Polygon') return parsed.coordinates as Position[][];
  if (parsed.type === 'MultiPolygon') return (parsed.coordinates as Position[][][]).flat();
  return [];
}

function featureLike(feature: TileFeature): VectorTileFeatureLike {
  const properties: Record<string, Value> = {};
  for (const [key, value] of Object.entries(feature.properties)) if (value !== null) properties[key] = value;
  const geometry: PointLike[][] =
    feature.kind === 'point' ? [[{ x: feature.x, y: feature.y }]] : feature.rings.map((ring) => ring.map(([x, y]) => ({ x, y })));
  return {
    type: feature.kind === 'point' ? MVT_POINT : MVT_POLYGON,
    properties,
    id: feature.id,
    extent: TILE_EXTENT,
    // vt-pbf reads only x and y of each point
    loadGeometry: () => geometry as unknown as ReturnType<VectorTileFeatureLike['loadGeometry']>,
  };
}

/**
 * Encodes layers into one Mapbox Vector Tile (spec 2.1) with @maplibre/vt-pbf, the encoder MapLibre itself uses.
 * Empty layers are left out; a tile without features is an empty body.
 */
export function encodeTile(layers: Record<string, TileFeature[]>): Buffer {
  const tileLayers: Record<string, VectorTileLayerLike> = {};
  for (const [name, features] of Object.entries(layers)) {
    if (features.length === 0) continue;
    tileLayers[name] = { version: 2, name, extent: TILE_EXTENT, length: features.length, feature: (index: number) => featureLike(features[index]!) };
  }
  const bytes = fromVectorTileJs({ layers: tileLayers });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
