/**
 * The pure parts of "save an export" and "back up the notebook" in the desktop shell: the save
 * dialog's names and filters, what the notebook is asked once a path is chosen, and the guard
 * that keeps a backup from landing on the notebook itself. No Electron import. (The save
 * request itself is checked by its schema in src/shared/shell.ts.)
 */
import { basename, extname, join, resolve } from 'node:path'
import type { InputOf } from '../shared/contract'
import { EXPORT_FORMAT_INFO, isFolderExport } from '../shared/exportFormats'
import type { SaveExportRequest } from '../shared/shell'

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i

/**
 * A name every common file system takes, for the save dialog's default: characters Windows
 * or macOS refuse become "_", control characters go, trailing dots and spaces go, reserved
 * device names get a "_" in front, and it is kept under 200 characters (extension kept).
 */
export function safeFileName(name: string, fallback = 'Gloss export'): string {
  let safe = name
    // eslint-disable-next-line no-control-regex -- control characters are dropped
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '')
  if (safe === '' || /^\.+$/.test(safe)) safe = fallback
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`
  if (safe.length > 200) {
    const extension = compoundExtension(safe)
    safe = safe.slice(0, 200 - extension.length).trimEnd() + extension
  }
  return safe
}

/** ".gloss.json" / ".csl.json" for the two-part extensions Gloss writes, else the last one. */
function compoundExtension(name: string): string {
  const two = /(\.(?:gloss|csl)\.json)$/i.exec(name)
  if (two) return two[1]!
  const last = extname(name)
  return last.length <= 12 ? last : ''
}

/** Filters for the save dialog: this file's extension, named `kind` (a format's label), then "All files". */
export function saveDialogFilters(
  suggestedName: string,
  kind: string,
): Array<{ name: string; extensions: string[] }> {
  const extension = extname(suggestedName).replace(/^\./, '')
  const all = { name: 'All files', extensions: ['*'] }
  return extension ? [{ name: kind, extensions: [extension] }, all] : [all]
}

export interface SaveDialog {
  title: string
  buttonLabel: string
  defaultPath: string
  filters?: Array<{ name: string; extensions: string[] }>
}

/** The save dialog for an export, opening in `folder`; a whole-notebook folder export names a new folder. */
export function exportDialog(request: SaveExportRequest, folder: string): SaveDialog {
  const name = safeFileName(request.suggestedName)
  const defaultPath = join(folder, name)
  // a vault is updated in place: its folder may be one Gloss exported to before
  if (request.format === 'obsidian')
    return {
      title: 'Export to a vault folder (new, or exported to before)',
      buttonLabel: 'Export',
      defaultPath,
    }
  if (isFolderExport(request.scope.kind, request.format))
    return { title: 'Export to a new folder', buttonLabel: 'Export', defaultPath }
  const filters = saveDialogFilters(name, EXPORT_FORMAT_INFO[request.format].label)
  return { title: 'Export', buttonLabel: 'Export', defaultPath, filters }
}

/**
 * What the notebook is asked once the user chose `path`: to write the export there itself
 * (replacing a file the dialog confirmed; a folder only when new), or, for a PDF, for the HTML
 * page this shell prints (Electron's printToPDF, not the CLI's Chromium).
 */
export function exportCall(
  request: SaveExportRequest,
  path: string,
): { name: 'export'; input: InputOf<'export'> } | { name: 'renderExport'; input: InputOf<'renderExport'> } {
  const { scope, format } = request
  if (format === 'pdf') return { name: 'renderExport', input: { scope, format: 'html' } }
  return { name: 'export', input: { scope, format, path, force: !isFolderExport(scope.kind, format) } }
}

/** "Gloss backup 2025-03-09.db", by the local date. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `Gloss backup ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.db`
}

/**
 * Why a backup must not be written at `target`, or null when it may: never onto the open
 * notebook or the journal files SQLite keeps beside it. (Case-insensitive on Windows and macOS,
 * whose usual file systems are.)
 */
export function backupTargetProblem(
  target: string,
  dbPath: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const fold = (path: string) => {
    const full = resolve(path)
    return platform === 'win32' || platform === 'darwin' ? full.toLowerCase() : full
  }
  const chosen = fold(target)
  const notebook = fold(dbPath)
  if ([notebook, `${notebook}-wal`, `${notebook}-shm`, `${notebook}-journal`].includes(chosen)) {
    return `“${basename(target)}” is the open notebook itself; choose another name for the backup.`
  }
  return null
}
