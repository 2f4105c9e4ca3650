import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** The renderer built as a plain web app, served by `gloss serve` from out/web. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    sourcemap: false,
    // the CSP forbids inline scripts; keep every asset a file
    assetsInlineLimit: 0,
  },
})
