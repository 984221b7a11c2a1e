/**
 * Registers the app's service worker (built as /m/sw.js, see apps/web/build/mobile-service-worker.plugin.ts), which
 * keeps the app's files on the phone so it opens with no network. Only built apps have one: the dev server serves
 * modules that change on every save.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch((error: unknown) => {
      // The app works online without it; only opening offline is lost, and the next start tries again.
      console.warn('service worker registration failed', error);
    });
  });
}
