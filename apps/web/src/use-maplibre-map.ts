import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type Marker } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { EMPTY_STYLE } from './grid-map-style';

// The bundler moves the worker file; tell MapLibre where it ended up.
setWorkerUrl(workerUrl);

export interface MapView {
  center: [number, number];
  zoom: number;
}

/** Where a map opens when it has nowhere to look yet. */
const WHOLE_COUNTRY: MapView = { center: [104.2, 35.9], zoom: 3.5 };

interface MapLibreMapSetup {
  /** Where the map opens; without it, the whole country. */
  view?: MapView | null;
  /** MapLibre's own texts (zoom buttons, scale) in the page's language; without them, MapLibre's English. */
  locale?: Record<string, string>;
  /** Adds the sources and layers once the style has loaded; `ready` turns true after it. */
  onLoad?: (map: MapLibreMap) => void;
  /** Wires what lives as long as the map (listeners, requests); what it returns runs before the map is removed. */
  onCreate?: (map: MapLibreMap) => (() => void) | void;
}

export interface MapLibreMapHandle {
  /** Goes on the element the map fills. */
  containerRef: RefObject<HTMLDivElement | null>;
  mapRef: RefObject<MapLibreMap | null>;
  /** The one marker the map may carry (a point, the worker): removed with the map. */
  markerRef: RefObject<Marker | null>;
  /** The style has loaded and `onLoad` has run: sources may be filled. */
  ready: boolean;
}

/**
 * A flat MapLibre map on the plain base style (no tiles from the internet): no rotation, zoom buttons at the top
 * left, a metric scale at the bottom left. It is made once, from the first render's setup; later values reach it
 * through the caller's own effects. It goes, with its marker, when the component does.
 */
export function useMapLibreMap({ view, locale, onLoad, onCreate }: MapLibreMapSetup): MapLibreMapHandle {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { center, zoom } = view ?? WHOLE_COUNTRY;
    const map = new MapLibreMap({
      container,
      style: EMPTY_STYLE,
      center,
      zoom,
      locale,
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    mapRef.current = map;
    map.on('load', () => {
      onLoad?.(map);
      setReady(true);
    });
    const release = onCreate?.(map);
    return () => {
      release?.();
      markerRef.current?.remove();
      markerRef.current = null;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  return { containerRef, mapRef, markerRef, ready };
}
