import crypto from 'node:crypto';
import { can, forbidden, type Actor, type Jurisdiction, type Permission } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { GRID_MIN_ZOOM, type BoundaryLayer, type BoundaryTileRepository } from './boundary-tile.repository.js';
import { encodeTile, ringsOfGeoJson, type TileFeature } from './mvt-encoder.js';
import { cellsServe, type IncidentCellRepository } from './incident-cell.repository.js';
import { STAGE_STATUSES, type IncidentClusterRow, type IncidentScope, type PointFeatureRow, type PointTileRepository } from './point-tile.repository.js';
import { checkTileAddress, MAX_TILE_ZOOM, type TileAddress } from './tile-address.js';
import { TileCache } from './tile-cache.js';

export const MAP_LAYERS = ['regions', 'grids', 'incidents', 'positions', 'cameras', 'places'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Who may fetch each layer; what the tile then holds is cut to the caller's jurisdiction. */
export const MAP_LAYER_PERMISSIONS: Record<MapLayer, Permission> = {
  regions: 'region.read',
  grids: 'grid.read',
  incidents: 'incident.read',
  positions: 'grid.read',
  cameras: 'grid.read',
  places: 'base_data.read',
};

/** Grid workers, cameras and key places are drawn from the zoom grids are: city-wide they would be 8,000 dots each. */
const MIN_ZOOM: Record<MapLayer, number> = { regions: 0, grids: GRID_MIN_ZOOM, incidents: 0, positions: GRID_MIN_ZOOM, cameras: GRID_MIN_ZOOM, places: GRID_MIN_ZOOM };

export interface EncodedTile {
  body: Buffer;
  /** Strong validator: the layer version for boundaries (known before the tile is built), the content's hash otherwise. */
  etag: string;
  /** The boundary layer's version, for long-lived caching of URLs that name it. */
  version: number | null;
}

/** How long a tile of incidents, grid workers, cameras or places may be served as it was made. */
export const POINT_TILE_SECONDS = 10;

const COLOURS = ['none', 'green', 'yellow', 'red'] as const;
type Stage = keyof typeof STAGE_STATUSES;
const STAGES = Object.keys(STAGE_STATUSES) as Stage[];

/** A count as the map writes it on a cluster: 9999 and below in full, then in 万. */
export function clusterLabel(count: number): string {
  return count < 10_000 ? String(count) : `${(count / 10_000).toFixed(count < 100_000 ? 1 : 0)}万`;
}

function incidentFeature(row: IncidentClusterRow): TileFeature {
  const stage = STAGES.reduce<Stage>((best, candidate) => (row[candidate] > row[best] ? candidate : best), 'pending');
  const single: Record<string, string | number> = row.count === 1 ? { id: row.id, code: row.code, status: row.status } : {};
  return {
    kind: 'point', x: row.x, y: row.y,
    properties: {
      count: row.count, label: clusterLabel(row.count), colour: COLOURS[row.worst] ?? 'none', stage, urgent: row.urgent,
      pending: row.pending, handling: row.handling, checking: row.checking, suspended: row.suspended, ended: row.ended, ...single,
    },
  };
}

const pointFeature = (row: PointFeatureRow): TileFeature => ({ id: row.id, kind: 'point', x: row.x, y: row.y, properties: { id: row.id, ...row.properties } });

/** One key per jurisdiction: a cached boundary tile is only ever served to callers who would get the same one. */
export function jurisdictionKey(jurisdiction: Jurisdiction): string {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return 'all';
    case 'region':
    case 'department':
      return `region:${jurisdiction.regionPath}`;
    case 'grids':
      return `grids:${crypto.createHash('sha1').update([...jurisdiction.gridPaths].sort().join(',')).digest('hex').slice(0, 16)}`;
  }
}

