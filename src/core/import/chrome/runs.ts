/**
 * Chrome that only shows with its neighbours: a table of contents (items that are the article's
 * own headings), a headline list after "Related:", the rest of a newsletter or paywall widget, a
 * pricing block, a comment thread to the end of the page, a print-edition footer split into pieces.
 */
import type { HtmlBlock } from '../htmlSections'
import { titleKey } from '../title'
import { commonAncestor, linkShare, wordCount, type BlockVerdict } from './context'
import { lineKey } from './lines'

// "Inside this week's LWN.net Weekly Edition", "In this issue": an edition's list of its parts
const EDITION_TITLE =
  /^(?:(?:in|inside) (?:this|today's|this week's|the) (?:(?:week's|month's) )?(?:issue|edition|newsletter|number|\S+ (?:weekly |daily )?edition)|dans ce numéro|au sommaire|in dieser ausgabe|en este número|nesta edição|in questo numero)\b/
export const TOC_TITLE =
  /^(?:contents|table of contents|in this (?:article|post|guide|story|page)|on this page|jump to|sommaire|table des matières|dans cet article|inhalt|inhaltsverzeichnis|in diesem artikel|contenido|contenidos|índice|tabla de contenidos?|en este artículo|conteúdo|sumário|índice|neste artigo|indice|sommario|inhoud|obsah)$/

/** "3.1 Foreign relations" → "foreign relations"; "Step 2: Dig" keeps its words. */
function itemKey(text: string): string {
  return titleKey(text.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|[a-z]\))\s+/i, ''))
}

/** Items that name the article's later headings, with a "Contents" title before them. */
function tableOfContents(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  // every heading's key, with where it is
  const headingAt = new Map<string, number[]>()
  blocks.forEach((b, i) => {
    if (b.draft.kind !== 'heading') return
    const key = titleKey(b.draft.text)
    headingAt.set(key, [...(headingAt.get(key) ?? []), i])
  })
  const namesLaterHeading = (i: number): boolean => {
    const b = blocks[i]!
    if (b.draft.kind !== 'paragraph' || wordCount(b.draft.text) > 20) return false
    const at = headingAt.get(itemKey(b.draft.text))
    return at !== undefined && at.some((h) => h > i)
  }
  let i = 0
  while (i < blocks.length) {
    if (!namesLaterHeading(i)) {
      i++
      continue
    }
    // a run of items, a few that name no heading allowed among them (a heading the page left out)
    let end = i
    let hits = 0
    let misses = 0
    for (let j = i; j < blocks.length && misses <= 2; j++) {
      if (namesLaterHeading(j)) {
        hits++
        end = j
        misses = 0
      } else if (
        blocks[j]!.draft.kind === 'paragraph' &&
        wordCount(blocks[j]!.draft.text) <= 12 &&
        linkShare(blocks[j]!.el) >= 0.5
      ) {
        misses++
      } else break
    }
    const items = end - i + 1
    // a table of contents links to its sections; a plain list of them needs a "Contents" title
    const linked = blocks.slice(i, end + 1).filter((b) => linkShare(b.el) >= 0.5).length
    const titled = [i - 1, i - 2].some((t) => t >= 0 && TOC_TITLE.test(lineKey(blocks[t]!.draft.text)))
    if ((hits >= 3 || (hits >= 2 && hits === items)) && (linked * 2 >= items || titled)) {
      // items before the first that names a heading: the page's own title, a heading left out
      let start = i
      while (
        start > 0 &&
        i - start < 2 &&
        blocks[start - 1]!.draft.kind === 'paragraph' &&
        wordCount(blocks[start - 1]!.draft.text) <= 12 &&
        linkShare(blocks[start - 1]!.el) >= 0.5 &&
        !TOC_TITLE.test(lineKey(blocks[start - 1]!.draft.text))
      ) {
        start--
      }
      i = start
      for (let j = i; j <= end; j++) verdicts[j]!.reason = 'table of contents'
      // the run's title, just before it
      for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
        if (TOC_TITLE.test(lineKey(blocks[t]!.draft.text))) verdicts[t]!.reason = 'table of contents'
      }
    }
    i = end + 1
  }
  // an edition's list of its parts: the title, then short lines with links, up to the next heading
  blocks.forEach((b, k) => {
    if (!EDITION_TITLE.test(lineKey(b.draft.text)) || wordCount(b.draft.text) > 12) return
    let end = k
    for (let j = k + 1; j < blocks.length && j <= k + 40; j++) {
      const item = blocks[j]!
      if (item.draft.kind === 'heading' || wordCount(item.draft.text) > 40 || linkShare(item.el) === 0) break
      end = j
    }
    if (end - k < 2) return
    for (let j = k; j <= end; j++) verdicts[j]!.reason ??= 'table of contents'
  })
  // a "Contents" title whose items are all hidden already (a toc container)
  blocks.forEach((b, k) => {
    if (verdicts[k]!.reason === undefined && TOC_TITLE.test(lineKey(b.draft.text))) {
      if (verdicts[k + 1]?.reason === 'table of contents') verdicts[k]!.reason = 'table of contents'
    }
  })
}

