import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

// The renderer is loaded from packaged files (file://), so every URL is relative.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline assets: the CSP allows files from the app only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
