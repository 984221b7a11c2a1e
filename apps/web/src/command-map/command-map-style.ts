import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

export const DEADLINE_COLOURS = { red: '#f5222d', yellow: '#faad14', green: '#52c41a', none: '#8c8c8c' } as const;
export const STAGE_COLOURS = { pending: '#1677ff', handling: '#722ed1', checking: '#13c2c2', suspended: '#595959', ended: '#bfbfbf' } as const;
/** The stages an incident cluster counts (its tile properties), in the order they are told. */
export const STAGES = ['pending', 'handling', 'checking', 'suspended', 'ended'] as const;
export type Stage = (typeof STAGES)[number];
export const POINT_COLOURS = { position: '#389e0d', stalePosition: '#bfbfbf', camera: '#531dab', place: '#d46b08', building: '#0958d9' } as const;
export const AREA_COLOURS = { grid: '#1677ff', node: '#002c8c', child: '#1677ff', city: '#262626', district: '#434343', street: '#595959', community: '#8c8c8c' } as const;

/** Layers a user switches on and off, each drawn by one or more style layers (named by command.layer.<group>). */
export const LAYER_GROUPS = {
  regions: { styleLayers: ['region-line-district', 'region-line-street', 'region-line-community', 'region-child-fill', 'region-node-line'] },
  grids: { styleLayers: ['grid-fill', 'grid-child-fill', 'grid-line', 'grid-node-line'] },
  incidents: { styleLayers: ['incident-clusters'] },
  heatmap: { styleLayers: ['incident-heat'] },
  positions: { styleLayers: ['position-circle'] },
  cameras: { styleLayers: ['camera-circle'] },
  places: { styleLayers: ['place-circle'] },
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const DEFAULT_VISIBLE: Record<LayerGroup, boolean> = {
  regions: true, grids: true, incidents: true, heatmap: false, positions: true, cameras: true, places: true,
};

/** The source each group draws from: one vector tile source per server layer, the heat map sharing the incidents'. */
export const SOURCE_OF_GROUP: Record<LayerGroup, string> = {
  regions: 'regions', grids: 'grids', incidents: 'incidents', heatmap: 'incidents', positions: 'positions', cameras: 'cameras', places: 'places',
};

export const BUILDING_SOURCE = 'drill-buildings';
export const BASEMAP_SOURCE = 'basemap';
/** Layers clicked to drill down or open something, top first. */
export const CLICKABLE_LAYERS = ['building-circle', 'incident-clusters', 'grid-fill', 'region-child-fill'] as const;

/** No sprite, no glyphs, no remote source: the map works offline; counts are drawn into marker images instead of text. */
export const COMMAND_MAP_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2f4f7' } }],
};

const codeIn = (codes: string[]): FilterSpecification => ['in', ['get', 'code'], ['literal', codes]];
const levelIs = (level: string): FilterSpecification => ['==', ['get', 'level'], level];

/** The marker image of an incident feature: colour by deadline, ring by stage, count for clusters. */
export const INCIDENT_IMAGE: ExpressionSpecification = [
  'case', ['==', ['get', 'count'], 1],
  ['concat', 'incident:', ['get', 'colour'], ':', ['get', 'stage'], ':'],
  ['concat', 'incident:', ['get', 'colour'], ':', ['get', 'stage'], ':', ['get', 'label']],
];

export function commandMapLayers(): LayerSpecification[] {
  const regionLine = (level: 'district' | 'street' | 'community', width: number, dash?: number[]): LayerSpecification => ({
    id: `region-line-${level}`, type: 'line', source: 'regions', 'source-layer': 'regions', filter: levelIs(level),
    paint: { 'line-color': AREA_COLOURS[level], 'line-width': width, ...(dash ? { 'line-dasharray': dash } : {}) },
  });
  return [
    { id: 'incident-heat', type: 'heatmap', source: 'incidents', 'source-layer': 'incidents', layout: { visibility: 'none' },
      paint: {
        'heatmap-weight': ['interpolate', ['linear'], ['get', 'count'], 1, 0.3, 50, 1],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 28, 14, 44],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 14, 1.2],
        'heatmap-opacity': 0.75,
      } },
    { id: 'region-child-fill', type: 'fill', source: 'regions', 'source-layer': 'regions', filter: codeIn([]),
      paint: { 'fill-color': AREA_COLOURS.child, 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.2, 0.07] } },
    { id: 'grid-fill', type: 'fill', source: 'grids', 'source-layer': 'grids',
      paint: { 'fill-color': AREA_COLOURS.grid, 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.22, 0.03] } },
    { id: 'grid-child-fill', type: 'fill', source: 'grids', 'source-layer': 'grids', filter: codeIn([]), paint: { 'fill-color': AREA_COLOURS.child, 'fill-opacity': 0.1 } },
    { id: 'grid-line', type: 'line', source: 'grids', 'source-layer': 'grids', paint: { 'line-color': AREA_COLOURS.grid, 'line-width': 0.8, 'line-opacity': 0.7 } },
    regionLine('community', 1, [2, 2]),
    regionLine('street', 1.5),
    regionLine('district', 2.5),
    { id: 'region-node-line', type: 'line', source: 'regions', 'source-layer': 'regions', filter: codeIn([]), paint: { 'line-color': AREA_COLOURS.node, 'line-width': 3.5 } },
    { id: 'grid-node-line', type: 'line', source: 'grids', 'source-layer': 'grids', filter: codeIn([]), paint: { 'line-color': AREA_COLOURS.node, 'line-width': 3.5 } },
    { id: 'place-circle', type: 'circle', source: 'places', 'source-layer': 'places',
      paint: { 'circle-color': POINT_COLOURS.place, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
    { id: 'camera-circle', type: 'circle', source: 'cameras', 'source-layer': 'cameras',
      paint: { 'circle-color': POINT_COLOURS.camera, 'circle-radius': 4.5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5,
        'circle-opacity': ['case', ['==', ['get', 'status'], 'online'], 1, 0.45] } },
    { id: 'position-circle', type: 'circle', source: 'positions', 'source-layer': 'positions',
      paint: { 'circle-color': ['case', ['<=', ['get', 'minutesAgo'], 60], POINT_COLOURS.position, POINT_COLOURS.stalePosition],
        'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    { id: 'building-circle', type: 'circle', source: BUILDING_SOURCE,
      paint: { 'circle-color': ['case', ['boolean', ['get', 'current'], false], AREA_COLOURS.node, POINT_COLOURS.building],
        'circle-radius': ['case', ['boolean', ['get', 'current'], false], 9, 7],
        'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    { id: 'incident-clusters', type: 'symbol', source: 'incidents', 'source-layer': 'incidents',
      layout: { 'icon-image': INCIDENT_IMAGE, 'icon-allow-overlap': true, 'icon-ignore-placement': true,
        'symbol-sort-key': ['get', 'count'] } },
  ];
}

/** Draws the current node's outline and its children's fill; other areas stay plain. */
export function highlightFilters(nodeKind: string, nodeKey: string, childKeys: string[]) {
  return {
    'region-node-line': codeIn(nodeKind === 'region' ? [nodeKey] : []),
    'grid-node-line': codeIn(nodeKind === 'grid' ? [nodeKey] : []),
    'region-child-fill': codeIn(nodeKind === 'region' ? childKeys : []),
    'grid-child-fill': codeIn(nodeKind === 'region' ? childKeys : []),
  } satisfies Record<string, FilterSpecification>;
}
