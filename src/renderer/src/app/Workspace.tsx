import { useEffect, useState } from 'react'
import { Splitter } from '../common/Splitter'
import { Tabs, type DragToOpen } from '../common/Tabs'
import { ExcerptsPanel } from '../excerpts/ExcerptsPanel'
import { LibraryPane } from '../library/LibraryPane'
import { NotesPanel } from '../notes/NotesPanel'
import { ResearchPanel } from '../research/ResearchPanel'
import { ReviewPanel } from '../review/ReviewPanel'
import { ArticleView } from '../reader/ArticleView'
import { useGloss, type RightTab } from '../state/glossContext'
import { cardFromDragData, isExcerptDrag, readExcerptDragData } from '../state/dnd'
import { useArticles, useOpenArticle } from '../state/hooks'
import { insertExcerptIntoNote } from '../state/mailbox'
import { PANE_LIMITS } from '../state/panes'
import { TagsView } from '../tags/TagsView'

function CenterPane() {
  const { stores } = useGloss()
  const { load } = useArticles()
  const { id, article } = useOpenArticle()
  if (load.status === 'failed') {
    return (
      <div className="reader-empty" role="alert">
        <p>Gloss could not open the notebook: {load.message}</p>
        <button type="button" onClick={() => void stores.start()}>
          Try again
        </button>
      </div>
    )
  }
  if (article) return <ArticleView article={article} />
  if (load.status === 'loading' || id) return <p className="reader-empty">Opening…</p>
  return (
    <div className="reader-empty">
      <p>Your notebook is empty. Import a file, paste an article, or drop files anywhere in this window.</p>
    </div>
  )
}

/** True from the start of an excerpt drag (setExcerptDragData) until it ends or drops. */
function useExcerptDragActive(): boolean {
  const [active, setActive] = useState(false)
  useEffect(() => {
    const start = (event: DragEvent) => {
      if (isExcerptDrag(event.dataTransfer)) setActive(true)
    }
    const end = () => setActive(false)
    document.addEventListener('dragstart', start)
    document.addEventListener('dragend', end)
    document.addEventListener('drop', end)
    return () => {
      document.removeEventListener('dragstart', start)
      document.removeEventListener('dragend', end)
      document.removeEventListener('drop', end)
    }
  }, [])
  return active
}

/**
 * Three columns: library/tags, the article, excerpts/notes. The right panel is tabbed so
 * the notes editor lives beside the excerpts; both side panes resize and collapse.
 *
 * The notes panel stays mounted while the Excerpts tab is shown (hidden), so the open note
 * keeps its caret and undo history and can take "Insert into note" at once. An excerpt dragged
 * onto the Notes tab opens it after a moment (see Tabs' dragToOpen) so the drop can land in the
 * note; the excerpts list stays mounted (hidden) until that drag ends, as it is the drag source.
 */
export function Workspace() {
  const { panes, ui, feedback, stores } = useGloss()
  const excerptDrag = useExcerptDragActive()
  const reviewCount = useOpenArticle().article?.reviewCount ?? 0
  const rightDrag: DragToOpen<RightTab> = {
    accepts: isExcerptDrag,
    onDrop: (key, transfer) => {
      if (key !== 'notes') return
      const data = readExcerptDragData(transfer)
      if (!data) return
      const noteId = stores.notes.openNoteId.get()
      if (!noteId) {
        feedback.notify('Open or create a note, then drop the excerpt into it.')
        return
      }
      insertExcerptIntoNote.emit({ excerptId: data.excerptId, noteId, card: cardFromDragData(data) })
    },
  }
  const { layout, update, toggleLeft, toggleRight } = panes
  const columns = [
    layout.leftCollapsed ? null : `${layout.leftWidth}px 6px`,
    'minmax(320px, 1fr)',
    layout.rightCollapsed ? null : `6px ${layout.rightWidth}px`,
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <div className="workspace" style={{ gridTemplateColumns: columns }}>
      {!layout.leftCollapsed && (
        <>
          <aside className="pane pane-left" aria-label="Library and tags">
            <Tabs
              label="Library and tags"
              tabs={[
                { key: 'library', label: 'Library' },
                { key: 'tags', label: 'Tags' },
              ]}
              selected={ui.leftTab}
              onSelect={ui.setLeftTab}
              extra={
                <button
                  type="button"
                  className="icon-button collapse-button"
                  aria-label="Hide library"
                  title="Hide library"
                  onClick={toggleLeft}
                >
                  ‹
                </button>
              }
            >
              {ui.leftTab === 'library' ? <LibraryPane /> : <TagsView />}
            </Tabs>
          </aside>
          <Splitter
            label="Resize library"
            value={layout.leftWidth}
            min={PANE_LIMITS.min}
            max={PANE_LIMITS.max}
            direction={1}
            onChange={(leftWidth) => update({ leftWidth })}
            onToggle={toggleLeft}
          />
        </>
      )}
      <main className="pane pane-center">
        <div className="pane-scroll">
          <CenterPane />
        </div>
      </main>
      {!layout.rightCollapsed && (
        <>
          <Splitter
            label="Resize excerpts panel"
            value={layout.rightWidth}
            min={PANE_LIMITS.min}
            max={PANE_LIMITS.max}
            direction={-1}
            onChange={(rightWidth) => update({ rightWidth })}
            onToggle={toggleRight}
          />
          <aside className="pane pane-right" aria-label="Excerpts and notes">
            <Tabs
              label="Excerpts and notes"
              tabs={[
                { key: 'excerpts', label: 'Excerpts' },
                { key: 'notes', label: 'Notes' },
                { key: 'review', label: reviewCount > 0 ? `Review (${reviewCount})` : 'Review' },
                { key: 'research', label: 'Research' },
              ]}
              selected={ui.rightTab}
              onSelect={ui.setRightTab}
              dragToOpen={rightDrag}
              extra={
                <button
                  type="button"
                  className="icon-button collapse-button"
                  aria-label="Hide excerpts panel"
                  title="Hide panel"
                  onClick={toggleRight}
                >
                  ›
                </button>
              }
            >
              <div className="tab-page" hidden={ui.rightTab !== 'excerpts'}>
                {(ui.rightTab === 'excerpts' || excerptDrag) && <ExcerptsPanel />}
              </div>
              <div className="tab-page" hidden={ui.rightTab !== 'notes'}>
                <NotesPanel />
              </div>
              <div className="tab-page" hidden={ui.rightTab !== 'review'}>
                {ui.rightTab === 'review' && <ReviewPanel />}
              </div>
              <div className="tab-page" hidden={ui.rightTab !== 'research'}>
                {ui.rightTab === 'research' && <ResearchPanel />}
              </div>
            </Tabs>
          </aside>
        </>
      )}
    </div>
  )
}
