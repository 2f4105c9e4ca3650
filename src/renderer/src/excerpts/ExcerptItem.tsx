import { memo, useSyncExternalStore } from 'react'
import type { Excerpt, NoteRef } from '../../../shared/model'
import { paragraphsLabel } from '../../../shared/notes/labels'
import { ExcerptBacklinks } from '../common/BacklinkBadges'
import { COLOR_LABELS, EXCERPT_COLORS, colorVar } from '../common/colors'
import { useGloss, type FocusRequest } from '../state/glossContext'
import { cardFromExcerpt, setExcerptDragData } from '../state/dnd'
import { useOpenNoteId } from '../state/hooks'
import { insertExcerptIntoNote } from '../state/mailbox'
import { CommentEditor } from './CommentEditor'
import { TagEditor } from './TagEditor'

const ANCHOR_NOTES = {
  anchored: null,
  fuzzy: 'The article text changed; this highlight was placed at the closest match.',
  orphaned: 'This passage is no longer in the article.',
} as const

interface Props {
  excerpt: Excerpt
  /** the ¶ the passage ends in (its own ¶ unless it runs on) */
  lastOrdinal?: number
  /** who said it, when the passage is a quotation the research analysis attributed */
  speaker?: string | null
  active: boolean
  focus: FocusRequest | null
  /** notes citing this excerpt */
  citedIn?: readonly NoteRef[]
  onOpenNote: (noteId: string) => void
}

/** One excerpt in the excerpts panel: quote, comment, tags, color; drag it into a note. */
export const ExcerptItem = memo(function ExcerptItem({
  excerpt,
  lastOrdinal,
  speaker,
  active,
  focus,
  citedIn,
  onOpenNote,
}: Props) {
  const { actions, ui, feedback, stores } = useGloss()
  // the page its section starts on (a PDF's), read as a value so only a change of it re-renders
  const page = useSyncExternalStore(
    stores.article.subscribe,
    () => stores.article.get().article?.sections.find((s) => s.id === excerpt.sectionId)?.page ?? null,
  )
  const paragraphs = paragraphsLabel(excerpt.sectionOrdinal, lastOrdinal, page)
  const openNoteId = useOpenNoteId()
  const note = ANCHOR_NOTES[excerpt.anchorStatus]
  const reveal = () =>
    ui.revealTarget({ articleId: excerpt.articleId, excerptId: excerpt.id, sectionId: excerpt.sectionId })
  const insertIntoNote = () => {
    if (!openNoteId) return
    const taken = insertExcerptIntoNote.emit({
      excerptId: excerpt.id,
      noteId: openNoteId,
      card: cardFromExcerpt(excerpt),
    })
    // the note's editor is still opening: show it, the card goes in once it is there
    if (!taken) ui.setRightTab('notes')
    else
      feedback.notify('Inserted the excerpt into the open note', {
        action: { label: 'Show note', run: () => ui.setRightTab('notes') },
      })
  }
  const focusFor = (field: 'comment' | 'tags') =>
    focus && focus.excerptId === excerpt.id && focus.field === field ? focus.nonce : undefined

  return (
    <article
      className={`excerpt-item${active ? ' active' : ''}`}
      data-excerpt-id={excerpt.id}
      aria-current={active ? 'true' : undefined}
      aria-label={`Excerpt from ${paragraphs}`}
      style={{ '--bar': colorVar(excerpt.color) } as React.CSSProperties}
      // drag the card into a note (over the Notes tab, then into the editor)
      draggable
      onPointerDown={(event) => {
        // text fields inside the card keep mouse selection: no drag starts from them
        event.currentTarget.draggable = !(
          event.target instanceof Element && event.target.closest('input, textarea, select')
        )
      }}
      onDragStart={(event) => {
        if (event.target !== event.currentTarget) return // e.g. text dragged out of the comment
        setExcerptDragData(event, excerpt)
      }}
      onClick={(event) => {
        // a click on the card itself (not one of its controls) shows the passage too
        if (
          event.target instanceof Element &&
          event.target.closest('button, input, textarea, select, a, [role=group]')
        )
          return
        reveal()
      }}
    >
      <button type="button" className="excerpt-quote" title="Show in the article" onClick={reveal}>
        <span className="quote-text">{excerpt.quote.exact}</span>
        <span className="quote-ordinal">
          {speaker && <span className="excerpt-speaker">— {speaker} · </span>}
          {paragraphs}
        </span>
      </button>
      {!excerpt.verbatim ? (
        <p className="anchor-note">
          <strong>Not verbatim in the current version.</strong>
          {note && ` ${note}`}
        </p>
      ) : (
        note && <p className="anchor-note">{note}</p>
      )}
      <CommentEditor excerpt={excerpt} focusNonce={focusFor('comment')} />
      <TagEditor excerpt={excerpt} focusNonce={focusFor('tags')} />
      <div className="card-footer">
        <div role="group" aria-label="Color" className="color-choices">
          {EXCERPT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="swatch small-swatch"
              style={{ background: colorVar(color) }}
              aria-label={COLOR_LABELS[color]}
              aria-pressed={excerpt.color === color}
              onClick={() => {
                if (excerpt.color !== color) void actions.updateExcerpt(excerpt, { color })
              }}
            />
          ))}
        </div>
        {citedIn && citedIn.length > 0 && <ExcerptBacklinks notes={citedIn} onOpenNote={onOpenNote} />}
        <button
          type="button"
          className="small insert-into-note"
          aria-label="Insert excerpt into the open note"
          title={openNoteId ? 'Insert into the open note' : 'Open a note to insert excerpts into it'}
          disabled={!openNoteId}
          onClick={insertIntoNote}
        >
          Insert
        </button>
        <button
          type="button"
          className="small delete-button"
          onClick={() => void actions.deleteExcerpt(excerpt)}
        >
          Delete
        </button>
      </div>
    </article>
  )
})
