import { requestJson } from '../api-client';

/** The server's drill-down answer (apps/server/src/drill-down/drill-down.schema.ts). */
export type DrillDownKind = 'region' | 'grid' | 'building' | 'household' | 'person';

export interface DrillDownCounts {
  population: { total: number; registered: number; floating: number; foreign: number };
  households: number | null;
  gridMembers: number | null;
  grids: number | null;
  openIncidents: number | null;
  overdueIncidents: number | null;
}

export interface DrillDownRef {
  kind: DrillDownKind;
  key: string;
  name: string;
  level: string | null;
}

export interface DrillDownChild extends DrillDownRef {
  counts: DrillDownCounts | null;
  location: [number, number] | null;
  description: string | null;
}

export interface DrillDown {
  node: DrillDownRef & { bbox: MapBounds | null; location: [number, number] | null };
  breadcrumb: DrillDownRef[];
  counts: DrillDownCounts | null;
  childKind: DrillDownKind | null;
  children: DrillDownChild[];
  gridMembers: { name: string; role: string; roleLabel: string }[];
  person: {
    id: number; name: string; gender: string | null; residency: string; idNumberMasked: string | null; mobileMasked: string | null;
    birthDate: string | null; relationToHead: string | null; currentAddress: string | null;
  } | null;
}

export type MapBounds = [number, number, number, number];

/** What the map's tile index (GET /api/tiles) lists: the layers this user may see. */
export interface MapLayerSource {
  name: 'regions' | 'grids' | 'incidents' | 'positions' | 'cameras' | 'places';
  minzoom: number;
  maxzoom: number;
  tiles: string[];
}

const QUERY_KEYS: Record<DrillDownKind, string> = {
  region: 'regionCode', grid: 'gridCode', building: 'buildingId', household: 'householdId', person: 'personId',
};

export const drillDownApi = {
  /** A node; without one, the top of the user's region tree. */
  get: (node: Pick<DrillDownRef, 'kind' | 'key'> | null, signal?: AbortSignal) =>
    requestJson<DrillDown>('GET', node ? `/api/drill-down?${QUERY_KEYS[node.kind]}=${encodeURIComponent(node.key)}` : '/api/drill-down', { signal }),
  /** The layers, and the box of the region the drill-down opens at (west, south, east, north), so the map can open there at once. */
  layers: (signal?: AbortSignal) => requestJson<{ layers: MapLayerSource[]; bounds: MapBounds | null }>('GET', '/api/tiles', { signal }),
};
