/**
 * Shapes of the server's JSON responses as the console reads them. Records come from
 * `@civicgrid/domain`, the same types the server's presenters return.
 */
export type {
  AreaGeometry, BoundingBox, GridDetail, GridFeature, GridFeatureCollection, GridFeatureProperties, GridMemberView,
  Region, RegionDetail, RegionLevel,
} from '@civicgrid/domain';

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