const RELATED_HEADER_END =
  /(?:[:：]|\b(?:news|stories|articles|reading|links|coverage|posts|aussi|également|auch|thema|también|também|relacionadas|relacionados|related|recommended|popular|trending))$/

/** After "Related:" or "More games news:", the headlines that follow: short, mostly a link. */
function headlineLists(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  blocks.forEach((b, i) => {
    if (verdicts[i]!.reason !== 'related links') return
    const text = b.draft.text.trim()
    const isHeader =
      b.draft.kind === 'heading' || RELATED_HEADER_END.test(text.toLowerCase()) || wordCount(text) <= 3
    if (!isHeader) return
    for (let j = i + 1; j < blocks.length && j <= i + 15; j++) {
      const next = blocks[j]!
      if (next.draft.kind === 'heading' && b.draft.kind !== 'heading') break
      if (next.draft.kind === 'heading' && (next.draft.level ?? 6) <= (b.draft.level ?? 6)) break
      if (wordCount(next.draft.text) > 25 || linkShare(next.el) < 0.6) break
      verdicts[j]!.reason ??= 'related links'
    }
  })
}

// reasons whose widget is small and whole: the lines around them in the same little box go too
const WIDGET_REASONS = new Set(['newsletter prompt', 'paywall'])

/**
 * The rest of a newsletter or paywall widget: short lines sharing a small container with it. A
 * container holding a paragraph of prose is the article's (a short story's own body), not a widget.
 */
