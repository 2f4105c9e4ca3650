/// <reference types="vite/client" />
import type { GlossApi } from '../../shared/contract'
import type { ShellBridge } from '../../shared/shell'

// The preload's own declaration (src/preload/index.d.ts) says the same; identical
// declarations merge, so this can stay until that file lands and then be removed.
declare global {
  interface Window {
    gloss?: GlossApi
    glossShell?: ShellBridge
  }
}
