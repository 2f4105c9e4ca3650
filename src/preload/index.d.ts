/**
 * What the preload gives the page, as the renderer sees it (tsconfig.web.json includes
 * this file). Both are absent in the web shell.
 */
import type { GlossApi } from '../shared/contract'
import type { ShellBridge } from '../shared/shell'

declare global {
  interface Window {
    gloss?: GlossApi
    glossShell?: ShellBridge
  }
}

export {}
