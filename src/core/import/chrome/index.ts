/**
 * Page chrome anywhere in an article: each block of the readable content is checked by its words
 * (lines.ts), by what its containers are named ("newsletter", "related", "comments"…), and with
 * its neighbours (runs.ts: a table of contents, a headline list after "Related:", a paywall's
 * pricing block, a comment thread, a print-edition footer split into pieces). Chrome is
 * quarantined with its reason, never removed: the reader can show it again. Image captions are
 * marked as such (role "caption"); a credit inside a caption is chrome.
 *
 * Conservative by construction: every rule is bounded by length (a paragraph of prose is never
 * chrome for containing a word), container names count only for small containers, and if every
 * paragraph would go, nothing does.
 */
import {
  HINT_ATTRIBUTE,
  isCaptionElement,
  isCreditElement,
  isPictureLabel,
  rememberedInFigure,
  type HtmlBlock,
} from '../htmlSections'
import type { SectionDraft } from '../sectioning'
import { tidyHeading } from '../title'
import { containers, linkShare, wordCount, type BlockVerdict } from './context'
import { containerRule, elementHint, spanHint } from './hints'
import { lineKey, lineReason } from './lines'
import { TOC_TITLE } from './runs'
import { markRuns } from './runs'

export const JUNK_PREFIX = 'scrape junk: '

// a credit written as "Name/Agency" or "Name / Agency": "Benoit Tessier/Reuters", "Nintendo/Apple"
const SLASH_CREDIT = /^\p{Lu}[\p{L}.'’ -]{1,40}(?:\s?\/\s?\p{Lu}[\p{L}.'’ -]{1,40})+$/u

const hasText = (n: Element | null) => n !== null && /\S/.test(n.textContent ?? '')
const isPicture = (n: Element) => {
  const tag = n.tagName.toUpperCase()
  if (tag === 'IMG' || tag === 'PICTURE' || tag === 'SVG') return true
  return !hasText(n) && n.querySelector('img, picture, svg') !== null
}

/**
 * A caption without a caption's markup: a short text right after a picture, alone with it in its
 * container ("<td><a><img></a><div>Location of New Zealand…</div></td>").
 */
function besideImage(el: Element): boolean {
  const parent = el.parentElement
  // the cheap test first: most blocks have no picture before them
  const before = el.previousElementSibling
  if (parent === null || before === null || !isPicture(before)) return false
  if ((el.textContent ?? '').trim().split(/\s+/).length > 30) return false
  // nothing else in the container says anything
  return Array.from(parent.children).every((s) => s === el || !hasText(s)) && parent.childNodes.length <= 8
}

const letters = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length

/**
 * A cell whose words are all names under its pictures: an infobox's flag and coat of arms, each
 * named under its picture in a box of its own.
 */
function namesUnderPictures(cell: Element): boolean {
  const named: Element[] = []
  for (const el of Array.from(cell.querySelectorAll('*'))) {
    if (!named.some((n) => n.contains(el)) && besideImage(el)) named.push(el)
  }
  return named.length > 1 && named.reduce((n, el) => n + letters(el), 0) === letters(cell)
}

/**
 * The block's picture context, decided by its nearest caption- or credit-named container: a credit
 * span inside a caption is a credit, a caption span inside a figcaption named "credit" a caption.
 */
type InPicture = (el: Element) => boolean

function figureContext(
  block: HtmlBlock,
  root: Element,
  inPicture: InPicture,
): 'caption' | 'credit' | 'label' | 'figure' | null {
  const el = block.el
  if (el.tagName.toUpperCase() === 'TR') {
    const cells = Array.from(el.children).filter((c) => (c.textContent ?? '').trim() !== '')
    if (cells.length === 1 && isCaptionElement(cells[0]!)) return 'caption'
    // a table cell holding a picture and the words under it
    const words = cells.length === 1 ? Array.from(cells[0]!.children).filter(hasText) : []
    if (words.length === 1 && besideImage(words[0]!)) return 'caption'
    if (cells.length === 1 && namesUnderPictures(cells[0]!)) return 'caption'
  }
  if (besideImage(el)) return 'caption'
  // a credit counts inside a picture only: "source" or "creator" elsewhere is the article's
  const chain = containers(el, root, 6)
  const picture = chain.some((n) => n.tagName.toUpperCase() === 'FIGURE' || isCaptionElement(n))
  for (const node of chain) {
    if (isPictureLabel(node, inPicture)) return 'label'
    if (isCreditElement(node) && (picture || node.hasAttribute(HINT_ATTRIBUTE))) return 'credit'
    if (isCaptionElement(node)) return 'caption'
  }
  return picture ? 'figure' : null
}

/** What the block's containers (or the hint spans on its words) make it, within the rule's bounds. */
function nearestHint(el: Element, root: Element, inPicture: InPicture): string | null {
  for (const n of containers(el, root)) {
    const hint = elementHint(n, inPicture)
    if (hint !== null) return hint
  }
  return null
}

function containerReason(block: HtmlBlock, root: Element, inPicture: InPicture): string | undefined {
  const words = wordCount(block.draft.text)
  const found = spanHint(block.el) ?? nearestHint(block.el, root, inPicture)
  if (found === null || found === 'caption' || found === 'credit' || found === 'label') return undefined
  if (found === 'navigation') return words <= 15 && linkShare(block.el) >= 0.5 ? 'navigation' : undefined
  const rule = containerRule(found)
  if (rule === undefined || words > rule.maxWords) return undefined
  if (rule.links !== undefined && words > 6 && linkShare(block.el) < rule.links) return undefined
  return rule.reason
}

