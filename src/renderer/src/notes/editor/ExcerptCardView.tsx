/**
 * The React view of an ExcerptCardNode. ExcerptCardNode (src/shared, React-free) delegates
 * `decorate()` to the renderer registered in src/shared/notes/nodes/decorators.ts; importing
 * this module registers it (NoteEditor.tsx imports it). The view reads the excerpt store
 * through the app's context, which reaches decorator portals because Lexical renders them
 * inside the composer's React tree.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection'
import { mergeRegister } from '@lexical/utils'
import {
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
} from 'lexical'
import { useEffect, useMemo } from 'react'
import { lastOrdinal, paragraphsLabel } from '../../../../shared/notes/labels'
import {
  setExcerptCardRenderer,
  type ExcerptCardView,
  type ExcerptSnapshot,
} from '../../../../shared/notes/nodes/decorators'
import { colorVar } from '../../common/colors'
import { useGloss } from '../../state/glossContext'
import type { LiveExcerpt } from '../../state/excerptsStore'
import { useExcerpt, useOpenArticle } from '../../state/hooks'

interface Shown {
  quote: string
  color: ExcerptSnapshot['color']
  comment: string
  tags: string[]
  ordinal: number
  /** where the passage ends, when it runs on into later sections (known while its article is open) */
  lastOrdinal: number
  /** the page its section starts on (a PDF's; known while its article is open) */
  page: number | null
  gone: boolean
  /** false when the current version no longer has the quote's words there (unknown: true) */
  verbatim: boolean
}

/**
 * What the card shows: the excerpt as it is now; once deleted, as it was last (still in the
 * trash), or the snapshot taken when the card was inserted (gone for good, or offline).
 */
function shownFrom(
  view: ExcerptCardView,
  live: LiveExcerpt,
  last: (end: number, first: number) => number,
  page: (sectionId: string) => number | null,
): Shown {
  if (live.status === 'ready' || live.status === 'deleted') {
    const e = live.excerpt
    return {
      quote: e.quote.exact,
      color: e.color,
      comment: e.comment,
      tags: e.tags.map((t) => t.name),
      ordinal: e.sectionOrdinal,
      lastOrdinal: last(e.position.end, e.sectionOrdinal),
      page: page(e.sectionId),
      gone: live.status === 'deleted',
      verbatim: e.verbatim,
    }
  }
  const gone = live.status === 'missing'
  return {
    ...view.snapshot,
    ordinal: view.ordinal,
    lastOrdinal: view.ordinal,
    page: null,
    gone,
    verbatim: true,
  }
}

function ExcerptCardBlock({ view }: { view: ExcerptCardView }) {
  const live = useExcerpt(view.excerptId, view.articleId)
  const { revealTarget } = useGloss().ui
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(view.nodeKey)
  const { article } = useOpenArticle()
  const readable = useMemo(
    () => (article?.id === view.articleId ? article.sections.filter((s) => s.kind !== 'quarantined') : []),
    [article, view.articleId],
  )
  const shown = shownFrom(
    view,
    live,
    (end, first) => lastOrdinal(readable, end, first),
    (sectionId) => readable.find((s) => s.id === sectionId)?.page ?? null,
  )
  const paragraphs = paragraphsLabel(shown.ordinal, shown.lastOrdinal, shown.page)

  // Backspace/Delete remove the card when it is selected as a whole
  useEffect(() => {
    const remove = (event: KeyboardEvent | null) => {
      if (!selected || !$isNodeSelection($getSelection())) return false
      event?.preventDefault()
      $getNodeByKey(view.nodeKey)?.remove()
      return true
    }
    return mergeRegister(
      editor.registerCommand(KEY_BACKSPACE_COMMAND, remove, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_DELETE_COMMAND, remove, COMMAND_PRIORITY_LOW),
    )
  }, [editor, selected, view.nodeKey])

  const removeCard = () => editor.update(() => $getNodeByKey(view.nodeKey)?.remove())

  return (
    <figure
      className={`gloss-excerpt-card${selected ? ' selected' : ''}${shown.gone ? ' gone' : ''}`}
      style={{ '--card-color': colorVar(shown.color) } as React.CSSProperties}
      aria-label={`Excerpt from ${paragraphs}`}
      onClick={(event) => {
        if ((event.target as Element).closest('button')) return
        if (!event.shiftKey) clearSelection()
        setSelected(true)
      }}
    >
      <blockquote className="gloss-excerpt-card-quote">“{shown.quote}”</blockquote>
      <figcaption className="gloss-excerpt-card-meta">
        {shown.gone ? (
          <>
            <span className="gloss-excerpt-card-ordinal">{paragraphs}</span>
            <span className="gloss-badge-deleted">Source deleted</span>
          </>
        ) : (
          <button
            type="button"
            className="link-button gloss-excerpt-card-ordinal"
            title="Show in the article"
            aria-label={`Show ${paragraphs} in the article`}
            onClick={() => revealTarget({ articleId: view.articleId, excerptId: view.excerptId })}
          >
            {paragraphs}
          </button>
        )}
        {shown.tags.length > 0 && (
          <span className="gloss-excerpt-card-tags" aria-label="Tags">
            {shown.tags.map((tag) => (
              <span key={tag} className="gloss-excerpt-card-tag">
                {tag}
              </span>
            ))}
          </span>
        )}
        {!shown.gone && !shown.verbatim && (
          <span className="gloss-badge-not-verbatim">Not verbatim in the current version</span>
        )}
        {live.status === 'error' && <span className="muted">(could not refresh)</span>}
        {editable && (
          <button
            type="button"
            className="icon-button gloss-excerpt-card-remove"
            aria-label="Remove this excerpt from the note"
            title="Remove from note"
            onClick={removeCard}
          >
            ×
          </button>
        )}
      </figcaption>
      {shown.comment.trim() && <p className="gloss-excerpt-card-comment">{shown.comment}</p>}
    </figure>
  )
}

setExcerptCardRenderer((view) => <ExcerptCardBlock view={view} />)

/** Imported for its effect; exported so the import is not tree-shaken away. */
export const excerptCardRendererInstalled = true
