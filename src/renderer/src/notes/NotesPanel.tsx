/**
 * The Notes tab: a list of notes (all, or only those linking to the open article), newest
 * first, with create, inline rename and delete (undoable); opening a note shows its editor.
 *
 * Props are optional: inside the app's GlossContext the panel takes the API, the open article
 * and the reader callbacks from there (the workspace renders `<NotesPanel />` bare). Passed
 * props win over the context.
 */
import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { ArticleDetail, ArticleSummary, Excerpt, Note, NoteSummary } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { GlossContext } from '../app/context'
import { formatDate } from '../common/dom'
import type { NoteEditorEnv } from './env'
import { cardFromDragData, isExcerptDrag, readExcerptDragData, type ExcerptDragData } from './dnd'
import { insertExcerptIntoNote, notesChanged, notesPanelMemory, openNoteRequests } from './events'
import { useExcerptsChangedSignal } from './excerptStore'
import { NoteEditor } from './NoteEditor'
import './notes.css'

export interface NotesPanelProps {
  api?: GlossApi
  /** the article open in the reader */
  articleId?: string | null
  onOpenSection?: (articleId: string, sectionId: string) => void
  onOpenExcerpt?: (articleId: string, excerptId: string) => void
}

interface Resolved {
  api: GlossApi
  articleId: string | null
  article: ArticleDetail | null
  excerpts: readonly Excerpt[]
  articles: readonly ArticleSummary[] | null
  onOpenSection: (articleId: string, sectionId: string) => void
  onOpenExcerpt: (articleId: string, excerptId: string) => void
  notify: ((message: string, action?: { label: string; run: () => void }) => void) | null
  reportError: ((error: unknown) => void) | null
  pushUndo:
    ((entry: { label: string; undo(): Promise<void>; redo(): Promise<void> }) => (() => void) | null) | null
}

const NO_EXCERPTS: readonly Excerpt[] = []

/** The open article and its excerpts when there is no app context to read them from. */
function useArticleData(api: GlossApi | null, articleId: string | null, skip: boolean) {
  const [data, setData] = useState<{ id: string; article: ArticleDetail; excerpts: Excerpt[] } | null>(null)
  useEffect(() => {
    if (skip || !api || !articleId) return
    let alive = true
    Promise.all([api.getArticle({ id: articleId }), api.listExcerpts({ articleId })]).then(
      ([article, excerpts]) => alive && setData({ id: articleId, article, excerpts }),
      () => alive && setData(null),
    )
    return () => {
      alive = false
    }
  }, [api, articleId, skip])
  return data && data.id === articleId ? data : null
}

function useResolved(props: NotesPanelProps): Resolved | null {
  const gloss = useContext(GlossContext)
  const api = props.api ?? gloss?.api ?? null
  const articleId = props.articleId !== undefined ? props.articleId : (gloss?.notebook.articleId ?? null)
  const fromContext = !!gloss && gloss.notebook.articleId === articleId
  const fetched = useArticleData(api, articleId, fromContext)
  const reveal = gloss?.ui.revealTarget
  return useMemo(() => {
    if (!api) return null
    const undoStack = gloss?.undoStack
    return {
      api,
      articleId,
      article: fromContext
        ? gloss!.notebook.article?.id === articleId
          ? gloss!.notebook.article
          : null
        : (fetched?.article ?? null),
      excerpts: fromContext ? gloss!.notebook.excerpts : (fetched?.excerpts ?? NO_EXCERPTS),
      articles: gloss?.notebook.articles ?? null,
      onOpenSection: props.onOpenSection ?? ((a, sectionId) => reveal?.({ articleId: a, sectionId })),
      onOpenExcerpt: props.onOpenExcerpt ?? ((a, excerptId) => reveal?.({ articleId: a, excerptId })),
      notify: gloss
        ? (message, action) => gloss.feedback.notify(message, action ? { action } : undefined)
        : null,
      reportError: gloss ? gloss.feedback.reportError : null,
      pushUndo: undoStack
        ? (entry) => {
            undoStack.push(entry)
            return () => void undoStack.undoOutOfOrder(entry)
          }
        : null,
    }
  }, [api, articleId, fromContext, fetched, gloss, props.onOpenSection, props.onOpenExcerpt, reveal])
}

export function NotesPanel(props: NotesPanelProps) {
  const env = useResolved(props)
  if (!env) {
    return (
      <section className="notes-panel">
        <p className="error-text">Notes are unavailable: no notebook connection.</p>
      </section>
    )
  }
  return <NotesPanelInner env={env} />
}

type ListState =
  { status: 'loading' } | { status: 'ready'; notes: NoteSummary[] } | { status: 'failed'; message: string }
type OpenState =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; note: Note }
  | { status: 'failed'; id: string; message: string }

