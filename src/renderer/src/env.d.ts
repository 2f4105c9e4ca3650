/// <reference types="vite/client" />
// window.gloss and window.glossShell are declared by the preload (src/preload/index.d.ts).
