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
    rolldownOptions: {
      // The domain package is pure (no I/O, nothing runs on import), so the console keeps only the labels and
      // helpers it uses, not the zod schemas the server validates with.
      treeshake: { moduleSideEffects: (id) => (id.includes('/packages/domain/') ? false : undefined) },
    },
  },
});
