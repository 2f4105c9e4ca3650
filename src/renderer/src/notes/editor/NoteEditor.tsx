/**
 * One note in the Lexical editor: title, toolbar, rich text with section chips and excerpt
 * cards, and saving (debounced, never blocking typing; see ./saver.ts). Each plugin is a file
 * of ./plugins, as in the Lexical playground.
 *
 * Decorator wiring: ExcerptCardNode lives in src/shared and has no React; its decorate()
 * asks the renderer registered in src/shared/notes/nodes/decorators.ts. Importing
 * ./ExcerptCardView registers that renderer.
 */
import { createEmptyHistoryState } from '@lexical/history'
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin'
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin'
import { ClickableLinkPlugin } from '@lexical/react/LexicalClickableLinkPlugin'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin'
import type { EditorState } from 'lexical'
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Note } from '../../../../shared/model'
import { NOTE_NODES } from '../../../../shared/notes/nodes'
import { upgradeNoteContent } from '../../../../shared/notes/schema'
import { errorMessage } from '../../api/errors'
import { isMod } from '../../common/dom'
import { useGloss } from '../../state/glossContext'
import { NOTE_THEME } from './editorTheme'
import { excerptCardRendererInstalled } from './ExcerptCardView'
import { isSafeUrl } from './links'
import { NoteHeader } from './NoteHeader'
import { NOTE_TRANSFORMERS } from './noteTransformers'
import { BlurPlugin } from './plugins/BlurPlugin'
import { CaretPlugin } from './plugins/CaretPlugin'
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin'
import { ExcerptDropPlugin } from './plugins/ExcerptDropPlugin'
import { ExcerptInsertPlugin } from './plugins/ExcerptInsertPlugin'
import { HorizontalRulePlugin } from './plugins/HorizontalRulePlugin'
import { PresencePlugin } from './plugins/PresencePlugin'
import { RemoteBodyPlugin } from './plugins/RemoteBodyPlugin'
import { SanitizedPastePlugin } from './plugins/SanitizedPastePlugin'
import { SectionLinkOpenPlugin } from './plugins/SectionLinkOpenPlugin'
import { SectionPickerPlugin } from './plugins/SectionPickerPlugin'
import { TabEscapePlugin } from './plugins/TabEscapePlugin'
import { NotePageNode } from './paging/NotePageNode'
import { paginate, unpaginate } from './paging/paging'
import { PagingPlugin } from './paging/PagingPlugin'
import { NoteSaver, saveStatusText } from './saver'
import { Toolbar } from './Toolbar'
import './editor.css'

void excerptCardRendererInstalled

export interface NoteEditorProps {
  note: Note
  onBack?: () => void
  onDelete?: (note: Note) => void
  onError?: (error: unknown) => void
}

/** Undo depth of the note editor (per open note). */
const HISTORY_DEPTH = 300

/**
 * The save status line. Its own component: the first key after a save turns "Saved" into
 * "Unsaved", and re-rendering the whole editor for that held up that key (~10 ms in a long note).
 */
function SaveStatusLine({ saver }: { saver: NoteSaver }) {
  const subscribe = useCallback((listener: () => void) => saver.subscribe(listener), [saver])
  const status = useSyncExternalStore(subscribe, () => saver.status)
  return (
    <div className="gloss-note-status">
      <span
        role="status"
        aria-live="polite"
        className={status.state === 'error' ? 'gloss-note-status-error' : undefined}
      >
        {saveStatusText(status)}
      </span>
      {status.state === 'error' && (
        <button type="button" className="small" onClick={() => void saver.flush()}>
          Try again
        </button>
      )}
    </div>
  )
}

