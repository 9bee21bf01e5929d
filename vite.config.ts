import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
/** The API server `npm run dev` starts next to Vite; requests to /api are proxied to it. */
const apiTarget = process.env.OPENBEIAN_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json maps each page module to its chunk: the bundle budget test reads it.
    manifest: true,
    // Public pages must start with ≤ 300 KB of gzipped JavaScript: every page is its own chunk.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Rolldown merges chunks shared by lazy pages into the entry by default ("it is loaded anyway"),
      // which puts every page's common components (accordions, forms, alerts) on the first download
      // of every page. Kept apart, a page loads the shared chunks it uses, in parallel, when it opens.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