const BARE_COMMENTS =
  /^(?:comments?|commentaires?|kommentare?|comentarios?|comentários?|commenti|reactions?|réactions?|discussion)$/i

// reasons a heading may have: a heading is the article's structure unless it heads chrome
const HEADING_REASONS = new Set([
  'newsletter prompt',
  'paywall',
  'comments',
  'related links',
  'navigation',
  'advertisement',
  'share link',
  'login link',
  'feedback prompt',
  'dateline',
  'byline',
  'separator',
  'table of contents',
  'print edition',
  'news ticker',
  'promotion',
  'kicker',
])

/** One verdict per block, before the neighbours are looked at. */
function judgeBlock(block: HtmlBlock, root: Element, inPicture: InPicture): BlockVerdict {
  const { draft, el } = block
  if (el.tagName.toUpperCase() === 'PRE' || el.closest('pre, code') !== null) return {}
  // a heading or line that is all code ("?", "=>") is the article's
  const code = Array.from(el.querySelectorAll('code, kbd, samp'), (c) => c.textContent ?? '').join('')
  if (code.replace(/\s+/g, '').length >= draft.text.replace(/\s+/g, '').length && code.trim() !== '')
    return {}
  const text = draft.text
  const picture = figureContext(block, root, inPicture)
  if (picture !== null) {
    if (picture === 'credit') return { reason: 'photo credit' }
    if (picture === 'label') return { reason: lineReason(text) ?? 'image placeholder' }
    const byWords = lineReason(text)
    if (byWords !== undefined) return { reason: byWords }
    if (wordCount(text) <= 6 && SLASH_CREDIT.test(text.trim())) return { reason: 'photo credit' }
    if (picture === 'caption' && draft.kind === 'paragraph') return { caption: true }
    return {}
  }
  const byWords = lineReason(text, { listItem: el.tagName.toUpperCase() === 'LI' })
  // a bare "Comments" is a heading or a list item of a book's own about comments, unless a thread follows
  if (
    byWords === 'comments' &&
    BARE_COMMENTS.test(text.trim()) &&
    (draft.kind === 'heading' || el.tagName.toUpperCase() === 'LI')
  ) {
    return { weak: byWords }
  }
  if (byWords !== undefined && (draft.kind === 'paragraph' || HEADING_REASONS.has(byWords)))
    return { reason: byWords }
  const byContainer = containerReason(block, root, inPicture)
  // a heading inside a contents box is its title ("Contents"), not a section's title linking back to it
  if (byContainer === 'table of contents' && draft.kind === 'heading' && !TOC_TITLE.test(lineKey(text)))
    return {}
  if (byContainer !== undefined && (draft.kind === 'paragraph' || HEADING_REASONS.has(byContainer))) {
    return { reason: byContainer }
  }
  return {}
}

/** A heading without its page's markers; its marks kept only where its words did not move. */
export function tidiedHeading(draft: SectionDraft): SectionDraft {
  const text = tidyHeading(draft.text)
  if (text === draft.text) return draft
  const { layout, ...rest } = draft
  const tidied: SectionDraft = { ...rest, text }
  if (layout === undefined || !draft.text.startsWith(text)) {
    if (layout?.images !== undefined) tidied.layout = { images: layout.images }
    return tidied
  }
  const marks = layout.marks?.filter((m) => m.end <= text.length)
  const kept = { ...layout, marks }
  if (marks === undefined || marks.length === 0) delete kept.marks
  if (Object.keys(kept).length > 0) tidied.layout = kept
  return tidied
}

/**
 * The article's sections with chrome quarantined (with its reason) and captions marked. Headings
 * lose the "[edit]", "¶" or "#" their page puts after them.
 */
export function markChrome(blocks: HtmlBlock[], root: Element): SectionDraft[] {
  for (const b of blocks) if (b.draft.kind === 'heading') b.draft = tidiedHeading(b.draft)
  const live = blocks.filter((b) => b.draft.text !== '')
  const inPicture = rememberedInFigure() // the tree does not change while it is judged
  const verdicts = live.map((b) => judgeBlock(b, root, inPicture))
  markRuns(live, verdicts, root)
  const paragraphs = live.filter((b) => b.draft.kind === 'paragraph')
  const hidden = live.filter((b, i) => b.draft.kind === 'paragraph' && verdicts[i]!.reason !== undefined)
  // everything would go: the page is all the user has, so nothing is hidden
  const keepAll = paragraphs.length > 0 && hidden.length === paragraphs.length
  return live.map((b, i) => {
    const v = verdicts[i]!
    if (v.reason !== undefined && !keepAll) {
      const draft: SectionDraft = {
        kind: 'quarantined',
        text: b.draft.text,
        quarantineReason: JUNK_PREFIX + v.reason,
      }
      if (b.draft.level !== undefined) draft.level = b.draft.level
      if (b.draft.layout !== undefined) draft.layout = b.draft.layout
      return draft
    }
    if (v.caption && b.draft.kind === 'paragraph') return { ...b.draft, role: 'caption' }
    return b.draft
  })
}