/** Vector tiles of the command map: boundaries cached by version, incidents and people for a few seconds. */
export class MapTileService {
  readonly cache = new TileCache();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly boundaries: BoundaryTileRepository,
    private readonly points: PointTileRepository,
    private readonly cells: IncidentCellRepository,
  ) {}

  /** The layers the actor may see, with their tile URLs (boundary URLs name the version, so they can be cached for long). */
  async layers(actor: Actor) {
    const versions = await this.boundaries.versions(this.db);
    return MAP_LAYERS.filter((layer) => can(actor, MAP_LAYER_PERMISSIONS[layer])).map((layer) => {
      const version = layer === 'regions' || layer === 'grids' ? versions[layer] : null;
      return {
        name: layer, minzoom: MIN_ZOOM[layer], maxzoom: MAX_TILE_ZOOM,
        tiles: [`/api/tiles/${layer}/{z}/{x}/{y}.mvt${version === null ? '' : `?v=${version}`}`],
      };
    });
  }

  async tile(actor: Actor, layer: MapLayer, address: TileAddress, scope: IncidentScope = 'open'): Promise<EncodedTile> {
    if (!can(actor, MAP_LAYER_PERMISSIONS[layer])) {
      throw forbidden('access.denied', '您的角色无权查看该图层', 'Your role may not see this layer', { permission: MAP_LAYER_PERMISSIONS[layer] });
    }
    const tile = checkTileAddress(address);
    if (layer === 'regions' || layer === 'grids') return this.boundaryTile(actor, layer, tile);
    // Incidents and people change all day: a tile is made again after at most POINT_TILE_SECONDS, and meanwhile
    // everyone of the same jurisdiction looking at the same place (a wall of screens, a room of operators) shares it.
    const bucket = Math.floor(Date.now() / 1000 / POINT_TILE_SECONDS);
    const key = `${layer}/${scope}/${bucket}/${jurisdictionKey(actor.jurisdiction)}/${tile.z}/${tile.x}/${tile.y}`;
    let body = this.cache.get(key);
    if (!body) {
      body = encodeTile({ [layer]: await this.pointFeatures(actor, layer, tile, scope) });
      this.cache.set(key, body);
    }
    return { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`, version: null };
  }

  private async boundaryTile(actor: Actor, layer: BoundaryLayer, tile: TileAddress): Promise<EncodedTile> {
    const version = (await this.boundaries.versions(this.db))[layer];
    const scope = jurisdictionKey(actor.jurisdiction);
    const key = `${layer}/${version}/${scope}/${tile.z}/${tile.x}/${tile.y}`;
    const etag = `"${layer}-${version}-${crypto.createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
    let body = this.cache.get(key);
    if (!body) {
      const rows = layer === 'regions'
        ? await this.boundaries.regions(this.db, tile, actor.jurisdiction)
        : await this.boundaries.grids(this.db, tile, actor.jurisdiction);
      body = encodeTile({ [layer]: rows.map((row) => ({ id: row.id, kind: 'area', rings: ringsOfGeoJson(row.geometry), properties: row.properties })) });
      this.cache.set(key, body);
    }
    return { body, etag, version };
  }

  private async pointFeatures(actor: Actor, layer: Exclude<MapLayer, BoundaryLayer>, tile: TileAddress, scope: IncidentScope): Promise<TileFeature[]> {
    const { jurisdiction } = actor;
    switch (layer) {
      case 'incidents': {
        if (cellsServe(tile, jurisdiction)) return (await this.cells.incidentClusters(this.db, tile, jurisdiction, scope)).map(incidentFeature);
        const viewer = { jurisdiction, userId: actor.kind === 'user' ? actor.userId : null };
        return (await this.points.incidentClusters(this.db, tile, viewer, scope)).map(incidentFeature);
      }
      case 'positions':
        return (await this.points.positions(this.db, tile, jurisdiction)).map(pointFeature);
      case 'cameras':
        return (await this.points.cameras(this.db, tile, jurisdiction)).map(pointFeature);
      case 'places':
        return (await this.points.places(this.db, tile, jurisdiction)).map(pointFeature);
    }
  }
}