function widgets(blocks: HtmlBlock[], verdicts: BlockVerdict[], root: Element): void {
  const marked = verdicts.map((v) => v.reason)
  const prose = blocks.filter((b) => {
    const words = wordCount(b.draft.text)
    return (
      b.draft.kind === 'paragraph' &&
      (words > 25 || (words >= 15 && /[.!?]["”’»)]?$/.test(b.draft.text.trim())))
    )
  })
  blocks.forEach((b, i) => {
    const reason = marked[i]
    if (reason === undefined || !WIDGET_REASONS.has(reason)) return
    for (const step of [-1, 1]) {
      for (let j = i + step, n = 0; j >= 0 && j < blocks.length && n < 6; j += step, n++) {
        const other = blocks[j]!
        if (verdicts[j]!.reason !== undefined) continue
        if (wordCount(other.draft.text) > 25) break
        const box = commonAncestor(b.el, other.el)
        if (box === null || box === root || !root.contains(box) || (box.textContent ?? '').length > 800) break
        if (prose.some((p) => box.contains(p.el))) break
        verdicts[j]!.reason = reason
      }
    }
  })
}

// what a pricing block's other lines say: prices, periods, plans, access
const PRICE = /(?:r\$|us\$|[$€£¥])\s?\d|\d(?:[.,]\d{1,2})?\s?(?:[$€£]|eur\b|euros?\b|usd\b)/i
const OFFER =
  /\b(?:subscri\w*|access|trial|cancel|offer|plan|plans|billed|renew\w*|digital|print|unlimited|premium|membership|member|save|discount|deal|month|monthly|week|weekly|year|yearly|annual|abonn\w*|abo|mois|semaine|an|monat\w*|woche|jahr\w*|mes|semana|año|mês|ano|assin\w*|suscri\w*|prueba|essai|probe\w*|gratuit|gratis|kostenlos|grátis)\b/iu

/**
 * A pricing block: a run of short lines (plans, prices, "Cancel anytime") holding a paywall line
 * and at least two more lines of offers or prices; the run from its first such line to its last goes.
 */
function pricingBlocks(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  // a pricing block's lines are short and end without a sentence's period: "Cancel anytime", "Digital"
  const short = (i: number) => {
    const text = blocks[i]!.draft.text.trim()
    return wordCount(text) <= 10 && !/[.!?]["”’]?$/.test(text)
  }
  const offerish = (i: number) =>
    verdicts[i]!.reason === 'paywall' ||
    (verdicts[i]!.reason === undefined &&
      (PRICE.test(blocks[i]!.draft.text) || OFFER.test(blocks[i]!.draft.text)))
  let i = 0
  while (i < blocks.length) {
    if (!(short(i) || verdicts[i]!.reason === 'paywall') || !offerish(i)) {
      i++
      continue
    }
    // the run: offer lines with at most two other short lines between them
    let last = i
    let j = i + 1
    while (j < blocks.length && (short(j) || verdicts[j]!.reason === 'paywall') && j - last <= 3) {
      if (offerish(j)) last = j
      j++
    }
    const run = Array.from({ length: last - i + 1 }, (_, k) => i + k)
    const strong = run.filter((k) => verdicts[k]!.reason === 'paywall').length
    const offers = run.filter(offerish).length
    if (strong >= 1 && offers >= 3) for (const k of run) verdicts[k]!.reason ??= 'paywall'
    i = last + 1
  }
}

/**
 * From a comments heading in the article's second half to the end: the readers' comments. A thread
 * shows itself by more comment chrome after its heading ("Reply", "Post a comment") and by no
 * heading of the article's own after it.
 */
function commentThreads(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  const words = blocks.map((b) => wordCount(b.draft.text))
  const total = words.reduce((a, b) => a + b, 0)
  let before = 0
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    const opener = verdicts[i]!.reason === 'comments' || verdicts[i]!.weak === 'comments'
    if (opener && before >= total / 2 && b.draft.kind === 'heading') {
      const level = b.draft.level ?? 6
      const after = blocks.slice(i + 1)
      const moreChrome = after.some((a, k) => verdicts[i + 1 + k]!.reason === 'comments')
      const articleHeading = after.some(
        (a, k) =>
          a.draft.kind === 'heading' &&
          (a.draft.level ?? 6) <= level &&
          verdicts[i + 1 + k]!.reason !== 'comments',
      )
      if (moreChrome && !articleHeading) {
        for (let j = i; j < blocks.length; j++) verdicts[j]!.reason ??= 'comments'
        return
      }
    }
    before += words[i]!
  }
}

/** "A version of this article appears in print on" and the pieces a page split it into. */
function printFooters(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  blocks.forEach((b, i) => {
    if (verdicts[i]!.reason !== 'print edition') return
    let prev = b.draft.text.trim()
    for (let j = i + 1; j < blocks.length && j <= i + 12; j++) {
      if (/today['’]s paper|order reprints/i.test(prev)) break
      const text = blocks[j]!.draft.text.trim()
      // a fragment goes on: after a colon or comma, a piece of a few words, or words in lower case
      const continues = /[:,–—-]$/.test(prev) || wordCount(prev) <= 10 || /^[\p{Ll}\p{P}\d]/u.test(text)
      if (!continues || wordCount(text) > 30) break
      verdicts[j]!.reason ??= 'print edition'
      prev = text
    }
  })
}

/** A heading at the very end, with nothing of the article after it, heads a box of chrome ("Featured"). */
function trailingHeading(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (verdicts[i]!.reason !== undefined) continue
    const b = blocks[i]!
    // after the article's prose, not its title; a box's title is a few words
    const prose = blocks
      .slice(0, i)
      .filter((x, k) => x.draft.kind === 'paragraph' && verdicts[k]!.reason === undefined)
      .reduce((n, x) => n + wordCount(x.draft.text), 0)
    if (
      b.draft.kind === 'heading' &&
      (b.draft.level ?? 1) >= 2 &&
      prose >= 80 &&
      wordCount(b.draft.text) <= 6
    ) {
      verdicts[i]!.reason = 'empty heading'
    }
    return
  }
}

const isProse = (b: HtmlBlock): boolean =>
  b.draft.kind === 'paragraph' && wordCount(b.draft.text) >= 20 && linkShare(b.el) < 0.3

/**
 * Headlines dropped between two paragraphs of the story, each a paragraph that is one whole link,
 * without a "Related" title: "Pizza Man Making Special Delivery…", "Redesigned Scopes Fail…".
 */
function headlineRuns(blocks: HtmlBlock[], verdicts: BlockVerdict[]): void {
  const isHeadline = (b: HtmlBlock, v: BlockVerdict): boolean => {
    const n = wordCount(b.draft.text)
    const tag = b.el.tagName.toUpperCase()
    return (
      v.reason === undefined &&
      !v.caption &&
      b.draft.kind === 'paragraph' &&
      (tag === 'P' || tag === 'DIV' || tag === 'A' || tag === 'SPAN') &&
      n >= 4 &&
      n <= 20 &&
      !/[.!?:;]["”’]?$/.test(b.draft.text.trim()) &&
      linkShare(b.el) >= 0.95
    )
  }
  let i = 1
  while (i < blocks.length) {
    let j = i
    while (j < blocks.length && j - i < 8 && isHeadline(blocks[j]!, verdicts[j]!)) j++
    if (j - i >= 2 && isProse(blocks[i - 1]!) && j < blocks.length && isProse(blocks[j]!)) {
      for (let k = i; k < j; k++) verdicts[k]!.reason = 'related links'
    }
    i = Math.max(j, i + 1)
  }
}

export function markRuns(blocks: HtmlBlock[], verdicts: BlockVerdict[], root: Element): void {
  tableOfContents(blocks, verdicts)
  headlineLists(blocks, verdicts)
  widgets(blocks, verdicts, root)
  pricingBlocks(blocks, verdicts)
  printFooters(blocks, verdicts)
  commentThreads(blocks, verdicts)
  headlineRuns(blocks, verdicts)
  trailingHeading(blocks, verdicts)
}
