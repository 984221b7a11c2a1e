import { Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import type { GridFeature } from '../api-types';
import { boundingBoxOfGrids } from '../bounding-box';
import { EMPTY_STYLE, GRID_COLORS, NO_FEATURES } from '../grid-map-style';
import { useI18n } from '../i18n/i18n-context';
import type { CompletionFeatureCollection } from './directive-api';
import { GRID_STATE_COLOURS } from './directive-tags';
import { gridLabel } from './grid-label';

setWorkerUrl(workerUrl);

const SOURCE = 'directive-grids';
const STATE_FILL = ['match', ['get', 'state'], ...Object.entries(GRID_STATE_COLOURS).flat(), GRID_COLORS.fill] as unknown as string;

/** A small map of a directive's grids, each filled with the colour of its completion state. */
export function CompletionMap({ grids }: { grids: CompletionFeatureCollection | null }) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const labelRef = useRef(t);
  const [ready, setReady] = useState(false);
  labelRef.current = t;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({ container, style: EMPTY_STYLE, center: [104.2, 35.9], zoom: 3.5, dragRotate: false, attributionControl: false });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    mapRef.current = map;
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: NO_FEATURES });
      map.addLayer({ id: 'directive-grid-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': STATE_FILL, 'fill-opacity': 0.55 } });
      map.addLayer({ id: 'directive-grid-outline', type: 'line', source: SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 1 } });
      setReady(true);
    });
    const popup = new Popup({ closeButton: false, closeOnClick: false });
    map.on('mousemove', 'directive-grid-fill', (event) => {
      const properties = event.features?.[0]?.properties as { name: string; communityName: string; state: keyof typeof GRID_STATE_COLOURS; completed: number; targets: number } | undefined;
      if (!properties) return;
      const state = labelRef.current(`directive.gridState.${properties.state}`);
      popup.setLngLat(event.lngLat).setText(`${gridLabel(properties.communityName, properties.name)}：${state}（${properties.completed}/${properties.targets}）`).addTo(map);
    });
    map.on('mouseleave', 'directive-grid-fill', () => popup.remove());
    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !grids) return;
    map.getSource<GeoJSONSource>(SOURCE)?.setData(grids as unknown as Parameters<GeoJSONSource['setData']>[0]);
    // Only the geometry is read: the completion features have the grid features' shape there.
    const bounds = boundingBoxOfGrids(grids.features as unknown as GridFeature[]);
    if (bounds) map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 24, duration: 0 });
  }, [ready, grids]);

  return <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} data-testid="directive-completion-map" />;
}
