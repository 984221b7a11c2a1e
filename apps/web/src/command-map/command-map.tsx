import {
  Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type GeoJSONSourceSpecification, type MapGeoJSONFeature,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { mapControlLocale } from '../map-control-locale';
import {
  BASEMAP_SOURCE, BUILDING_SOURCE, CLICKABLE_LAYERS, COMMAND_MAP_STYLE, commandMapLayers, highlightFilters, LAYER_GROUPS, type LayerGroup,
} from './command-map-style';
import type { DrillDown, DrillDownRef, MapBounds, MapLayerSource } from './drill-down-api';
import { describeFeature } from './map-feature-text';
import { drawIncidentMarkers } from './incident-marker-images';

setWorkerUrl(workerUrl);

const HOVERABLE = ['building-circle', 'incident-clusters', 'position-circle', 'camera-circle', 'place-circle', 'grid-fill', 'region-child-fill'];

interface CommandMapProps {
  sources: MapLayerSource[];
  /** Where the map opens: the box of the region the drill-down opens at. */
  openingBounds: MapBounds | null;
  basemapTileUrl: string | null;
  visible: Record<LayerGroup, boolean>;
  drill: DrillDown | null;
  /** Space the side panel covers on the right, kept clear when the map fits a node. */
  rightInset: number;
  onPick: (node: Pick<DrillDownRef, 'kind' | 'key'>) => void;
  onOpenIncident: (id: number) => void;
}

/** The buildings to mark: a grid's buildings, or the building being looked at. */
type FeatureCollection = Extract<GeoJSONSourceSpecification['data'], { type: 'FeatureCollection' }>;

function buildingFeatures(drill: DrillDown | null): FeatureCollection {
  const features: FeatureCollection['features'] = [];
  if (drill?.childKind === 'building') {
    for (const child of drill.children) {
      if (child.location) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: child.location }, properties: { key: child.key, name: child.name } });
    }
  } else if (drill?.node.location) {
    // The building itself, or the one the household or person lives in.
    const building = drill.breadcrumb.find((entry) => entry.kind === 'building');
    if (building) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: drill.node.location }, properties: { key: building.key, name: building.name, current: true } });
  }
  return { type: 'FeatureCollection', features };
}

/** Clear of the legend below and the side panel on the right. */
const fitPadding = (rightInset: number) => ({ top: 40, bottom: 130, left: 48, right: rightInset + 40 });

/**
 * The command map: vector tiles of boundaries, incidents and people, with the drill-down's node outlined. The map is
 * made as soon as the page is, so that MapLibre's workers start while the layer list is fetched; the layers are
 * added, at the opening box, when both are ready.
 */
