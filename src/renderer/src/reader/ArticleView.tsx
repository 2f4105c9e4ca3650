import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ArticleDetail, Excerpt, ExcerptColor, Section } from '../../../shared/model'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts, useBacklinks, useOpenNote, useReview } from '../state/hooks'
import { ArticleHeader } from './ArticleHeader'
import { HighlightPainter } from './highlights'
import { collectSectionNodes, offsetAtPoint, rangeToOffsets, snapToWords } from './offsets'
import { ReadingBar } from './ReadingBar'
import {
  LINE_WIDTHS,
  loadPosition,
  loadSettings,
  savePosition,
  saveSettings,
  type ReadingSettings,
} from './readingState'
import { useReaderKeys, type Pending } from './useReaderKeys'
import { useScrollTarget } from './scrollTarget'
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

/** The excerpt under an article offset; the shortest wins when they nest. */
function excerptAt(excerpts: readonly Excerpt[], offset: number): Excerpt | undefined {
  return excerpts
    .filter((e) => e.position.start <= offset && offset < e.position.end)
    .sort((a, b) => a.position.end - a.position.start - (b.position.end - b.position.start))[0]
}

export function ArticleView({ article }: { article: ArticleDetail }) {
  const { actions, ui, panes, api } = useGloss()
  const excerpts = useArticleExcerpts(article.id)
  const backlinks = useBacklinks(article.id)
  const openNote = useOpenNote()
  const root = useRef<HTMLElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const dragging = useRef(false)
  /** where the last press in the article was (a click far from it ended a drag) */
  const pressedAt = useRef<{ x: number; y: number } | null>(null)
  const { reveal, clearReveal, setShowHidden, showHidden } = ui
  const [settings, setSettings] = useState<ReadingSettings>(loadSettings)
  const changeSettings = (next: ReadingSettings) => {
    setSettings(next)
    saveSettings(next)
  }

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
  const scroller = useCallback(() => root.current?.closest<HTMLElement>('.pane-scroll') ?? null, [])
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
  // stable, and estimated once per layout: the virtualizer recomputes every row's position when
  // getItemKey changes, and asks estimateSize for every row not yet measured each time it does
  const estimates = useMemo(
    () => rows.map((s) => estimateHeight(s, layout.charsPerLine, layout.fontSize)),
    [rows, layout.charsPerLine, layout.fontSize],
  )
  const estimateSize = useCallback((i: number) => estimates[i] ?? 0, [estimates])
  const getItemKey = useCallback((i: number) => rows[i]!.id, [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scroller,
    estimateSize,
    getItemKey,
    overscan: rows.length < RENDER_ALL_BELOW ? rows.length : 6,
    scrollMargin: layout.margin,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range)
      const extra = pinned.current.filter((i) => i < rows.length && !indexes.includes(i))
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes
    },
  })
  // every height measured at the old settings or width is wrong now (not so when rows come and go:
  // the measured ones keep their heights, by section id). Forget them, and measure again the rows
  // on screen, whose resize was seen before this and will not be seen again (the positions are
  // first laid out from the estimates, so each measurement counts as a change)
  useEffect(() => {
    virtualizer.measure()
    virtualizer.getVirtualItems()
    for (const row of body.current?.querySelectorAll<HTMLElement>('.section-row[data-index]') ?? [])
      virtualizer.measureElement(row)
  }, [settings, layout.charsPerLine, layout.fontSize, virtualizer])
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

  // --- scrolling to a place, and the place you were reading ----------------------------
  const { scrollTo, moving } = useScrollTarget(virtualizer, scroller, () => nodes(true), items)
  const [current, setCurrent] = useState<number | null>(null)

  /** How much of the pane's top the reading bar covers. */
  const barHeight = useCallback(
    () => scroller()?.querySelector('.reading-bar')?.getBoundingClientRect().height ?? 0,
    [scroller],
  )

  /** The row at the top of the pane (below the reading bar) and how far it is scrolled past. */
  const rowAtTop = useCallback((): { index: number; past: number } | null => {
    const pane = scroller()
    if (!pane || !body.current) return null
    const top = pane.getBoundingClientRect().top + barHeight()
    for (const row of body.current.children) {
      const rect = row.getBoundingClientRect()
      if (rect.bottom > top + 1)
        return { index: Number((row as HTMLElement).dataset.index), past: top - rect.top }
    }
    return null
  }, [])

  // an article opens where it was left (else at the top), with no selection
  useLayoutEffect(() => {
    setPending(null)
    setCurrent(null)
    const saved = loadPosition(article)
    const index = saved ? rowOf.get(saved.sectionId) : undefined
    if (saved && index !== undefined) scrollTo({ kind: 'row', index, offset: barHeight() - saved.past })
    else {
      // the virtualizer's own idea of the offset too, or it scrolls back to the last article's
      virtualizer.scrollToOffset(0)
      scroller()?.scrollTo({ top: 0 })
    }
    // only when another article opens (not as rows change)
  }, [article.id])

  // remember the place once scrolling rests
  useEffect(() => {
    const pane = scroller()
    if (!pane) return
    let timer: number | undefined
    const onScroll = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        if (moving.current) return // on the way to a place: not where you read
        const top = rowAtTop()
        const section = top && rows[top.index]
        if (section) savePosition(api, article.id, { sectionId: section.id, past: Math.round(top.past) })
      }, 250)
    }
    pane.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      pane.removeEventListener('scroll', onScroll)
      window.clearTimeout(timer)
    }
  }, [article.id, rows, rowAtTop])

  // --- the selection and its toolbar -------------------------------------------------
  /** The article selection as offsets plus where the toolbar goes, or null. */
  const measureSelection = useCallback((): Pending | null => {
    const selection = document.getSelection()
    const element = root.current
    if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    if (!element.contains(range.commonAncestorContainer)) return null
    const raw = rangeToOffsets(range, nodes(), article.textLength)
    if (!raw) return null
    const offsets = snapToWords(raw, article.sections)
    const rect = range.getBoundingClientRect()
    const box = element.getBoundingClientRect()
    const left = Math.min(
      Math.max(rect.left + rect.width / 2 - box.left, 120),
      Math.max(box.width - 120, 120),
    )
    return { ...offsets, top: rect.top - box.top - 48, left }
  }, [article.textLength, article.sections, nodes])

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

  const currentRow = useCallback(
    () =>
      current === null ? null : (body.current?.querySelector(`:scope > [data-index="${current}"]`) ?? null),
    [current],
  )
  useReaderKeys({
    articleId: article.id,
    rows,
    excerpts,
    current,
    setCurrent,
    scroller,
    currentRow,
    rowAtTop,
    scrollTo,
    barHeight,
    pending,
    setPending,
    measureSelection,
    highlight,
  })

  // --- clicking a highlight makes it the active excerpt ------------------------------
  const onClick = (event: React.MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null
    // a drag that began and ended on a link (trying to select its words) clicks it: open nothing
    const down = pressedAt.current
    if (target?.closest('a') && down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4)
      event.preventDefault()
    if (target?.closest('button, a, input, [role=toolbar]')) return
    const selection = document.getSelection()
    if (selection && !selection.isCollapsed) return
    const offset = offsetAtPoint(event.clientX, event.clientY, nodes(true))
    const hit = offset === null ? undefined : excerptAt(excerpts, offset)
    ui.setActiveExcerptId(hit ? hit.id : null)
  }

  // --- scroll to and flash what search, a link or the excerpts panel asked for -------
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
    scrollTo({ kind: 'words', index, start, end })
  }, [reveal, article, excerpts, clearReveal, setShowHidden, showHidden, rowOf, scrollTo])

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
  const hidden = useMemo(() => article.sections.filter((s) => s.kind === 'quarantined'), [article.sections])

  const headings = useMemo(() => rows.filter((s) => s.kind === 'heading'), [rows])
  const style = {
    '--reader-size': `${settings.fontSize}px`,
    '--reader-width': LINE_WIDTHS[settings.lineWidth],
  } as React.CSSProperties

  return (
    <>
      <ReadingBar
        scroller={scroller}
        headings={headings}
        settings={settings}
        onSettings={changeSettings}
        onHeading={(h) => {
          const index = rowOf.get(h.id)
          if (index !== undefined) {
            setCurrent(index)
            scrollTo({ kind: 'row', index, offset: barHeight() + 12 })
          }
        }}
      />
      <article
        ref={root}
        className={`article typeface-${settings.typeface}`}
        data-article-id={article.id}
        style={style}
        aria-label={article.title}
        onPointerDown={(event) => {
          pressedAt.current = { x: event.clientX, y: event.clientY }
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
                className={`section-row${item.index === current ? ' section-current' : ''}`}
                style={{ transform: `translateY(${item.start - layout.margin}px)` }}
              >
                {section.kind === 'quarantined' ? (
                  <QuarantinedSection section={section} onRestore={restore} />
                ) : (
                  <SectionBlock
                    section={section}
                    newPage={
                      section.page !== null && section.page !== rows[item.index - 1]?.page
                        ? section.page
                        : null
                    }
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
    </>
  )
}
