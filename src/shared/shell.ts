/**
 * Besides the contract, a desktop shell pushes a few events to the UI (menu
 * commands, drops handled natively). The web shell has none of these.
 * The UI must work without them.
 */
import type { ImportResult } from './model'

export type ShellCommand =
  | 'import'
  | 'export'
  | 'backup'
  | 'toggle-library'
  | 'toggle-excerpts'
  | 'command-palette'
  | 'search'
  | 'new-note'

export type ShellEvent =
  | { type: 'command'; command: ShellCommand }
  | { type: 'imported'; results: ImportResult[] }
  | { type: 'import-failed'; message: string }
  | { type: 'theme'; theme: 'light' | 'dark' }

export interface ShellBridge {
  /** 'electron' in the desktop app */
  kind: 'electron'
  platform: string
  /** subscribe; returns an unsubscribe function */
  onEvent(listener: (event: ShellEvent) => void): () => void
  /** path of a dropped File (webUtils.getPathForFile), '' when it has none */
  pathForFile(file: File): string
}

/** Channel names used by the Electron shell. */
export const IPC_INVOKE_CHANNEL = 'gloss:invoke'
export const IPC_EVENT_CHANNEL = 'gloss:event'