export function CommandMap({ sources, openingBounds, basemapTileUrl, visible, drill, rightInset, onPick, onOpenIncident }: CommandMapProps) {
  const { t, locale } = useI18n();
  const translateRef = useRef(t);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  /** Whether the map has been moved to a drill-down node yet (the first move jumps, later ones glide). */
  const fittedRef = useRef(false);
  const drillRef = useRef(drill);
  const handlersRef = useRef({ onPick, onOpenIncident });
  const [loaded, setLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const [tooltip, setTooltip] = useState<{ lines: string[]; x: number; y: number } | null>(null);

  useEffect(() => {
    drillRef.current = drill;
    handlersRef.current = { onPick, onOpenIncident };
    translateRef.current = t;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container, style: COMMAND_MAP_STYLE, locale: mapControlLocale(translateRef.current), center: [118.05, 36.8], zoom: 8,
      dragRotate: false, pitchWithRotate: false, attributionControl: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    drawIncidentMarkers(map);
    mapRef.current = map;
    // Scripts that drive the page (browser tests, the benchmark) reach the map here, to find where a place is drawn.
    (container as HTMLDivElement & { commandMap?: MapLibreMap }).commandMap = map;

    map.on('load', () => setLoaded(true));

    let hovered: { source: string; id: string } | null = null;
    map.on('mousemove', (event) => {
      const layers = HOVERABLE.filter((id) => map.getLayer(id));
      const feature: MapGeoJSONFeature | undefined = map.queryRenderedFeatures(event.point, { layers })[0];
      if (hovered) map.setFeatureState({ source: hovered.source, sourceLayer: hovered.source, id: hovered.id }, { hover: false });
      hovered = null;
      if (feature && (feature.source === 'grids' || feature.source === 'regions') && feature.id !== undefined) {
        hovered = { source: feature.source, id: String(feature.id) };
        map.setFeatureState({ source: hovered.source, sourceLayer: hovered.source, id: hovered.id }, { hover: true });
      }
      map.getCanvas().style.cursor = feature ? 'pointer' : '';
      setTooltip(feature ? { lines: describeFeature(feature, translateRef.current), x: event.point.x, y: event.point.y } : null);
    });
    map.on('mouseout', () => setTooltip(null));

    map.on('click', (event) => {
      const current = drillRef.current;
      const features = map.queryRenderedFeatures(event.point, { layers: CLICKABLE_LAYERS.filter((id) => map.getLayer(id)) });
      const on = (layer: string) => features.find((feature) => feature.layer.id === layer);
      const building = on('building-circle');
      if (building) return handlersRef.current.onPick({ kind: 'building', key: String(building.properties.key) });
      const incident = on('incident-clusters');
      if (incident) {
        if (Number(incident.properties.count) === 1) return handlersRef.current.onOpenIncident(Number(incident.properties.id));
        return map.easeTo({ center: event.lngLat, zoom: Math.min(map.getZoom() + 2, 18) });
      }
      const region = on('region-child-fill');
      if (region) return handlersRef.current.onPick({ kind: 'region', key: String(region.properties.code) });
      const grid = on('grid-fill');
      const deepEnough = current && (current.childKind === 'grid' || current.node.kind !== 'region');
      if (grid && deepEnough) handlersRef.current.onPick({ kind: 'grid', key: String(grid.properties.code) });
    });

    return () => {
      map.remove();
      mapRef.current = null;
      fittedRef.current = false;
      setLoaded(false);
      setReady(false);
    };
    // Made again when the language changes: MapLibre takes its controls' texts only when a map is made.
  }, [locale]);

  useEffect(() => {
    const map = mapRef.current;
    const container = containerRef.current;
    if (!loaded || !map || !container || sources.length === 0 || map.getSource(BUILDING_SOURCE)) return;
    if (openingBounds) {
      map.fitBounds([[openingBounds[0], openingBounds[1]], [openingBounds[2], openingBounds[3]]], { padding: fitPadding(rightInset), maxZoom: 17, duration: 0 });
    }
    // Tells a watcher (the benchmark) when the map's first view has drawn all its tiles: ms since navigation.
    container.dataset.drawnAt = 'pending';
    map.once('idle', () => {
      container.dataset.drawnAt = String(Math.round(performance.now()));
    });
    const origin = window.location.origin;
    for (const source of sources) {
      map.addSource(source.name, {
        type: 'vector', tiles: source.tiles.map((tile) => origin + tile), minzoom: source.minzoom, maxzoom: source.name === 'incidents' ? 18 : 16,
        ...(source.name === 'regions' || source.name === 'grids' ? { promoteId: 'code' } : {}),
      });
    }
    map.addSource(BUILDING_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const names = new Set<string>([...sources.map((source) => source.name), BUILDING_SOURCE]);
    for (const layer of commandMapLayers()) if ('source' in layer && names.has(String(layer.source))) map.addLayer(layer);
    setReady(true);
  }, [loaded, sources, openingBounds, rightInset]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !basemapTileUrl || map.getSource(BASEMAP_SOURCE)) return;
    map.addSource(BASEMAP_SOURCE, { type: 'raster', tiles: [basemapTileUrl], tileSize: 256 });
    map.addLayer({ id: 'basemap', type: 'raster', source: BASEMAP_SOURCE, paint: { 'raster-opacity': 0.85 } }, map.getStyle().layers[1]?.id);
  }, [ready, basemapTileUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const [group, { styleLayers }] of Object.entries(LAYER_GROUPS)) {
      for (const id of styleLayers) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible[group as LayerGroup] ? 'visible' : 'none');
    }
  }, [ready, visible]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !drill) return;
    const filters = highlightFilters(drill.node.kind, drill.node.key, drill.children.map((child) => child.key));
    for (const [id, filter] of Object.entries(filters)) if (map.getLayer(id)) map.setFilter(id, filter);
    map.getSource<GeoJSONSource>(BUILDING_SOURCE)?.setData(buildingFeatures(drill));
    const first = !fittedRef.current;
    fittedRef.current = true;
    // The map opened at the first node's box already: moving there again would only fetch its tiles twice.
    if (first && openingBounds && drill.node.bbox?.every((value, index) => value === openingBounds[index])) return;
    if (drill.node.bbox) {
      const [west, south, east, north] = drill.node.bbox;
      map.fitBounds([[west, south], [east, north]], { padding: fitPadding(rightInset), maxZoom: 17, duration: first ? 0 : 500 });
    } else if (drill.node.location) {
      map.easeTo({ center: drill.node.location, zoom: 17, offset: [-rightInset / 2, -45], duration: 500 });
    }
  }, [ready, drill, rightInset, openingBounds]);

  return (
    <div style={{ position: 'absolute', inset: 0 }}>
      <div ref={containerRef} data-testid="command-map" style={{ position: 'absolute', inset: 0 }} />
      {tooltip && (
        <div className="grid-map-tooltip" style={{ left: tooltip.x, top: tooltip.y }}>
          {tooltip.lines.map((line) => <div key={line}>{line}</div>)}
        </div>
      )}
    </div>
  );
}
