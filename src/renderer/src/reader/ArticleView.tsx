import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ArticleDetail, Excerpt, ExcerptColor, Section } from '../../../shared/model'
import { isEditable } from '../common/dom'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts, useBacklinks, useOpenNote, useReview } from '../state/hooks'
import { ArticleHeader } from './ArticleHeader'
import { flash, HighlightPainter } from './highlights'
import { collectSectionNodes, offsetAtPoint, offsetsToRanges, rangeToOffsets } from './offsets'
import { HiddenSectionsBar, QuarantinedSection, SectionBlock } from './Sections'
import { SelectionToolbar } from './SelectionToolbar'
import './reader.css'

/** Short articles render every section; longer ones only those near the viewport. */
const RENDER_ALL_BELOW = 150

/** A first guess at a section's height before it is measured: its lines at the reader's width. */
function estimateHeight(section: Section, charsPerLine: number, fontSize: number): number {
  const heading = section.kind === 'heading'
  const lines = Math.max(1, Math.ceil(section.text.length / (heading ? charsPerLine * 0.6 : charsPerLine)))
  return lines * fontSize * (heading ? 1.3 * 1.4 : 1.6) + fontSize * (heading ? 2 : 1)
}

/** The rows (by index) holding the selection's ends, kept rendered while it lasts. */
function selectionRows(): number[] {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0) return []
  const rows = new Set<number>()
  for (const node of [selection.anchorNode, selection.focusNode]) {
    const row = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-index]')
    if (row) rows.add(Number(row.dataset.index))
  }
  return [...rows]
}

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
  const body = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const dragging = useRef(false)
  const { reveal, clearReveal, setShowHidden, showHidden } = ui

  const nodes = useCallback(
    (includeQuarantined = false) =>
      root.current ? collectSectionNodes(root.current, article.sections, includeQuarantined) : [],
    [article],
  )

  // --- the sections on screen ---------------------------------------------------------
  const rows = useMemo(
    () => article.sections.filter((s) => s.kind !== 'quarantined' || showHidden),
    [article.sections, showHidden],
  )
  const rowOf = useMemo(() => new Map(rows.map((s, i) => [s.id, i])), [rows])
  const scroller = () => root.current?.closest<HTMLElement>('.pane-scroll') ?? null
  // where the body starts in the scroller, and the reader's measure for height estimates
  const [layout, setLayout] = useState({ margin: 0, charsPerLine: 70, fontSize: 18 })
  useLayoutEffect(() => {
    const element = body.current
    const pane = element?.closest('.pane-scroll')
    if (!element || !pane || !root.current) return
    const measure = () => {
      const fontSize = parseFloat(getComputedStyle(element).fontSize) || 18
      const next = {
        margin: element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop,
        charsPerLine: Math.max(20, element.clientWidth / (fontSize * 0.47)),
        fontSize,
      }
      setLayout((old) =>
        Math.abs(old.margin - next.margin) < 1 && Math.abs(old.charsPerLine - next.charsPerLine) < 1
          ? old
          : next,
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(root.current)
    return () => observer.disconnect()
  }, [article.id])
  const pinned = useRef<number[]>([])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scroller,
    estimateSize: (i) => estimateHeight(rows[i]!, layout.charsPerLine, layout.fontSize),
    getItemKey: (i) => rows[i]!.id,
    overscan: rows.length < RENDER_ALL_BELOW ? rows.length : 6,
    scrollMargin: layout.margin,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range)
      const extra = pinned.current.filter((i) => i < rows.length && !indexes.includes(i))
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes
    },
  })
  const items = virtualizer.getVirtualItems()
  const totalSize = virtualizer.getTotalSize()

  // draw highlights over the sections on screen whenever they or the excerpts change
  const painter = useRef<HighlightPainter | null>(null)
  useLayoutEffect(
    () => () => {
      painter.current?.dispose()
      painter.current = null
    },
    [],
  )
  useLayoutEffect(() => {
    painter.current ??= new HighlightPainter()
    painter.current.sync(excerpts, nodes(true), ui.activeExcerptId)
  }, [excerpts, nodes, ui.activeExcerptId, items])

  // a new article starts at the top with no selection
  useEffect(() => {
    setPending(null)
    scroller()?.scrollTo({ top: 0 })
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
      pinned.current = selectionRows()
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

  // --- scroll to and flash what search, a link or the excerpts panel asked for -------
  const [target, setTarget] = useState<{ index: number; start: number; end: number; tries: number } | null>(
    null,
  )
  useLayoutEffect(() => {
    if (!reveal || reveal.articleId !== article.id) return
    const excerpt = reveal.excerptId ? excerpts.find((e) => e.id === reveal.excerptId) : undefined
    const sectionId = excerpt?.sectionId ?? reveal.sectionId
    const section = article.sections.find((s) => s.id === sectionId)
    if (section?.kind === 'quarantined' && !showHidden) {
      setShowHidden(true)
      return
    }
    clearReveal()
    const [start, end] = excerpt
      ? [excerpt.position.start, excerpt.position.end]
      : section
        ? [section.start, section.end]
        : [0, 0]
    const index = section ? rowOf.get(section.id) : 0
    if (index === undefined) return
    // bring the section's row in first; the exact words are placed once it is rendered
    virtualizer.scrollToOffset(virtualizer.getOffsetForIndex(index, 'center')?.[0] ?? 0)
    setTarget({ index, start, end, tries: 0 })
  }, [reveal, article, excerpts, clearReveal, setShowHidden, showHidden, rowOf, virtualizer])

  useLayoutEffect(() => {
    const pane = scroller()
    if (!target || !pane) return
    const all = nodes(true)
    const range = offsetsToRanges(target.start, target.end, all)[0]
    if (!range) {
      if (target.tries > 20) setTarget(null)
      else requestAnimationFrame(() => setTarget((t) => t && { ...t, tries: t.tries + 1 }))
      return
    }
    // the words a third of the way down; rows measured meanwhile may move them, so check again
    const rect = range.getBoundingClientRect()
    const box = pane.getBoundingClientRect()
    const delta = rect.top - box.top - box.height / 3
    const before = pane.scrollTop
    if (Math.abs(delta) > 2 && target.tries < 10) pane.scrollTop = before + delta
    if (Math.abs(delta) <= 2 || pane.scrollTop === before || target.tries >= 10) {
      if (target.end > target.start) flash(target.start, target.end, all)
      setTarget(null)
    } else requestAnimationFrame(() => setTarget((t) => t && { ...t, tries: t.tries + 1 }))
  }, [target, nodes, items, totalSize])

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
      <div ref={body} className="article-body" style={{ height: totalSize }}>
        {items.map((item) => {
          const section = rows[item.index]!
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="section-row"
              style={{ transform: `translateY(${item.start - layout.margin}px)` }}
            >
              {section.kind === 'quarantined' ? (
                <QuarantinedSection section={section} onRestore={restore} />
              ) : (
                <SectionBlock
                  section={section}
                  notes={backlinks.sections[section.id]}
                  onOpenNote={openNote}
                  onHide={hide}
                />
              )}
            </div>
          )
        })}
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
