/**
 * The export formats, one entry each: what the exporters (src/core/export), the CLI and the
 * export dialog all need to know about a format, written once. Listed in the dialog's order.
 */
import type { ExportFormat, ExportScope } from './model'

export type ExportScopeKind = ExportScope['kind']

export interface ExportFormatInfo {
  label: string
  /** one line for the export dialog */
  description: string
  /** the file name ending; a folder export's files carry their own */
  extension: string
  mediaType: string
  /** a whole-notebook export is a folder (index, articles/…, notes/…), not one file; 'always': of any scope (a vault) */
  folder: boolean | 'always'
  scopes: readonly ExportScopeKind[]
}

const EVERY_SCOPE: readonly ExportScopeKind[] = ['note', 'article', 'notebook']

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  md: {
    label: 'Markdown',
    description:
      'Quotes as block quotes with their ¶ number, then comments and #tags. For Obsidian or any Markdown editor.',
    extension: '.md',
    mediaType: 'text/markdown; charset=utf-8',
    folder: true,
    scopes: EVERY_SCOPE,
  },
  obsidian: {
    label: 'Obsidian vault',
    description:
      'A folder to open as an Obsidian vault: one file per article and note, ¶ links and excerpt cards as links to block ids, nested #tags. Exporting again updates Gloss’s files and leaves yours alone.',
    extension: '.md',
    mediaType: 'text/markdown; charset=utf-8',
    folder: 'always',
    scopes: EVERY_SCOPE,
  },
  html: {
    label: 'HTML (printable)',
    description:
      'One standalone page that reads and prints well, every ¶ reference a link to its section, a table of contents for the notebook. No scripts.',
    extension: '.html',
    mediaType: 'text/html; charset=utf-8',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  pdf: {
    label: 'PDF',
    description: 'The printable page as a PDF, its ¶ links kept.',
    extension: '.pdf',
    mediaType: 'application/pdf',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  json: {
    label: 'Gloss notebook JSON',
    description: 'Everything in the scope, to import into another Gloss notebook.',
    extension: '.gloss.json',
    mediaType: 'application/json',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  w3c: {
    label: 'W3C Web Annotations JSON',
    description: 'Excerpts as standard Web Annotations (JSON-LD), for other annotation tools.',
    extension: '.jsonld',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  csv: {
    label: 'CSV of excerpts (spreadsheets)',
    description:
      'One row per excerpt: quote, ¶, color, comment, tags. Opens in Excel, Numbers or LibreOffice.',
    extension: '.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  bibtex: {
    label: 'BibTeX',
    description: 'One citation entry per article, for LaTeX and reference managers.',
    extension: '.bib',
    mediaType: 'application/x-bibtex; charset=utf-8',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  csl: {
    label: 'CSL-JSON',
    description: 'Citation data per article, for Zotero, Pandoc and other citeproc tools.',
    extension: '.csl.json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    folder: false,
    scopes: EVERY_SCOPE,
  },
  ris: {
    label: 'RIS',
    description: 'One citation record per article, for EndNote, Zotero, Mendeley and RefWorks.',
    extension: '.ris',
    mediaType: 'application/x-research-info-systems',
    folder: false,
    scopes: EVERY_SCOPE,
  },
}

/** A whole-notebook export in a folder format is a folder of files, not one file; a vault always is. */
export function isFolderExport(scope: ExportScopeKind, format: ExportFormat): boolean {
  const folder = EXPORT_FORMAT_INFO[format].folder
  return folder === 'always' || (scope === 'notebook' && folder)
}

export function supportsScope(format: ExportFormat, scope: ExportScopeKind): boolean {
  return EXPORT_FORMAT_INFO[format].scopes.includes(scope)
}
