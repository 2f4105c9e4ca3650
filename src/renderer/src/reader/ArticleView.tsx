import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ArticleDetail, Excerpt, ExcerptColor, Section } from '../../../shared/model'
import { isEditable } from '../common/dom'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts, useBacklinks, useOpenNote, useReview } from '../state/hooks'
import { ArticleHeader } from './ArticleHeader'
import { clearHighlights, flash, paintHighlights } from './highlights'
import { collectSectionNodes, offsetAtPoint, offsetsToRanges, rangeToOffsets } from './offsets'
import { HiddenSectionsBar, QuarantinedSection, SectionBlock } from './Sections'
import { SelectionToolbar } from './SelectionToolbar'
import './reader.css'

interface Pending {
  start: number
  end: number
  top: number
  left: number
}

/** The excerpt under an article offset; the shortest wins when they nest. */
function excerptAt(excerpts: readonly Excerpt[], offset: number): Excerpt | undefined {
  return excerpts
    .filter((e) => e.position.start <= offset && offset < e.position.end)
    .sort((a, b) => a.position.end - a.position.start - (b.position.end - b.position.start))[0]
}

export function ArticleView({ article }: { article: ArticleDetail }) {
  const { actions, ui, panes } = useGloss()
  const excerpts = useArticleExcerpts(article.id)
  const backlinks = useBacklinks(article.id)
  const openNote = useOpenNote()
  const root = useRef<HTMLElement>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const dragging = useRef(false)

  const nodes = useCallback(
    (includeQuarantined = false) =>
      root.current ? collectSectionNodes(root.current, article.sections, includeQuarantined) : [],
    [article],
  )

  // draw highlights whenever the text or the excerpts change
  useLayoutEffect(() => {
    paintHighlights(excerpts, nodes(true), ui.activeExcerptId)
  }, [excerpts, nodes, ui.activeExcerptId, ui.showHidden])
  useEffect(() => clearHighlights, [])

  // a new article starts at the top with no selection
  useEffect(() => {
    setPending(null)
    root.current?.closest('.pane-scroll')?.scrollTo({ top: 0 })
  }, [article.id])

  // --- the selection and its toolbar -------------------------------------------------
  /** The article selection as offsets plus where the toolbar goes, or null. */
  const measureSelection = useCallback((): Pending | null => {
    const selection = document.getSelection()
    const element = root.current
    if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    if (!element.contains(range.commonAncestorContainer)) return null
    const offsets = rangeToOffsets(range, nodes(), article.textLength)
    if (!offsets) return null
    const rect = range.getBoundingClientRect()
    const box = element.getBoundingClientRect()
    const left = Math.min(
      Math.max(rect.left + rect.width / 2 - box.left, 120),
      Math.max(box.width - 120, 120),
    )
    return { ...offsets, top: rect.top - box.top - 48, left }
  }, [article.textLength, nodes])

  const readSelection = useCallback(() => setPending(measureSelection()), [measureSelection])

  useEffect(() => {
    const onSelectionChange = () => {
      if (!dragging.current) readSelection()
    }
    const onPointerUp = () => {
      if (!dragging.current) return
      dragging.current = false
      readSelection()
    }
    document.addEventListener('selectionchange', onSelectionChange)
    document.addEventListener('pointerup', onPointerUp)
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange)
      document.removeEventListener('pointerup', onPointerUp)
    }
  }, [readSelection])

  const highlight = useCallback(
    async (color: ExcerptColor, then?: 'comment' | 'tags', target: Pending | null = pending) => {
      if (!target) return
      const excerpt = await actions.createExcerpt({
        articleId: article.id,
        start: target.start,
        end: target.end,
        color,
      })
      if (!excerpt) return // the error is shown; the selection stays for another try
      document.getSelection()?.removeAllRanges()
      setPending(null)
      ui.setActiveExcerptId(excerpt.id)
      if (then) {
        panes.showRight()
        ui.requestFocus(excerpt.id, then)
      }
    },
    [actions, article.id, panes, pending, ui],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (ui.dialog || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return
      if (event.key === 'Escape') {
        if (pending) {
          document.getSelection()?.removeAllRanges()
          setPending(null)
        } else if (ui.activeExcerptId) ui.setActiveExcerptId(null)
        return
      }
      const key = event.key.toLowerCase()
      if (key !== 'h' && key !== 'c' && key !== 't') return
      // read the selection now: selectionchange may not have been delivered yet
      const target = measureSelection()
      if (!target) return
      event.preventDefault()
      void highlight('yellow', key === 'c' ? 'comment' : key === 't' ? 'tags' : undefined, target)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [highlight, measureSelection, pending, ui])

  // --- clicking a highlight makes it the active excerpt ------------------------------
  const onClick = (event: React.MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('button, a, input, [role=toolbar]')) return
    const selection = document.getSelection()
    if (selection && !selection.isCollapsed) return
    const offset = offsetAtPoint(event.clientX, event.clientY, nodes(true))
    const hit = offset === null ? undefined : excerptAt(excerpts, offset)
    ui.setActiveExcerptId(hit ? hit.id : null)
  }

  // --- scroll to and flash what search or the excerpts panel asked for ---------------
  const { reveal, clearReveal, setShowHidden, showHidden } = ui
  useLayoutEffect(() => {
    if (!reveal || reveal.articleId !== article.id || !root.current) return
    const excerpt = reveal.excerptId ? excerpts.find((e) => e.id === reveal.excerptId) : undefined
    const sectionId = excerpt?.sectionId ?? reveal.sectionId
    const section = article.sections.find((s) => s.id === sectionId)
    if (section?.kind === 'quarantined' && !showHidden) {
      setShowHidden(true)
      return
    }
    const all = nodes(true)
    const [start, end] = excerpt
      ? [excerpt.position.start, excerpt.position.end]
      : section
        ? [section.start, section.end]
        : [0, 0]
    const target = offsetsToRanges(start, end, all)[0]
    const scroller = root.current.closest('.pane-scroll')
    if (target && scroller) {
      const rect = target.getBoundingClientRect()
      const box = scroller.getBoundingClientRect()
      scroller.scrollTo({ top: scroller.scrollTop + rect.top - box.top - box.height / 3 })
    }
    if (end > start) flash(start, end, all)
    clearReveal()
  }, [reveal, article, excerpts, nodes, clearReveal, setShowHidden, showHidden])

  // Re-attach from the review queue: the selection becomes the excerpt's new text
  const review = useReview()
  const reattachItem = review.reattaching
    ? review.items.find((i) => i.excerpt.id === review.reattaching && i.excerpt.articleId === article.id)
    : undefined
  const reattach = async () => {
    if (!reattachItem || !pending) return
    const done = await actions.resolveReview(reattachItem, 'reattach', {
      start: pending.start,
      end: pending.end,
    })
    if (!done) return
    document.getSelection()?.removeAllRanges()
    setPending(null)
    ui.setActiveExcerptId(reattachItem.excerpt.id)
  }

  const restore = (section: Section) => void actions.restoreSections(article.id, [section.id])
  const { hideSections } = actions
  const articleId = article.id
  const hide = useCallback(
    (section: Section) => void hideSections(articleId, [section.id]),
    [hideSections, articleId],
  )
  const hidden = article.sections.filter((s) => s.kind === 'quarantined')

  return (
    <article
      ref={root}
      className="article"
      aria-label={article.title}
      onPointerDown={(event) => {
        if (
          event.button === 0 &&
          !(event.target instanceof Element && event.target.closest('[role=toolbar]'))
        )
          dragging.current = true
      }}
      onClick={onClick}
    >
      <ArticleHeader article={article} />
      {hidden.length > 0 && (
        <HiddenSectionsBar
          count={hidden.length}
          shown={showHidden}
          onToggle={() => setShowHidden(!showHidden)}
          onRestoreAll={() =>
            void actions.restoreSections(
              article.id,
              hidden.map((s) => s.id),
              true,
            )
          }
        />
      )}
      <div className="article-body">
        {article.sections.map((section) =>
          section.kind === 'quarantined' ? (
            showHidden && <QuarantinedSection key={section.id} section={section} onRestore={restore} />
          ) : (
            <SectionBlock
              key={section.id}
              section={section}
              notes={backlinks.sections[section.id]}
              onOpenNote={openNote}
              onHide={hide}
            />
          ),
        )}
      </div>
      {pending && (
        <SelectionToolbar
          top={pending.top}
          left={pending.left}
          onHighlight={(color) => void highlight(color)}
          onComment={() => void highlight('yellow', 'comment')}
          onTag={() => void highlight('yellow', 'tags')}
          onReattach={reattachItem ? () => void reattach() : undefined}
        />
      )}
    </article>
  )
}
