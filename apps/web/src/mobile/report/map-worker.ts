import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let prepared: Promise<void> | null = null;

/**
 * MapLibre draws in a Web Worker whose script the browser loads by itself, and Chromium does not always take that
 * load from the service worker: with no network the map stayed an empty background. So the script is fetched here,
 * as any other request (from the app's cache when offline), and handed to MapLibre as a blob: URL, before the first
 * map is made. Online, should that fetch fail, MapLibre keeps loading the script by its URL.
 */
export function prepareMapWorker(): Promise<void> {
  prepared ??= fetch(workerUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`map worker script: HTTP ${response.status}`);
      return response.blob();
    })
    .then((script) => setWorkerUrl(URL.createObjectURL(new Blob([script], { type: 'text/javascript' }))))
    .catch((error: unknown) => {
      prepared = null;
      console.warn('map worker script not prepared', error);
    });
  return prepared;
}
