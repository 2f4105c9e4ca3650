import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportResult } from '../../../shared/model'
import { errorMessage, getApi } from '../api'
import { isEditable, readFileAsBase64 } from '../common/dom'
import { Toasts } from '../common/Toasts'
import { useToasts } from '../common/toastStore'
import { ExportDialog } from '../export/ExportDialog'
import { backUpNotebook } from '../export/save'
import { ImportUrlDialog } from '../library/ImportUrlDialog'
import { PasteDialog } from '../library/PasteDialog'
import { CommandPalette } from '../palette/CommandPalette'
import { SearchDialog } from '../search/SearchDialog'
import { createActions } from '../state/actions'
import { GlossContext, type Commands, type GlossContextValue } from '../state/glossContext'
import type { Feedback } from '../state/feedback'
import { usePanes } from '../state/panes'
import { createStores } from '../state/stores'
import { useTheme } from '../state/theme'
import { useUi } from '../state/ui'
import { UndoStack } from '../state/undo'
import { useShellEvents } from './shell'
import { useShortcuts } from './shortcuts'
import { NotebookNotice } from './NotebookNotice'
import { TopBar } from './TopBar'
import { Workspace } from './Workspace'

export function App() {
  const api = useMemo(getApi, [])
  const { toasts, notify, dismiss } = useToasts()
  const feedback = useMemo<Feedback>(
    () => ({ notify, reportError: (error: unknown) => void notify(errorMessage(error), { kind: 'error' }) }),
    [notify],
  )
  // created once: the stores outlive every render
  const [stores] = useState(() => createStores(api, feedback))
  const [undoStack] = useState(() => new UndoStack())
  const actions = useMemo(
    () => createActions(api, stores, undoStack, feedback),
    [api, stores, undoStack, feedback],
  )
  const panes = usePanes()
  const theme = useTheme()
  const ui = useUi(useCallback((id: string) => stores.article.open(id), [stores]))
  const fileInput = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)

  // first start: the core has imported the sample already; open the newest article
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void stores.start()
  }, [stores])

  const { afterImport } = stores
  const importFiles = useCallback(
    async (files: File[]) => {
      const results: ImportResult[] = []
      let rest = files
      const shell = window.glossShell
      if (shell) {
        // the desktop shell imports files on disk by their paths, which the page never sees
        try {
          const dropped = await shell.importFiles(files)
          rest = dropped.rest
          for (const outcome of dropped.outcomes) {
            if (outcome.ok) results.push(outcome.result)
            else feedback.notify(outcome.message, { kind: 'error' })
          }
        } catch (error) {
          feedback.notify(`Could not import: ${errorMessage(error)}`, { kind: 'error' })
          rest = []
        }
      }
      for (const file of rest) {
        try {
          if (file.size === 0) throw new Error(`“${file.name}” is empty; there is nothing to import.`)
          results.push(
            await api.importContent({
              content: await readFileAsBase64(file),
              encoding: 'base64',
              fileName: file.name,
            }),
          )
        } catch (error) {
          const message = errorMessage(error)
          feedback.notify(
            message.includes(file.name) ? message : `Could not import “${file.name}”: ${message}`,
            { kind: 'error' },
          )
        }
      }
      if (results.length > 0) await afterImport(results)
    },
    [api, afterImport, feedback],
  )

  const { setRightTab } = ui
  const { showRight } = panes
  const newNote = useCallback(async () => {
    if (!(await actions.createNote())) return
    setRightTab('notes')
    showRight()
    feedback.notify('Created a new note')
  }, [actions, feedback, setRightTab, showRight])

  const backup = useCallback(async () => {
    await backUpNotebook(api, feedback)
  }, [api, feedback])

  const commands = useMemo<Commands>(
    () => ({ pickFile: () => fileInput.current?.click(), importFiles, newNote, backup }),
    [importFiles, newNote, backup],
  )

  const value = useMemo<GlossContextValue>(
    () => ({ api, stores, actions, undoStack, feedback, panes, theme, ui, commands }),
    [api, stores, actions, undoStack, feedback, panes, theme, ui, commands],
  )
  useShortcuts(value)
  useShellEvents(value)

  // paste anywhere outside a text field: offer it as a new article
  const { openPaste, dialog } = ui
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (dialog || isEditable(event.target) || !event.clipboardData) return
      const text = event.clipboardData.getData('text/plain')
      const html = event.clipboardData.getData('text/html')
      if (!text && !html) return
      event.preventDefault()
      openPaste({ text, html: html || null })
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [dialog, openPaste])

  const hasFiles = (event: React.DragEvent) => Array.from(event.dataTransfer.types).includes('Files')

  return (
    <GlossContext value={value}>
      <div
        className="app"
        onDragOver={(event) => {
          if (!hasFiles(event)) return
          event.preventDefault()
          event.dataTransfer.dropEffect = 'copy'
          setDragging(true)
        }}
        onDragLeave={(event) => {
          if (event.relatedTarget === null) setDragging(false)
        }}
        onDrop={(event) => {
          if (!hasFiles(event)) return
          event.preventDefault()
          setDragging(false)
          void importFiles(Array.from(event.dataTransfer.files))
        }}
      >
        <TopBar />
        <NotebookNotice />
        <Workspace />
      </div>
      <input
        ref={fileInput}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept=".txt,.md,.markdown,.html,.htm,.pdf,.epub,.docx,text/plain,text/markdown,text/html,application/pdf,application/epub+zip"
        multiple
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          void importFiles(files)
        }}
      />
      {dialog === 'search' && <SearchDialog />}
      {dialog === 'palette' && <CommandPalette />}
      {dialog === 'paste' && <PasteDialog />}
      {dialog === 'importUrl' && <ImportUrlDialog />}
      {dialog === 'export' && <ExportDialog />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to import
        </div>
      )}
      <Toasts toasts={toasts} dismiss={dismiss} />
    </GlossContext>
  )
}
