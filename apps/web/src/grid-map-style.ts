import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { GridFeatureCollection } from './api-types';

export const GRID_SOURCE = 'grids';
export const REGION_BOUNDARY_SOURCE = 'region-boundary';
export const BASEMAP_SOURCE = 'basemap';

export const GRID_FILL_LAYER = 'grid-fill';
export const GRID_SELECTED_FILL_LAYER = 'grid-selected-fill';
export const GRID_SELECTED_OUTLINE_LAYER = 'grid-selected-outline';

export const GRID_COLORS = {
  fill: '#1677ff',
  outline: '#0958d9',
  overHouseholdRule: '#fa8c16',
  selectedOutline: '#002c8c',
  regionBoundary: '#595959',
} as const;

/**
 * The console must work without internet access: no sprite, no glyphs, no remote sources.
 * Without glyphs the style can hold no text layers, so grid names appear in a DOM tooltip instead.
 */
export const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
};

export function selectedGridFilter(selectedCode: string | null): FilterSpecification {
  return ['==', ['get', 'code'], selectedCode ?? ''];
}

/** The layers that draw grids and the region outline, bottom to top. */
export function gridLayers(selectedCode: string | null): LayerSpecification[] {
  return [
    {
      id: GRID_FILL_LAYER,
      type: 'fill',
      source: GRID_SOURCE,
      paint: {
        'fill-color': GRID_COLORS.fill,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.28, 0.12],
      },
    },
    {
      id: 'region-boundary-line',
      type: 'line',
      source: REGION_BOUNDARY_SOURCE,
      paint: { 'line-color': GRID_COLORS.regionBoundary, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'grid-outline',
      type: 'line',
      source: GRID_SOURCE,
      paint: { 'line-color': GRID_COLORS.outline, 'line-width': 1 },
      filter: ['!', ['get', 'overHouseholdRule']],
    },
    {
      id: 'grid-outline-over-household-rule',
      type: 'line',
      source: GRID_SOURCE,
      paint: { 'line-color': GRID_COLORS.overHouseholdRule, 'line-width': 2 },
      filter: ['get', 'overHouseholdRule'],
    },
    {
      id: GRID_SELECTED_FILL_LAYER,
      type: 'fill',
      source: GRID_SOURCE,
      paint: { 'fill-color': GRID_COLORS.fill, 'fill-opacity': 0.45 },
      filter: selectedGridFilter(selectedCode),
    },
    {
      id: GRID_SELECTED_OUTLINE_LAYER,
      type: 'line',
      source: GRID_SOURCE,
      paint: { 'line-color': GRID_COLORS.selectedOutline, 'line-width': 3 },
      filter: selectedGridFilter(selectedCode),
    },
  ];
}

export function basemapLayer(): LayerSpecification {
  return { id: 'basemap', type: 'raster', source: BASEMAP_SOURCE, paint: { 'raster-opacity': 0.85 } };
}

export const NO_FEATURES: GridFeatureCollection = { type: 'FeatureCollection', features: [], boundary: null };

/** The grid and region-outline sources, empty until `showGrids`, and the layers that draw them. */
export function addGridLayers(map: MapLibreMap): void {
  map.addSource(GRID_SOURCE, { type: 'geojson', data: NO_FEATURES, promoteId: 'code' });
  map.addSource(REGION_BOUNDARY_SOURCE, { type: 'geojson', data: NO_FEATURES });
  for (const layer of gridLayers(null)) map.addLayer(layer);
}

/** Draws a set of grids and the outline of the region they belong to on a map made with this style. */
export function showGrids(map: MapLibreMap, grids: GridFeatureCollection | null | undefined): void {
  map.getSource<GeoJSONSource>(GRID_SOURCE)?.setData(grids ?? NO_FEATURES);
  map
    .getSource<GeoJSONSource>(REGION_BOUNDARY_SOURCE)
    ?.setData(grids?.boundary ? { type: 'Feature', geometry: grids.boundary, properties: {} } : NO_FEATURES);
}
