/**
 * Shapes of the server's JSON responses as the console reads them.
 * They mirror the server's presenters; they may later move into `@civicgrid/domain`.
 */

export type RegionLevel = 'city' | 'district' | 'street' | 'community';

/** [west, south, east, north] in WGS 84 degrees. */
export type BoundingBox = [number, number, number, number];

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  /** Top-level grids anywhere below the region. */
  gridCount: number;
  bbox: BoundingBox | null;
}

export interface RegionDetail extends Region {
  /** From the city down, excluding the region itself. */
  ancestors: Region[];
}

export type GridKind = 'grid' | 'micro-grid';

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface GridFeatureProperties {
  code: string;
  name: string;
  kind: GridKind;
  communityCode: string;
  communityName: string;
  households: number;
  persons: number;
  householdTarget: number;
  overHouseholdRule: boolean;
}

export interface GridFeature {
  type: 'Feature';
  properties: GridFeatureProperties;
  geometry: AreaGeometry;
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
  /** The selected region's own outline, when the server knows it. */
  boundary?: AreaGeometry | null;
}

export interface GridMember {
  id: number;
  name: string;
  role: string;
  roleLabel: string;
  phone: string | null;
}

export interface GridDetail {
  code: string;
  name: string;
  kind: GridKind;
  communityCode: string;
  communityName: string;
  parentGridCode: string | null;
  householdTarget: number;
  contactChannel: string | null;
  households: number;
  persons: number;
  overHouseholdRule: boolean;
  members: GridMember[];
  ancestors: Region[];
}

export interface HealthStatus {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

export interface ConsoleConfig {
  /** Raster tile URL template ({z}/{x}/{y}); null means no basemap. */
  basemapTileUrl: string | null;
}

/** Body of every error response. */
export interface ApiErrorBody {
  code: string;
  /** In the language asked for by `accept-language`. */
  message: string;
  messages?: { zh: string; en: string };
  details?: unknown;
}
