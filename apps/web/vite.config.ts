import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` talks to a server on 8080 unless told otherwise, e.g. API_PROXY_TARGET=http://localhost:8091.
const apiProxyTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': apiProxyTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is about 1 MB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 2000,
  },
});