function NotesPanelInner({ env }: { env: Resolved }) {
  const { api, articleId } = env
  const headingId = useId()
  const [scope, setScopeState] = useState<'all' | 'article'>(notesPanelMemory.scope)
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [openId, setOpenId] = useState<string | null>(notesPanelMemory.openNoteId)
  const [open, setOpen] = useState<OpenState>({ status: 'none' })
  const [renaming, setRenaming] = useState<{ id: string; value: string } | null>(null)
  const [undoBar, setUndoBar] = useState<{ message: string; run: () => void } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const envRef = useRef(env)
  envRef.current = env
  const effectiveScope = scope === 'article' && articleId ? 'article' : 'all'

  useExcerptsChangedSignal(env.excerpts)

  const report = useCallback((error: unknown) => {
    if (envRef.current.reportError) envRef.current.reportError(error)
    else setMessage(errorMessage(error))
  }, [])

  const setScope = (next: 'all' | 'article') => {
    notesPanelMemory.scope = next
    setScopeState(next)
  }

  const openNote = useCallback((id: string | null) => {
    notesPanelMemory.openNoteId = id
    setOpenId(id)
  }, [])

  // the list
  const loadList = useCallback(async () => {
    try {
      const notes = await api.listNotes(effectiveScope === 'article' && articleId ? { articleId } : {})
      setList({ status: 'ready', notes })
    } catch (error) {
      setList({ status: 'failed', message: errorMessage(error) })
    }
  }, [api, articleId, effectiveScope])

  useEffect(() => {
    void loadList()
  }, [loadList])

  useEffect(
    () =>
      notesChanged.subscribe((change) => {
        // typing saves often; the list is hidden while a note is open and reloads on return
        if (change.kind === 'saved' && notesPanelMemory.openNoteId) return
        void loadList()
      }),
    [loadList],
  )

  useEffect(() => openNoteRequests.subscribe((id) => openNote(id)), [openNote])

  // the open note
  useEffect(() => {
    if (!openId) {
      setOpen({ status: 'none' })
      return
    }
    let alive = true
    setOpen({ status: 'loading', id: openId })
    api.getNote({ id: openId }).then(
      (note) => {
        if (!alive) return
        if (note.deletedAt) {
          openNote(null)
          setMessage('That note is in the trash.')
        } else setOpen({ status: 'ready', note })
      },
      (error: unknown) => {
        if (!alive) return
        if ((error as { code?: string })?.code === 'not_found') {
          openNote(null)
          setMessage('That note no longer exists.')
        } else setOpen({ status: 'failed', id: openId, message: errorMessage(error) })
      },
    )
    return () => {
      alive = false
    }
  }, [api, openId, openNote])

  const closeNote = useCallback(() => {
    openNote(null)
    void loadList()
  }, [openNote, loadList])

  const createNote = async (withExcerpt?: ExcerptDragData) => {
    try {
      const note = await api.createNote({ title: '' })
      if (withExcerpt) insertInto(note.id, withExcerpt)
      notesChanged.emit({ kind: 'created', noteId: note.id }) // opens it (see events.ts)
    } catch (error) {
      report(error)
    }
  }

  // an excerpt dropped on a note in the list (or on "New note") goes into that note
  const [dropOver, setDropOver] = useState<string | null>(null)
  const insertInto = (noteId: string, data: ExcerptDragData) => {
    insertExcerptIntoNote.emit({ excerptId: data.excerptId, noteId, card: cardFromDragData(data) })
  }
  const dropProps = (target: string, onExcerpt: (data: ExcerptDragData) => void) => ({
    onDragOver: (event: React.DragEvent) => {
      if (!isExcerptDrag(event.dataTransfer)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
      if (dropOver !== target) setDropOver(target)
    },
    onDragLeave: (event: React.DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropOver(null)
    },
    onDrop: (event: React.DragEvent) => {
      setDropOver(null)
      const data = readExcerptDragData(event.dataTransfer)
      if (!data) return
      event.preventDefault()
      onExcerpt(data)
    },
  })

  const commitRename = async () => {
    if (!renaming) return
    const { id, value } = renaming
    setRenaming(null)
    const before = list.status === 'ready' ? list.notes.find((n) => n.id === id) : undefined
    if (before && before.title === value.trim()) return
    try {
      const summary = await api.renameNote({ id, title: value })
      setList((l) =>
        l.status === 'ready' ? { ...l, notes: l.notes.map((n) => (n.id === id ? summary : n)) } : l,
      )
      notesChanged.emit({ kind: 'renamed', noteId: id })
    } catch (error) {
      report(error)
    }
  }

  const deleteNote = async (note: { id: string; title: string }) => {
    try {
      await api.deleteNote({ id: note.id })
    } catch (error) {
      report(error)
      return
    }
    notesChanged.emit({ kind: 'deleted', noteId: note.id })
    if (notesPanelMemory.openNoteId === note.id || openId === note.id) openNote(null)
    setList((l) => (l.status === 'ready' ? { ...l, notes: l.notes.filter((n) => n.id !== note.id) } : l))
    const restore = async () => {
      await api.restoreNote({ id: note.id })
      notesChanged.emit({ kind: 'restored', noteId: note.id })
    }
    const redo = async () => {
      await api.deleteNote({ id: note.id })
      notesChanged.emit({ kind: 'deleted', noteId: note.id })
    }
    const label = `Deleted “${note.title.trim() || 'Untitled note'}”`
    const undoOutOfOrder = envRef.current.pushUndo?.({ label: 'Delete note', undo: restore, redo }) ?? null
    const runUndo = () => {
      setUndoBar(null)
      if (undoOutOfOrder) undoOutOfOrder()
      else restore().catch(report)
    }
    if (envRef.current.notify) envRef.current.notify(label, { label: 'Undo', run: runUndo })
    else setUndoBar({ message: label, run: runUndo })
  }

  const editorEnv = useMemo<NoteEditorEnv>(
    () => ({ api, onOpenSection: env.onOpenSection, onOpenExcerpt: env.onOpenExcerpt }),
    [api, env.onOpenSection, env.onOpenExcerpt],
  )

  if (openId) {
    return (
      <section className="notes-panel notes-panel-editing" aria-label="Note">
        {open.status === 'ready' ? (
          <NoteEditor
            key={open.note.id}
            note={open.note}
            env={editorEnv}
            article={env.article}
            excerpts={env.excerpts}
            articles={env.articles}
            onBack={closeNote}
            onDelete={(note) => void deleteNote(note)}
            onError={report}
          />
        ) : open.status === 'failed' ? (
          <div className="gloss-note-editor">
            <button type="button" className="small" onClick={closeNote}>
              ‹ All notes
            </button>
            <p className="error-text" role="alert">
              Could not open the note: {open.message}
            </p>
          </div>
        ) : (
          <p className="muted notes-loading">Opening note…</p>
        )}
      </section>
    )
  }

  const notes = list.status === 'ready' ? list.notes : []
  return (
    <section className="notes-panel" aria-labelledby={headingId}>
      <div className="notes-panel-head">
        <h2 id={headingId} className="pane-heading">
          Notes
        </h2>
        <button
          type="button"
          className={`small primary${dropOver === 'new' ? ' drop-over' : ''}`}
          title="New note (drop an excerpt here to start a note with it)"
          onClick={() => void createNote()}
          {...dropProps('new', (data) => void createNote(data))}
        >
          New note
        </button>
      </div>
      <div className="notes-scope" role="group" aria-label="Which notes">
        <button
          type="button"
          className="small"
          aria-pressed={effectiveScope === 'all'}
          onClick={() => setScope('all')}
        >
          All notes
        </button>
        <button
          type="button"
          className="small"
          aria-pressed={effectiveScope === 'article'}
          disabled={!articleId}
          title={articleId ? 'Notes that link to the open article' : 'Open an article first'}
          onClick={() => setScope('article')}
        >
          Linked to this article
        </button>
      </div>
      {message && (
        <p className="notes-message" role="status">
          {message}{' '}
          <button type="button" className="link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      )}
      {undoBar && (
        <p className="notes-message" role="status">
          {undoBar.message}{' '}
          <button type="button" className="link-button" onClick={undoBar.run}>
            Undo
          </button>
        </p>
      )}
      {list.status === 'failed' && (
        <p className="error-text" role="alert">
          Could not list notes: {list.message}{' '}
          <button type="button" className="small" onClick={() => void loadList()}>
            Try again
          </button>
        </p>
      )}
      {list.status === 'loading' && <p className="muted notes-loading">Loading notes…</p>}
      {list.status === 'ready' && notes.length === 0 && (
        <p className="muted notes-empty">
          {effectiveScope === 'article'
            ? 'No note links to this article yet.'
            : 'No notes yet. Create one to start writing.'}
        </p>
      )}
      {notes.length > 0 && (
        <ul
          className="notes-list"
          aria-label={effectiveScope === 'article' ? 'Notes linked to this article' : 'All notes'}
        >
          {notes.map((note) => {
            const name = note.title.trim() || 'Untitled note'
            return (
              <li
                key={note.id}
                className={`notes-item${dropOver === note.id ? ' drop-over' : ''}`}
                {...dropProps(note.id, (data) => {
                  insertInto(note.id, data)
                  openNote(note.id)
                })}
              >
                {renaming?.id === note.id ? (
                  <input
                    className="notes-rename"
                    type="text"
                    aria-label={`New title for “${name}”`}
                    value={renaming.value}
                    maxLength={500}
                    autoFocus
                    onChange={(event) => setRenaming({ id: note.id, value: event.target.value })}
                    onBlur={() => void commitRename()}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault()
                        void commitRename()
                      } else if (event.key === 'Escape') {
                        event.preventDefault()
                        setRenaming(null)
                      }
                    }}
                  />
                ) : (
                  <button type="button" className="notes-item-open" onClick={() => openNote(note.id)}>
                    <span className={`notes-item-title${note.title.trim() ? '' : ' untitled'}`}>{name}</span>
                    {note.excerptText && <span className="notes-item-preview">{note.excerptText}</span>}
                    <span className="notes-item-date">{formatDate(note.updatedAt)}</span>
                  </button>
                )}
                <div className="notes-item-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Rename “${name}”`}
                    title="Rename"
                    onClick={() => setRenaming({ id: note.id, value: note.title })}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Delete “${name}”`}
                    title="Delete"
                    onClick={() => void deleteNote(note)}
                  >
                    ✕
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
