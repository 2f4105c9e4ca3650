/**
 * The pure parts of "save an export" and "back up the notebook" in the desktop shell:
 * the payload check for the save-export channel, file names for the save dialog, and the
 * guard that keeps a backup from landing on the notebook itself. No Electron import.
 */
import { basename, extname, resolve } from 'node:path'
import { z } from 'zod'
import { GlossError } from '../shared/errors'
import type { SaveExportRequest } from '../shared/shell'

/** The most a renderer may hand over in one save: 64 MB of UTF-8. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024
const MAX_NAME_LENGTH = 255
const MAX_FOLDER_FILES = 100_000

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** A string of at most MAX_EXPORT_BYTES bytes (checked by length first: cheap, and a bound on the UTF-8 size). */
const bigText = (what: string) =>
  z
    .string()
    .max(MAX_EXPORT_BYTES, `${what} is larger than 64 MB`)
    .refine((text) => utf8Bytes(text) <= MAX_EXPORT_BYTES, `${what} is larger than 64 MB`)

/**
 * A plain file name: not empty, no folder part (/ or \), not . or .., no control
 * characters (NUL included). Other characters a file system refuses are replaced later
 * (`safeFileName`), not refused: a note may be titled "Q&A: why?".
 */
export const plainFileName = z
  .string()
  .min(1, 'the file name is empty')
  .max(MAX_NAME_LENGTH, `the file name is longer than ${MAX_NAME_LENGTH} characters`)
  .refine((name) => !/[/\\]/.test(name), 'the file name must not contain / or \\')
  .refine((name) => name.trim() !== '.' && name.trim() !== '..', 'the file name must not be . or ..')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'the file name contains control characters')

/** A path inside a folder export: "index.md", "articles/Title.md" — the core's writer checks it again. */
const relativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (path) =>
      !path.startsWith('/') &&
      !/^[A-Za-z]:/.test(path) &&
      path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\')),
    'is not a plain relative path',
  )

export const saveExportRequest = z
  .object({
    suggestedName: plainFileName,
    content: bigText('the export'),
    mediaType: z.string().min(1, 'the media type is empty').max(200),
    pdfHtml: bigText('the page to print').optional(),
    files: z
      .array(z.object({ path: relativePath, content: z.string() }).strict())
      .min(1)
      .max(MAX_FOLDER_FILES)
      .optional(),
  })
  .strict()
  .refine((v) => v.pdfHtml === undefined || v.files === undefined, {
    message: 'a PDF is one file, not a folder',
    path: ['files'],
  })
  .refine(
    (v) =>
      v.files === undefined ||
      v.files.reduce((total, file) => total + utf8Bytes(file.content), 0) <= MAX_EXPORT_BYTES,
    { message: 'the export is larger than 64 MB', path: ['files'] },
  )

/** The save-export payload, checked; throws a GlossError naming the field. */
export function parseSaveExportRequest(raw: unknown): SaveExportRequest {
  const result = saveExportRequest.safeParse(raw)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.') || '(input)'
  throw new GlossError('invalid_input', `saveExport: ${field}: ${issue.message}`, field)
}

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
