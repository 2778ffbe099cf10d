/**
 * The web app's build: sources in web/, output in web/dist (served by src/server/web.ts beside
 * the API). `npx vite` runs the dev server with /api proxied to a local `outpost serve`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // web/ beside this file, whatever the working directory (the e2e suite builds from vitest).
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first route must stay small for officers on village networks; ECharts is split off
    // by a dynamic import and this warns if a chunk still grows past it.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
