import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { isFolderExport } from '../../../shared/exportFormats'
import type { ExportFormat, ExportScope, NoteSummary, RenderedExport } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { useGloss } from '../state/glossContext'
import { useArticles, useNotes, useOpenArticle } from '../state/hooks'
import {
  availableFormat,
  folderDescription,
  FORMATS,
  formatInfo,
  pdfName,
  previewText,
  unavailableReason,
  type ScopeKind,
  type ShellKind,
} from './exportOptions'
import { downloadText, printHtml } from './save'
import { zipBlob, zipFolder, zipName } from './zip'
import './export.css'

type Preview =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; rendered: RenderedExport }
  | { status: 'failed'; key: string; message: string }

const noteName = (note: NoteSummary) => note.title.trim() || 'Untitled note'

/** The format whose text the preview shows (a PDF is its HTML page, printed). */
const renderedFormat = (format: ExportFormat): Exclude<ExportFormat, 'pdf'> =>
  format === 'pdf' ? 'html' : format

/**
 * Export a note, the open article (with its excerpts and the notes citing it) or the whole
 * notebook, in any of the core's formats, with a preview of what will be written.
 */
export function ExportDialog() {
  const { api, ui, stores, feedback } = useGloss()
  const shell: ShellKind = window.glossShell ? 'electron' : 'web'
  const { article } = useOpenArticle()
  const articleCount = useArticles().list.length
  const noteList = useNotes()
  const notes = noteList.status === 'ready' ? noteList.notes : noteList.status === 'failed' ? [] : null
  const lastNoteId = stores.notes.openNoteId.get()
  const openNoteId = ui.rightTab === 'notes' ? lastNoteId : null

  const [chosenNoteId, setNoteId] = useState<string | null>(openNoteId ?? lastNoteId)
  // the note chosen while it is listed, else the newest
  const noteId =
    notes === null || (chosenNoteId && notes.some((n) => n.id === chosenNoteId))
      ? chosenNoteId
      : (notes[0]?.id ?? null)
  const [scopeKind, setScopeKind] = useState<ScopeKind>(
    openNoteId ? 'note' : article ? 'article' : 'notebook',
  )
  const [wantedFormat, setWantedFormat] = useState<ExportFormat>('md')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLInputElement>(null)
  const host = useRef<HTMLDivElement>(null)
  const ids = useId()

  const listFailure = noteList.status === 'failed' ? noteList.message : null
  useEffect(() => {
    if (listFailure) feedback.notify(listFailure, { kind: 'error' })
  }, [listFailure, feedback])

  // a scope that is not there (no article open, no notes) falls back to the whole notebook
  const noteAvailable = notes === null ? noteId !== null : notes.length > 0
  const effectiveScope: ScopeKind =
    (scopeKind === 'article' && !article) || (scopeKind === 'note' && !noteAvailable) ? 'notebook' : scopeKind
  const format = availableFormat(effectiveScope, wantedFormat)
  const scope = useMemo<ExportScope | null>(() => {
    if (effectiveScope === 'article') return article ? { kind: 'article', id: article.id } : null
    if (effectiveScope === 'note') return noteId ? { kind: 'note', id: noteId } : null
    return { kind: 'notebook' }
  }, [effectiveScope, article, noteId])
  const key = scope ? `${JSON.stringify(scope)}|${renderedFormat(format)}` : ''
  const folder = isFolderExport(effectiveScope, format)

  useEffect(() => {
    if (!scope) return
    let live = true
    setPreview({ status: 'loading', key })
    api.renderExport({ scope, format: renderedFormat(format) }).then(
      (rendered) => live && setPreview({ status: 'ready', key, rendered }),
      (failure: unknown) => live && setPreview({ status: 'failed', key, message: errorMessage(failure) }),
    )
    return () => {
      live = false
    }
    // `key` stands for scope and format: a new scope object with the same key is the same export
  }, [api, key])

  const current = preview && preview.key === key ? preview : null

  const save = useCallback(async () => {
    if (!scope) return
    setBusy(true)
    setError(null)
    try {
      const rendered =
        current?.status === 'ready'
          ? current.rendered
          : await api.renderExport({ scope, format: renderedFormat(format) })
      const pdf = format === 'pdf' ? { name: pdfName(rendered.suggestedName) } : null
      const bridge = window.glossShell
      if (bridge) {
        // the shell asks where, and the notebook writes it: the export does not travel back
        const suggestedName = pdf?.name ?? rendered.suggestedName
        const saved = await bridge.saveExport({ scope, format, suggestedName })
        if (!saved) return // the save dialog was cancelled: stay here
        feedback.notify(`Exported to ${saved.path}`)
      } else if (pdf) {
        await printHtml(rendered.content, `Print ${pdf.name}`)
        feedback.notify(`Opened “${pdf.name}” in the print dialog`)
      } else if (folder) {
        // a folder, for the browser: one .zip holding it
        const name = zipName(rendered.suggestedName)
        downloadText(
          name,
          zipBlob(zipFolder(rendered.suggestedName, rendered.files)),
          'application/zip',
          host.current ?? undefined,
        )
        feedback.notify(`Downloaded ${name} (${rendered.files.length} files)`)
      } else {
        downloadText(rendered.suggestedName, rendered.content, rendered.mediaType, host.current ?? undefined)
        feedback.notify(`Downloaded ${rendered.suggestedName}`)
      }
      ui.closeDialog()
    } catch (failure) {
      setError(`The export failed: ${errorMessage(failure)}`)
    } finally {
      setBusy(false)
    }
  }, [api, current, feedback, folder, format, scope, ui])

  const info = formatInfo(format)
  // formats this scope cannot have here, grouped by the reason (Markdown and HTML share one)
  const blocked = new Map<string, string[]>()
  for (const f of FORMATS) {
    const reason = unavailableReason(effectiveScope, f.id)
    if (reason !== null) blocked.set(reason, [...(blocked.get(reason) ?? []), f.label])
  }
  const actionLabel =
    shell === 'electron'
      ? format === 'pdf'
        ? 'Save PDF…'
        : 'Save…'
      : format === 'pdf'
        ? 'Print…'
        : folder
          ? 'Download .zip'
          : 'Download'

  return (
    <Dialog label="Export" onClose={ui.closeDialog} initialFocus={first} className="export-dialog">
      <div ref={host} className="export-layout">
        <h2 className="export-title">Export</h2>
        <div className="export-options">
          <fieldset className="export-scope">
            <legend>What to export</legend>
            <label className="export-choice">
              <input
                ref={effectiveScope === 'note' ? first : undefined}
                type="radio"
                name={`${ids}-scope`}
                value="note"
                checked={effectiveScope === 'note'}
                disabled={!noteAvailable}
                onChange={() => setScopeKind('note')}
              />
              <span>
                This note
                {notes !== null && notes.length === 0 && (
                  <span className="export-detail muted">No notes yet</span>
                )}
              </span>
            </label>
            {notes !== null && notes.length > 0 && (
              <div className="export-note-pick">
                <label htmlFor={`${ids}-note`} className="visually-hidden">
                  Note to export
                </label>
                <select
                  id={`${ids}-note`}
                  value={noteId ?? ''}
                  onChange={(event) => {
                    setNoteId(event.target.value)
                    setScopeKind('note')
                  }}
                >
                  {notes.map((note) => (
                    <option key={note.id} value={note.id}>
                      {noteName(note)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <label className="export-choice">
              <input
                ref={effectiveScope === 'article' ? first : undefined}
                type="radio"
                name={`${ids}-scope`}
                value="article"
                checked={effectiveScope === 'article'}
                disabled={!article}
                onChange={() => setScopeKind('article')}
              />
              <span>
                This article with its excerpts and notes
                <span className="export-detail muted">{article ? article.title : 'No article is open'}</span>
              </span>
            </label>
            <label className="export-choice">
              <input
                ref={effectiveScope === 'notebook' ? first : undefined}
                type="radio"
                name={`${ids}-scope`}
                value="notebook"
                checked={effectiveScope === 'notebook'}
                onChange={() => setScopeKind('notebook')}
              />
              <span>
                Whole notebook
                <span className="export-detail muted">
                  {articleCount} {articleCount === 1 ? 'article' : 'articles'}
                  {notes !== null && `, ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}`}
                </span>
              </span>
            </label>
          </fieldset>

          <div className="export-format">
            <label htmlFor={`${ids}-format`}>Format</label>
            <select
              id={`${ids}-format`}
              value={format}
              aria-describedby={`${ids}-format-about`}
              onChange={(event) => setWantedFormat(event.target.value as ExportFormat)}
            >
              {FORMATS.map((f) => (
                <option key={f.id} value={f.id} disabled={unavailableReason(effectiveScope, f.id) !== null}>
                  {f.label}
                </option>
              ))}
            </select>
            <p id={`${ids}-format-about`} className="export-about">
              {info.description}
              {folder && ` ${folderDescription(format, shell)}`}
              {format === 'pdf' &&
                shell === 'web' &&
                ' Your browser’s print dialog opens: choose “Save as PDF” as the printer to keep a PDF file.'}
            </p>
            {blocked.size > 0 && (
              <ul className="export-blocked muted" aria-label="Not available for this choice">
                {[...blocked].map(([reason, labels]) => (
                  <li key={reason}>
                    <strong>{labels.join(', ')}:</strong> {reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        <section className="export-preview" aria-labelledby={`${ids}-preview-title`}>
          <h3 id={`${ids}-preview-title`} className="export-preview-title">
            Preview
            {current?.status === 'ready' && (
              <span className="muted export-name">
                {format === 'pdf' ? pdfName(current.rendered.suggestedName) : current.rendered.suggestedName}
                {folder &&
                  current.rendered.files.length > 1 &&
                  ` (folder, ${current.rendered.files.length} files)`}
              </span>
            )}
          </h3>
          <PreviewBody preview={current} format={format} />
        </section>

        {error && (
          <p role="alert" className="error-text export-error">
            {error}
          </p>
        )}
        <div className="dialog-actions export-actions">
          <button type="button" onClick={ui.closeDialog}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || !scope} onClick={() => void save()}>
            {busy ? 'Exporting…' : actionLabel}
          </button>
        </div>
      </div>
    </Dialog>
  )
}

function PreviewBody({ preview, format }: { preview: Preview | null; format: ExportFormat }) {
  if (!preview || preview.status === 'loading') {
    return (
      <div className="export-preview-box export-preview-empty muted" aria-busy="true">
        Preparing the preview…
      </div>
    )
  }
  if (preview.status === 'failed') {
    return (
      <p role="alert" className="error-text">
        No preview: {preview.message}
      </p>
    )
  }
  if (format === 'html' || format === 'pdf') {
    return (
      <iframe
        className="export-preview-box export-preview-frame"
        title={format === 'pdf' ? 'Preview of the page printed to PDF' : 'Preview of the HTML export'}
        sandbox=""
        srcDoc={preview.rendered.content}
      />
    )
  }
  const { text, moreLines, cutLine } = previewText(preview.rendered.content)
  return (
    <pre className="export-preview-box export-preview-text" tabIndex={0} aria-label="Preview of the export">
      {text}
      {(moreLines > 0 || cutLine) && (
        <span className="export-more muted">
          {'\n'}… {moreLines > 0 ? `${moreLines} more ${moreLines === 1 ? 'line' : 'lines'}` : 'and more'} in
          the file
        </span>
      )}
    </pre>
  )
}
