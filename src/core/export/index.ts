/**
 * Exports: one entry for every scope and format.
 *
 *   renderExport(db, { scope, format })            → the text of the export (every format but pdf)
 *   exportTo(db, { scope, format, path, force })   → writes it, atomically, never overwriting without force
 *
 * Single-file formats write one file at `path`. A whole-notebook Markdown or HTML export is a
 * folder at `path`: index.md|html, articles/<title>.md|html, notes/<title>.md|html.
 */
import { GlossError } from '../../shared/errors'
import type {
  ExportFormat,
  ExportResult,
  ExportScope,
  RenderedExport,
  RenderedFile,
} from '../../shared/model'
import type { Db } from '../store/open'
import { renderBibtex, renderCsl } from './citation'
import { collect, type ExportData } from './collect'
import { renderCsv } from './csv'
import { writeFileAtomic, writeFolderAtomic } from './files'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { EXTENSIONS, fileStem } from './names'

export { EXTENSIONS }
import { renderNotebookJson } from './notebookJson'
import { renderPdf } from './pdf'
import { renderW3c } from './w3c'

export { renderExportHtml } from './html'
export { importNotebookDocument, readNotebookDocumentFile, parseNotebookDocument } from './notebookJson'

type TextFormat = Exclude<ExportFormat, 'pdf'>

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  csv: 'text/csv; charset=utf-8; header=present',
  pdf: 'application/pdf',
  bibtex: 'application/x-bibtex; charset=utf-8',
  csl: 'application/vnd.citationstyles.csl+json',
}

export interface ExportOptions {
  /** "Gloss 1.2.3", written into notebook documents */
  generator?: string
  /** pin the export time (tests) */
  exportedAt?: string
  env?: NodeJS.ProcessEnv
}

/** A file (or folder) name for an export of this scope. */
export function suggestedName(data: ExportData, format: ExportFormat): string {
  const scope = data.scope
  const stem =
    scope.kind === 'note'
      ? fileStem(data.notes[0]?.title ?? '', 'Note')
      : scope.kind === 'article'
        ? fileStem(data.articles[0]?.title ?? '', 'Article')
        : `Gloss notebook ${data.exportedAt.slice(0, 10)}`
  const folder = scope.kind === 'notebook' && (format === 'md' || format === 'html')
  return folder ? stem : stem + EXTENSIONS[format]
}

function renderFiles(data: ExportData, format: TextFormat, options: ExportOptions): RenderedFile[] {
  const single = (content: string): RenderedFile[] => [{ path: suggestedName(data, format), content }]
  switch (format) {
    case 'md':
      return renderMarkdown(data)
    case 'html':
      return renderHtml(data)
    case 'json':
      return single(renderNotebookJson(data, options.generator))
    case 'w3c':
      return single(renderW3c(data))
    case 'csv':
      return single(renderCsv(data))
    case 'bibtex':
      return single(renderBibtex(data))
    case 'csl':
      return single(renderCsl(data))
  }
}

export function renderExport(
  db: Db,
  input: { scope: ExportScope; format: TextFormat },
  options: ExportOptions = {},
): RenderedExport {
  const data = collect(db, input.scope, { exportedAt: options.exportedAt })
  const files = renderFiles(data, input.format, options)
  return {
    format: input.format,
    mediaType: MEDIA_TYPES[input.format],
    suggestedName: suggestedName(data, input.format),
    content: files[0]!.content,
    files,
  }
}

export async function exportTo(
  db: Db,
  input: { scope: ExportScope; format: ExportFormat; path: string; force?: boolean },
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { scope, format, path } = input
  const force = input.force === true
  // the snapshot is taken now, before any await: what is exported is the notebook at this moment
  const data = collect(db, scope, { exportedAt: options.exportedAt })
  if (format === 'pdf') {
    if (scope.kind === 'notebook') {
      throw new GlossError(
        'invalid_input',
        'PDF export is for one note or one article; export the notebook as HTML or Markdown.',
        'format',
      )
    }
    const pdf = await renderPdf(renderHtml(data)[0]!.content, { env: options.env })
    return writeFileAtomic(path, pdf, { force })
  }
  const files = renderFiles(data, format, options)
  if (scope.kind === 'notebook' && (format === 'md' || format === 'html'))
    return writeFolderAtomic(path, files, { force })
  return writeFileAtomic(path, files[0]!.content, { force })
}
