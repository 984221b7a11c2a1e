import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { BoundingBox, GridFeatureCollection } from './api-types';
import { boundingBoxOfGrids } from './bounding-box';
import { GRID_PANEL_WIDTH } from './console-layout';
import { useI18n } from './i18n/i18n-context';
import { mapControlLocale } from './map-control-locale';
import {
  BASEMAP_SOURCE,
  GRID_FILL_LAYER,
  GRID_SELECTED_FILL_LAYER,
  GRID_SELECTED_OUTLINE_LAYER,
  GRID_SOURCE,
  addGridLayers,
  basemapLayer,
  selectedGridFilter,
  showGrids,
} from './grid-map-style';
import { useMapLibreMap } from './use-maplibre-map';

/**
 * Brings a selected grid into the part of the map the grid panel does not cover,
 * moving only when its centre is hidden or off screen.
 */
function revealUnderPanel(map: MapLibreMap, [west, south, east, north]: BoundingBox): void {
  const container = map.getContainer();
  const visibleWidth = container.clientWidth - GRID_PANEL_WIDTH;
  const centre = map.project([(west + east) / 2, (south + north) / 2]);
  const hidden = centre.x < 0 || centre.x > visibleWidth || centre.y < 0 || centre.y > container.clientHeight;
  if (!hidden) return;
  map.fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding: { top: 64, bottom: 64, left: 64, right: GRID_PANEL_WIDTH + 64 }, maxZoom: map.getZoom(), duration: 600 },
  );
}

interface HoveredGrid {
  name: string;
  households: number;
  overHouseholdRule: boolean;
  x: number;
  y: number;
}

interface GridMapProps {
  grids: GridFeatureCollection | null;
  /** Where to look; the map moves whenever the value changes. */
  bounds: BoundingBox | null;
  selectedGridCode: string | null;
  basemapTileUrl: string | null;
  onGridClick: (code: string) => void;
}

/** The MapLibre map of grids. It draws only what it is given; the console page decides what that is. */
export function GridMap({ grids, bounds, selectedGridCode, basemapTileUrl, onGridClick }: GridMapProps) {
  const onGridClickRef = useRef(onGridClick);
  const hasFittedRef = useRef(false);
  const [hovered, setHovered] = useState<HoveredGrid | null>(null);
  const { t } = useI18n();

  useEffect(() => {
    onGridClickRef.current = onGridClick;
  }, [onGridClick]);

  const { containerRef, mapRef, ready } = useMapLibreMap({
    // The map is made once: a language chosen later reaches its controls when the page is opened again.
    locale: mapControlLocale(t),
    onLoad: (map) => {
      addGridLayers(map);

      let hoveredCode: string | null = null;
      const setHoverState = (code: string | null) => {
        if (hoveredCode) map.setFeatureState({ source: GRID_SOURCE, id: hoveredCode }, { hover: false });
        hoveredCode = code;
        if (code) map.setFeatureState({ source: GRID_SOURCE, id: code }, { hover: true });
      };
      map.on('mousemove', GRID_FILL_LAYER, (event) => {
        const properties = event.features?.[0]?.properties;
        if (!properties) return;
        map.getCanvas().style.cursor = 'pointer';
        setHoverState(String(properties.code));
        setHovered({
          name: String(properties.name),
          households: Number(properties.households),
          overHouseholdRule: properties.overHouseholdRule === true || properties.overHouseholdRule === 'true',
          x: event.point.x,
          y: event.point.y,
        });
      });
      map.on('mouseleave', GRID_FILL_LAYER, () => {
        map.getCanvas().style.cursor = '';
        setHoverState(null);
        setHovered(null);
      });
      map.on('click', GRID_FILL_LAYER, (event) => {
        const code = event.features?.[0]?.properties?.code;
        if (code !== undefined) onGridClickRef.current(String(code));
      });
    },
    // A new map (StrictMode makes a second) jumps to its first bounds rather than flying there.
    onCreate: () => {
      hasFittedRef.current = false;
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    showGrids(map, grids);
    setHovered(null);
  }, [ready, grids]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setFilter(GRID_SELECTED_FILL_LAYER, selectedGridFilter(selectedGridCode));
    map.setFilter(GRID_SELECTED_OUTLINE_LAYER, selectedGridFilter(selectedGridCode));
    const feature = grids?.features.find((candidate) => candidate.properties.code === selectedGridCode);
    const box = feature ? boundingBoxOfGrids([feature]) : null;
    if (box) revealUnderPanel(map, box);
    // Only a new selection moves the map; new grid data alone must not.
  }, [ready, selectedGridCode]);

  const boundsKey = bounds?.join(',') ?? '';
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !bounds) return;
    const [west, south, east, north] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 48, maxZoom: 17, duration: hasFittedRef.current ? 600 : 0 },
    );
    hasFittedRef.current = true;
    // Keyed by value (boundsKey): a new array with the same corners must not move the map again.
  }, [ready, boundsKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !basemapTileUrl || map.getSource(BASEMAP_SOURCE)) return;
    map.addSource(BASEMAP_SOURCE, { type: 'raster', tiles: [basemapTileUrl], tileSize: 256 });
    map.addLayer(basemapLayer(), GRID_FILL_LAYER);
  }, [ready, basemapTileUrl]);

  return (
    <div style={{ position: 'absolute', inset: 0 }}>
      <div ref={containerRef} data-testid="grid-map" style={{ position: 'absolute', inset: 0 }} />
      {hovered && (
        <div className="grid-map-tooltip" style={{ left: hovered.x, top: hovered.y }}>
          <div>{hovered.name}</div>
          <div>
            {t('map.tooltip.households', { count: hovered.households })}
            {hovered.overHouseholdRule ? t('map.tooltip.overRule') : ''}
          </div>
        </div>
      )}
    </div>
  );
}
