import { Marker } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { apiClient } from './api-client';
import type { BoundingBox, GridFeatureCollection } from './api-types';
import {
  BASEMAP_SOURCE, GRID_FILL_LAYER, GRID_SELECTED_FILL_LAYER, GRID_SELECTED_OUTLINE_LAYER, addGridLayers, basemapLayer,
  selectedGridFilter, showGrids,
} from './grid-map-style';
import { useMapLibreMap } from './use-maplibre-map';

const POINT_ZOOM = 16;
const MARKER_COLOUR = '#f5222d';

interface IncidentLocationMapProps {
  /** [lon, lat] of the incident, drawn as a marker. */
  point: [number, number] | null;
  /** Grid outlines drawn around it, for orientation. */
  grids?: GridFeatureCollection | null;
  /** The grid to highlight (the incident's own). */
  selectedGridCode?: string | null;
  /** Where to look; without it the map centres on the point. */
  bounds?: BoundingBox | null;
  /** Makes the map a picker: a click sets the point. */
  onPick?: (lon: number, lat: number) => void;
  testId?: string;
  /**
   * MapLibre's own texts (mapControlLocale) in the console's language; without them, Chinese: the phone app shows
   * this map too, and keeps the console's catalogs out of its bundle.
   */
  controlLocale?: Record<string, string>;
}

/** A small map of one place on the plain base style (no internet tiles): the incident's point among its grids. */
export function IncidentLocationMap({ point, grids, selectedGridCode, bounds, onPick, testId, controlLocale }: IncidentLocationMapProps) {
  const onPickRef = useRef(onPick);

  useEffect(() => {
    onPickRef.current = onPick;
  }, [onPick]);

  // The map is made once; the point, grids and bounds are applied by the effects below.
  const { containerRef, mapRef, markerRef, ready } = useMapLibreMap({
    view: point ? { center: point, zoom: POINT_ZOOM } : null,
    // Made once: a language chosen later reaches the controls when the page is opened again.
    locale: controlLocale ?? { 'NavigationControl.ZoomIn': '放大', 'NavigationControl.ZoomOut': '缩小', 'ScaleControl.Meters': '米', 'ScaleControl.Kilometers': '公里' },
    onLoad: addGridLayers,
    onCreate: (map) => {
      map.on('click', (event) => onPickRef.current?.(event.lngLat.lng, event.lngLat.lat));
      const controller = new AbortController();
      apiClient
        .config(controller.signal)
        .then(({ basemapTileUrl }) => {
          if (!basemapTileUrl) return;
          const addBasemap = () => {
            if (map.getSource(BASEMAP_SOURCE)) return;
            map.addSource(BASEMAP_SOURCE, { type: 'raster', tiles: [basemapTileUrl], tileSize: 256 });
            map.addLayer(basemapLayer(), map.getLayer(GRID_FILL_LAYER) ? GRID_FILL_LAYER : undefined);
          };
          if (map.loaded()) addBasemap();
          else map.once('load', addBasemap);
        })
        .catch(() => undefined);
      return () => controller.abort();
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    showGrids(map, grids);
  }, [ready, grids]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setFilter(GRID_SELECTED_FILL_LAYER, selectedGridFilter(selectedGridCode ?? null));
    map.setFilter(GRID_SELECTED_OUTLINE_LAYER, selectedGridFilter(selectedGridCode ?? null));
  }, [ready, selectedGridCode]);

  const [lon, lat] = point ?? [null, null];
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (lon === null || lat === null) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) markerRef.current = new Marker({ color: MARKER_COLOUR }).setLngLat([lon, lat]).addTo(map);
    else markerRef.current.setLngLat([lon, lat]);
    // A picked point stays where the user is looking; a given one is brought into view.
    if (!bounds && !onPickRef.current) map.jumpTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), POINT_ZOOM) });
  }, [lon, lat, bounds]);

  const boundsKey = bounds?.join(',') ?? '';
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !bounds) return;
    const [west, south, east, north] = bounds;
    map.fitBounds([[west, south], [east, north]], { padding: 32, maxZoom: 17, duration: 0 });
    // Keyed by value: a new array with the same corners must not move the map again.
  }, [ready, boundsKey]);

  return (
    <div
      ref={containerRef}
      data-testid={testId ?? 'incident-location-map'}
      className={onPick ? 'location-picker' : undefined}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
