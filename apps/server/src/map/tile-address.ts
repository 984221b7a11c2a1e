import { invalid } from '@civicgrid/domain';

/** A tile of the Web Mercator tile pyramid (XYZ scheme, y counted from the north). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Tile coordinates run 0…EXTENT across a tile, as in ST_AsMVTGeom's default. */
export const TILE_EXTENT = 4096;
/** Features reach this far (tile units) past the tile's edge, so lines and circles join up across tiles. */
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 22;

export function checkTileAddress(tile: TileAddress): TileAddress {
  const size = 2 ** tile.z;
  if (tile.z > MAX_TILE_ZOOM || tile.x >= size || tile.y >= size) {
    throw invalid('map.tile_out_of_range', `瓦片 ${tile.z}/${tile.x}/${tile.y} 不存在`, `Tile ${tile.z}/${tile.x}/${tile.y} does not exist`);
  }
  return tile;
}

const latitudeOfRow = (row: number, size: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / size))) * 180) / Math.PI;

/**
 * The tile in longitude/latitude, widened by the buffer. Mercator maps meridians and parallels to straight lines,
 * so a tile is a plain rectangle in degrees too, and the 4326 indexes find what lies in it.
 */
export function tileBounds(tile: TileAddress, buffer = TILE_BUFFER) {
  const size = 2 ** tile.z;
  const margin = buffer / TILE_EXTENT;
  return {
    west: ((tile.x - margin) / size) * 360 - 180,
    east: ((tile.x + 1 + margin) / size) * 360 - 180,
    north: latitudeOfRow(Math.max(0, tile.y - margin), size),
    south: latitudeOfRow(Math.min(size, tile.y + 1 + margin), size),
  };
}

/** The tile a point lies in, e.g. for picking tiles around a place. */
export function tileAt(lon: number, lat: number, z: number): TileAddress {
  const size = 2 ** z;
  const radians = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * size);
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * size);
  return { z, x: Math.min(size - 1, Math.max(0, x)), y: Math.min(size - 1, Math.max(0, y)) };
}

/** Tile units per metre of EPSG:3857, and the tile's north-west corner in EPSG:3857. */
export function mercatorTransform(tile: TileAddress) {
  const worldMetres = 2 * Math.PI * 6378137;
  const tileMetres = worldMetres / 2 ** tile.z;
  return {
    scale: TILE_EXTENT / tileMetres,
    west: -worldMetres / 2 + tile.x * tileMetres,
    north: worldMetres / 2 - tile.y * tileMetres,
    bufferMetres: (TILE_BUFFER / TILE_EXTENT) * tileMetres,
  };
}
