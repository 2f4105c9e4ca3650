/**
 * One exporter per format. A text format renders a snapshot to its text (one file, named by
 * the caller) or to its files (a folder export, or a format that names its file itself); pdf
 * prints the HTML page. What a format is (extension, label, scopes) is in
 * src/shared/exportFormats.ts.
 */
import type { ExportFormat, RenderedFile } from '../../shared/model'
import { renderNotebookJson } from '../notebookDocument'
import type { Snapshot } from '../snapshot/records'
import { renderBibtex } from './bibtex'
import { renderCsl } from './csl'
import { renderCsv } from './csv'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { renderObsidian } from './obsidian'
import { renderPdf } from './pdf'
import { renderRis } from './ris'
import { generatorName } from './version'
import { renderW3c } from './w3c'

export interface ExportOptions {
  /** "Gloss 1.2.3", written into notebook documents */
  generator?: string
  /** pin the export time (tests) */
  exportedAt?: string
  env?: NodeJS.ProcessEnv
}

export type TextFormat = Exclude<ExportFormat, 'pdf'>
type TextExporter = (data: Snapshot, options: ExportOptions) => string | RenderedFile[]
type PdfExporter = (data: Snapshot, options: ExportOptions) => Promise<Uint8Array>

export const EXPORTERS: { readonly [F in ExportFormat]: F extends 'pdf' ? PdfExporter : TextExporter } = {
  md: renderMarkdown,
  obsidian: renderObsidian,
  html: renderHtml,
  pdf: (data, options) => renderPdf(renderHtml(data, options)[0]!.content, { env: options.env }),
  json: (data, options) => renderNotebookJson(data, options.generator ?? generatorName()),
  w3c: renderW3c,
  csv: (data) => renderCsv(data),
  bibtex: renderBibtex,
  csl: renderCsl,
  ris: renderRis,
}