export function NoteEditor({ note, onBack, onDelete, onError }: NoteEditorProps) {
  const { api, actions, stores } = useGloss()
  const titleId = useId()
  // a note just made with "New note" opens with the caret in its text
  const [autoFocus] = useState(() => stores.notes.takeFocus(note.id))
  const [title, setTitle] = useState(note.title)
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  const loaded = useMemo(() => {
    try {
      return { ok: true as const, json: JSON.stringify(paginate(upgradeNoteContent(note.content))) }
    } catch (error) {
      return { ok: false as const, message: errorMessage(error) }
    }
  }, [note.content])

  const saver = useMemo(
    () =>
      new NoteSaver(note.id, {
        saveNote: (input) => api.saveNote(input),
        renameNote: (input) => api.renameNote(input),
        errorMessage,
        onSaved: actions.noteSaved,
      }),
    [note.id, api, actions],
  )

  // save at once when the note closes, the window hides or the page goes away
  useEffect(() => {
    const flush = () => void saver.flush()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      flush()
    }
  }, [saver])

  const historyState = useMemo(() => createEmptyHistoryState(), [])
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'gloss-note',
      nodes: [...NOTE_NODES, NotePageNode],
      theme: NOTE_THEME,
      editorState: loaded.ok ? loaded.json : undefined,
      onError: (error: Error) => {
        console.error(error)
        onErrorRef.current?.(error)
      },
    }),
    // one editor per mounted note (the parent keys this component by note id): built once
    [],
  )

  const onChange = useCallback(
    (editorState: EditorState) => saver.change({ content: () => unpaginate(editorState.toJSON()) }),
    [saver],
  )
  const onBlur = useCallback(() => void saver.flush(), [saver])

  if (!loaded.ok) {
    return (
      <div className="gloss-note-editor">
        <NoteHeader titleId={titleId} title={title} onTitle={() => undefined} onBack={onBack} readOnly />
        <p className="error-text" role="alert">
          This note cannot be opened: {loaded.message}
        </p>
      </div>
    )
  }

  return (
    <div
      className="gloss-note-editor"
      onKeyDown={(event) => {
        // Mod+B is "toggle library" elsewhere in the app; inside the note it means bold
        if (isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'b') event.stopPropagation()
      }}
    >
      <NoteHeader
        titleId={titleId}
        title={title}
        onTitle={(value) => {
          setTitle(value)
          saver.change({ title: value })
        }}
        onTitleBlur={onBlur}
        onBack={onBack}
        onDelete={
          onDelete
            ? async () => {
                await saver.flush()
                onDelete(note)
              }
            : undefined
        }
      />
      <LexicalComposer initialConfig={initialConfig}>
        <Toolbar />
        <div className="gloss-note-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="gloss-note-content"
                aria-label="Note text"
                aria-describedby={`${titleId}-help`}
                aria-placeholder="Write here. Type [[ or @ to link a section or excerpt."
                placeholder={
                  <div className="gloss-note-placeholder">
                    Write here. Type [[ or @ to link a section or excerpt.
                  </div>
                }
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <p id={`${titleId}-help`} className="visually-hidden">
            Rich text. Type two opening brackets or an at sign to link a section or excerpt. Press Escape,
            then Tab, to leave the editor.
          </p>
        </div>
        {autoFocus && <AutoFocusPlugin />}
        <BoundedHistoryPlugin historyState={historyState} maxDepth={HISTORY_DEPTH} />
        <ListPlugin />
        <CheckListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <ClickableLinkPlugin newTab />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <TabIndentationPlugin maxIndent={7} />
        <TabEscapePlugin />
        <HorizontalRulePlugin />
        <PagingPlugin />
        <CaretPlugin />
        <SanitizedPastePlugin />
        <SectionPickerPlugin />
        <SectionLinkOpenPlugin />
        <ExcerptDropPlugin onError={(error) => onErrorRef.current?.(error)} />
        <ExcerptInsertPlugin noteId={note.id} onError={(error) => onErrorRef.current?.(error)} />
        <OnChangePlugin ignoreSelectionChange onChange={onChange} />
        <RemoteBodyPlugin noteId={note.id} saver={saver} />
        <PresencePlugin noteId={note.id} />
        <BlurPlugin onBlur={onBlur} />
      </LexicalComposer>
      <SaveStatusLine saver={saver} />
    </div>
  )
}
