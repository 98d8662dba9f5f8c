import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Monaco and monaco-yaml are bundled and served locally: nothing loads from a CDN at run time.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    // monaco-worker-manager imports `monaco-editor/esm/vs/...`, a path monaco-editor 0.57's
    // exports map no longer allows; map it to the exported form.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.+?)(\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  worker: { format: 'es' },
  // The dev server must pre-bundle the YAML worker (it has CommonJS inside).
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    // Monaco's editor chunk (~1 MB gzip) is loaded lazily; the first screen stays small.
    chunkSizeWarningLimit: 4096,
  },
  preview: { strictPort: true },
});
