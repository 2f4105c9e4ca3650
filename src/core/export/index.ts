/**
 * Exports: one entry for every scope and format (the formats: ./registry.ts).
 *
 *   renderExport(db, { scope, format })             → the text of the export (every format but pdf)
 *   exportScope(db, { scope, format, path, force }) → writes it, atomically, never overwriting without force
 *
 * Single-file formats write one file at `path`. A whole-notebook Markdown export is a folder at
 * `path`: index.md, articles/<title>.md, notes/<title>.md; an Obsidian vault is a folder that a
 * later export updates in place (./vaultWrite.ts).
 */
import { EXPORT_FORMAT_INFO, isFolderExport, supportsScope } from '../../shared/exportFormats'
import { GlossError } from '../../shared/errors'
import type {
  ExportFormat,
  ExportResult,
  ExportScope,
  RenderedExport,
  RenderedFile,
} from '../../shared/model'
import { collect } from '../snapshot/collect'
import type { Snapshot } from '../snapshot/records'
import type { Db } from '../store/open'
import { writeFileAtomic, writeFolderAtomic } from '../store/files'
import { fileStem } from './names'
import { VAULT_NAME } from './obsidian'
import { EXPORTERS, type ExportOptions, type TextFormat } from './registry'
import { writeVault } from './vaultWrite'

/** A file (or folder) name for an export of this scope. */
function suggestedName(data: Snapshot, format: ExportFormat): string {
  const scope = data.scope
  const stem =
    scope.kind === 'note'
      ? fileStem(data.notes[0]?.title ?? '', 'Note')
      : scope.kind === 'article'
        ? fileStem(data.articles[0]?.title ?? '', 'Article')
        : format === 'obsidian'
          ? VAULT_NAME
          : `Gloss notebook ${data.exportedAt.slice(0, 10)}`
  return isFolderExport(scope.kind, format) ? stem : stem + EXPORT_FORMAT_INFO[format].extension
}

function renderFiles(data: Snapshot, format: TextFormat, options: ExportOptions): RenderedFile[] {
  const rendered = EXPORTERS[format](data, options)
  return typeof rendered === 'string' ? [{ path: suggestedName(data, format), content: rendered }] : rendered
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
    mediaType: EXPORT_FORMAT_INFO[input.format].mediaType,
    suggestedName: suggestedName(data, input.format),
    content: files[0]!.content,
    files,
  }
}

export async function exportScope(
  db: Db,
  input: { scope: ExportScope; format: ExportFormat; path: string; force?: boolean },
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { scope, format, path } = input
  const force = input.force === true
  if (!supportsScope(format, scope.kind)) {
    throw new GlossError(
      'invalid_input',
      `${EXPORT_FORMAT_INFO[format].label} export is for ${EXPORT_FORMAT_INFO[format].scopes.map((s) => (s === 'notebook' ? 'the whole notebook' : `one ${s}`)).join(' or ')}.`,
      'format',
    )
  }
  // the snapshot is taken now, before any await: what is exported is the notebook at this moment
  const data = collect(db, scope, { exportedAt: options.exportedAt })
  if (format === 'pdf') return writeFileAtomic(path, await EXPORTERS.pdf(data, options), { force })
  const files = renderFiles(data, format, options)
  if (format === 'obsidian') return writeVault(path, files, { force })
  if (isFolderExport(scope.kind, format)) return writeFolderAtomic(path, files, { force })
  return writeFileAtomic(path, files[0]!.content, { force })
}
