import { Marker, type GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import type { GridFeatureCollection } from '../../api-types';
import { boundingBoxOfGrids } from '../../bounding-box';
import { NO_FEATURES, addGridLayers, showGrids } from '../../grid-map-style';
import { useMapLibreMap } from '../../use-maplibre-map';

const TRACK_SOURCE = 'patrol-track';
const TRACK_COLOUR = '#f5222d';
const HERE_COLOUR = '#1677ff';
/** Close enough to see the street the worker is on. */
const WALKING_ZOOM = 16;

interface PatrolTrackMapProps {
  /** the kept fixes, [lon, lat], oldest first */
  track: [number, number][];
  /** where the phone is now */
  here: [number, number] | null;
  /** the worker's grid outlines, kept on the phone */
  grids: GridFeatureCollection | null;
}

/**
 * The patrol so far on the plain base style (no tiles from the internet, so it works with no signal): the worker's
 * grids, the track walked, and a dot where they are. It follows the worker; loaded only on the patrol screen.
 */
export function PatrolTrackMap({ track, here, grids }: PatrolTrackMapProps) {
  // The map is made once; grids, track and position are applied by the effects below.
  const { containerRef, mapRef, markerRef, ready } = useMapLibreMap({
    view: here ? { center: here, zoom: WALKING_ZOOM } : null,
    onLoad: (map) => {
      addGridLayers(map);
      map.addSource(TRACK_SOURCE, { type: 'geojson', data: NO_FEATURES });
      map.addLayer({
        id: 'patrol-track-line',
        type: 'line',
        source: TRACK_SOURCE,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': TRACK_COLOUR, 'line-width': 4 },
      });
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    showGrids(map, grids);
    // Before the first fix, the worker's grids are where the patrol will be.
    const box = grids && !here ? boundingBoxOfGrids(grids.features) : null;
    if (box) map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: 24, maxZoom: 17, duration: 0 });
    // Fitted once when the grids arrive, not on every fix.
  }, [ready, grids]);

  const trackKey = track.length > 0 ? `${track.length}:${track.at(-1)!.join(',')}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.getSource<GeoJSONSource>(TRACK_SOURCE)?.setData(
      track.length >= 2 ? { type: 'Feature', geometry: { type: 'LineString', coordinates: track }, properties: {} } : NO_FEATURES,
    );
    // Keyed by the track's length and end: a new array with the same fixes draws nothing new.
  }, [ready, trackKey]);

  const [lon, lat] = here ?? [null, null];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || lon === null || lat === null) return;
    if (!markerRef.current) {
      const dot = document.createElement('div');
      dot.className = 'm-patrol-here';
      dot.style.setProperty('--m-patrol-here', HERE_COLOUR);
      markerRef.current = new Marker({ element: dot }).setLngLat([lon, lat]).addTo(map);
      map.jumpTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), WALKING_ZOOM) });
    } else {
      markerRef.current.setLngLat([lon, lat]);
      // The worker walks off the map's edge: bring them back to the middle, keeping the zoom they chose.
      if (!map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat], duration: 300 });
    }
  }, [lon, lat]);

  // Inline, so that MapLibre's own `.maplibregl-map { position: relative }` cannot shrink it to nothing.
  return <div ref={containerRef} data-testid="patrol-map" style={{ position: 'absolute', inset: 0 }} />;
}
