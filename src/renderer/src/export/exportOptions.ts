/**
 * What the export dialog offers: scopes, the formats (shared/exportFormats.ts describes each),
 * which combinations a shell can make, and the preview's cut. Pure: no React, no DOM.
 */
import { EXPORT_FORMAT_INFO, supportsScope, type ExportFormatInfo } from '../../../shared/exportFormats'
import type { ExportFormat, ExportScope } from '../../../shared/model'

export type ScopeKind = ExportScope['kind']
/** 'electron': the desktop app (save dialogs, folders, printToPDF); 'web': the browser shell. */
export type ShellKind = 'electron' | 'web'

export interface FormatInfo extends ExportFormatInfo {
  id: ExportFormat
}

/** Every format, in the registry's (the dialog's) order. */
export const FORMATS: readonly FormatInfo[] = (Object.keys(EXPORT_FORMAT_INFO) as ExportFormat[]).map(
  (id) => ({ id, ...EXPORT_FORMAT_INFO[id] }),
)

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.id === format)!
}

/**
 * Why this scope cannot be exported in this format, or null when it can. Every shell makes every
 * export: a folder is a folder in the desktop app, a .zip download in the browser.
 */
export function unavailableReason(scope: ScopeKind, format: ExportFormat): string | null {
  if (supportsScope(format, scope)) return null
  return scope === 'notebook'
    ? 'made for one note or one article at a time.'
    : 'made of the whole notebook: choose Whole notebook.'
}

/** What the dialog says a folder export is. */
export function folderDescription(format: ExportFormat, shell: ShellKind): string {
  const what =
    format === 'obsidian'
      ? 'The vault is a folder: Gloss notebook.md, then Articles/ and Notes/, one file each.'
      : 'The whole notebook is a folder: an index, then one file per article and per note.'
  return shell === 'web' ? `${what} It downloads as one .zip.` : what
}

/** The format to use for this scope: the one asked for when it is available, else the first that is. */
export function availableFormat(scope: ScopeKind, wanted: ExportFormat): ExportFormat {
  if (unavailableReason(scope, wanted) === null) return wanted
  return FORMATS.find((f) => unavailableReason(scope, f.id) === null)!.id
}

/** "Title.html" → "Title.pdf". */
export function pdfName(htmlName: string): string {
  return /\.html?$/i.test(htmlName) ? htmlName.replace(/\.html?$/i, '.pdf') : `${htmlName}.pdf`
}

export interface PreviewText {
  text: string
  /** lines left out after the cut */
  moreLines: number
  /** true when the cut fell inside a (very long) line */
  cutLine: boolean
}

/** The first `maxLines` lines, and at most `maxChars` characters, of an export. */
export function previewText(content: string, maxLines = 200, maxChars = 100_000): PreviewText {
  const text = content.replace(/^\uFEFF/, '')
  let end = 0
  let lines = 0
  while (lines < maxLines && end < text.length) {
    const newline = text.indexOf('\n', end)
    end = newline < 0 ? text.length : newline + 1
    lines++
  }
  let cutLine = false
  if (end > maxChars) {
    end = maxChars
    cutLine = text[end - 1] !== '\n'
  }
  const rest = text.slice(end)
  const moreLines = rest === '' ? 0 : rest.split('\n').length - (rest.endsWith('\n') ? 1 : 0)
  return { text: text.slice(0, end).replace(/\r?\n$/, ''), moreLines, cutLine }
}

/** "Backed up … (2.4 MB)". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * Where the web shell puts a manual backup: `backups` beside the notebook file, named by
 * the moment (ISO time without colons, which Windows refuses). Either separator works.
 */
export function webBackupPath(notebookPath: string, now: Date = new Date()): string {
  const cut = Math.max(notebookPath.lastIndexOf('/'), notebookPath.lastIndexOf('\\'))
  const separator = cut >= 0 ? notebookPath[cut]! : '/'
  const folder = cut >= 0 ? notebookPath.slice(0, cut) : '.'
  return `${folder}${separator}backups${separator}manual-${now.toISOString().replace(/:/g, '')}.db`
}
