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
  /** the notebook was replaced from a backup: everything shown is stale */
  | { type: 'restored'; message: string }
  | { type: 'theme'; theme: 'light' | 'dark' }

export interface ShellBridge {
  /** 'electron' in the desktop app */
  kind: 'electron'
  platform: string
  /** subscribe; returns an unsubscribe function */
  onEvent(listener: (event: ShellEvent) => void): () => void
  /** path of a dropped File (webUtils.getPathForFile), '' when it has none */
  pathForFile(file: File): string
  /**
   * Ask where to save an export (native save dialog) and write it atomically; a PDF is
   * printed from `pdfHtml`. Resolves with the path written, or null when the user cancelled;
   * rejects with GlossErrorData.
   */
  saveExport(request: SaveExportRequest): Promise<SavedFile | null>
  /** Ask where to put a copy of the notebook database and make it; null when cancelled. */
  backupNotebook(): Promise<SavedFile | null>
}

export interface SaveExportRequest {
  /** a plain file (or, with `files`, folder) name: no path separators */
  suggestedName: string
  /** the file's text; ignored for a PDF (see pdfHtml) and a folder (see files) */
  content: string
  mediaType: string
  /** a PDF: the HTML export of the same scope, printed by the shell */
  pdfHtml?: string
  /** a folder export (whole notebook as Markdown or HTML): its files, relative paths with '/' */
  files?: Array<{ path: string; content: string }>
}

export interface SavedFile {
  path: string
  bytes: number
}

/** Channel names used by the Electron shell. */
export const IPC_INVOKE_CHANNEL = 'gloss:invoke'
export const IPC_EVENT_CHANNEL = 'gloss:event'
export const IPC_SAVE_EXPORT_CHANNEL = 'gloss:save-export'
export const IPC_BACKUP_CHANNEL = 'gloss:backup'
