import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The workbench is served by `chokepoint serve` under /app/ (see src/surfaces/web/static.ts); built into dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: { proxy: Object.fromEntries(['/match', '/search', '/entities', '/catalog', '/timeline', '/lists', '/screen', '/suppressions', '/readyz', '/ais', '/network', '/gaps', '/regions', '/mandates', '/evidence', '/report'].map((p) => [p, 'http://127.0.0.1:8080'])) },
});
