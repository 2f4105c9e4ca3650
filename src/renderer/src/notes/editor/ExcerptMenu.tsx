import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection } from 'lexical'
import { useEffect, useRef } from 'react'
import type { Excerpt } from '../../../../shared/model'
import { firstWords } from '../../../../shared/notes/labels'
import { colorVar } from '../../common/colors'
import { cardFromExcerpt } from '../../state/dnd'
import { useArticleExcerpts, useOpenArticle } from '../../state/hooks'
import { $insertExcerptCard } from './excerptCards'

/** The toolbar's "Insert excerpt…" panel: the open article's excerpts, one click each. */
export function ExcerptMenu({ onDone }: { onDone: () => void }) {
  const [editor] = useLexicalComposerContext()
  const { article } = useOpenArticle()
  const excerpts = useArticleExcerpts(article?.id ?? null)
  const list = useRef<HTMLUListElement>(null)
  const shown = excerpts.filter((e) => !e.deletedAt)
  useEffect(() => list.current?.querySelector<HTMLButtonElement>('button')?.focus(), [])

  const close = () => {
    onDone()
    editor.focus()
  }
  const insert = (excerpt: Excerpt) => {
    editor.update(() => {
      const selection = $getSelection()
      $insertExcerptCard(
        cardFromExcerpt(excerpt),
        $isRangeSelection(selection) ? selection.anchor.getNode() : null,
      )
    })
    close()
  }

  return (
    <div
      className="gloss-note-panel gloss-note-excerpt-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault()
          const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
          buttons[(at + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus()
        }
      }}
    >
      <p className="gloss-note-panel-title">Insert an excerpt from this article</p>
      {shown.length === 0 ? (
        <p className="muted">This article has no excerpts yet. Highlight a passage in the reader first.</p>
      ) : (
        <ul ref={list} className="gloss-note-excerpt-list">
          {shown.map((excerpt) => (
            <li key={excerpt.id}>
              <button type="button" onClick={() => insert(excerpt)}>
                <span
                  className="gloss-pick-swatch"
                  style={{ background: colorVar(excerpt.color) }}
                  aria-hidden="true"
                />
                <span className="gloss-pick-ordinal">¶{excerpt.sectionOrdinal}</span>
                <span className="gloss-pick-text">“{firstWords(excerpt.quote.exact, 80)}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="small" onClick={close}>
        Cancel
      </button>
    </div>
  )
}
