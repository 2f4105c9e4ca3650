/**
 * The pure parts of "save an export" and "back up the notebook" in the desktop shell: file
 * names for the save dialog, and the guard that keeps a backup from landing on the notebook
 * itself. No Electron import. (The save request itself is checked by its schema in
 * src/shared/shell.ts.)
 */
import { basename, extname, resolve } from 'node:path'

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

/** Filters for the save dialog: this file's extension first, then "All files". */
export function saveDialogFilters(
  suggestedName: string,
  mediaType: string,
): Array<{ name: string; extensions: string[] }> {
  const extension = extname(suggestedName).replace(/^\./, '')
  const all = { name: 'All files', extensions: ['*'] }
  if (!extension) return [all]
  const kind = KIND_BY_EXTENSION[extension.toLowerCase()] ?? (mediaType.split(';')[0] || extension)
  return [{ name: kind, extensions: [extension] }, all]
}

const KIND_BY_EXTENSION: Record<string, string> = {
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF',
  json: 'JSON',
  jsonld: 'Web Annotations (JSON-LD)',
  csv: 'CSV',
  bib: 'BibTeX',
  db: 'Gloss notebook backup',
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
