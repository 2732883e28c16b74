import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The embeddable chat widget: one dependency-free IIFE at dist/web/widget.js.
 * Runs after the app build, which empties dist/web, so this one must not.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./widget/widget.ts', import.meta.url)),
      name: 'TandemChatWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
