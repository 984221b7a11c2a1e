import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mobileServiceWorker } from './build/mobile-service-worker.plugin';

// `npm run dev` talks to a server on 8080 unless told otherwise, e.g. API_PROXY_TARGET=http://localhost:8091.
const apiProxyTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // The grid worker app (/m/) opens offline: its service worker precaches what its entry reaches.
    mobileServiceWorker({ entry: 'm/index.html', publicFolder: 'm', skipModules: [/opencc-js/] }),
  ],
  server: {
    proxy: { '/api': apiProxyTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is about 1 MB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The console, and the grid worker app at /m/ (dist/m/index.html).
      input: {
        console: fileURLToPath(new URL('index.html', import.meta.url)),
        mobile: fileURLToPath(new URL('m/index.html', import.meta.url)),
      },
      // The domain package is pure (no I/O, nothing runs on import), so the console keeps only the labels and
      // helpers it uses, not the zod schemas the server validates with.
      treeshake: { moduleSideEffects: (id) => (id.includes('/packages/domain/') ? false : undefined) },
    },
  },
});
