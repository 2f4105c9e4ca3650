import type { InlineMark, InlineMarkType, SectionBlock, SectionImage } from '../../shared/model'
import { absoluteLink, collapseMarks, makeLayout, tidyMarks, type RawMark } from './layout'
import { remotePicture, type PictureResolver } from './pictures'
import type { SectionDraft } from './sectioning'
import { collapseWhitespace, tidyCode } from './text'

const ELEMENT_NODE = 1
const TEXT_NODE = 3

const HEADING = /^H([1-6])$/
// Elements that start a new block; anything else is inline and joins the words around it.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
])

// An inline element that is a caption, or a picture's credit, is a block of its own: "The Moulin
// Rouge <span class=credit>Reuters</span>" is a caption and a credit, not one paragraph.
const CAPTION_CLASS =
  /(?:^|[\s_-])(?:caption|captions?text|figcaption|thumbcaption|gallerycaption|gallerytext|imgcaption|photocaption|fotocaption|legend|legende|légende|bildunterschrift|pie-?de-?foto|legenda)(?:$|[\s_-])/iu
const CREDIT_CLASS =
  /(?:^|[\s_-])(?:credits?|attribution|copyright|copyrightholder|photographer|image-source|photo-credit|creator)(?:$|[\s_-])/i

/** The class and itemprop of an element, for matching against words like "caption" (ids are often slugs). */
export function classWords(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`
}

/**
 * Hints the HTML import writes on the page before Readability rewrites it (chrome/hints.ts):
 * Readability replaces a <div class="caption"> by the <p> it made of its words, so what a text
 * was inside of is kept on a <span data-gloss-hint="caption"> around the text itself.
 */
export const HINT_ATTRIBUTE = 'data-gloss-hint'

export function isCaptionElement(el: Element): boolean {
  const hint = el.getAttribute(HINT_ATTRIBUTE)
  if (hint !== null) return hint === 'caption'
  const tag = el.tagName.toUpperCase()
  return tag === 'FIGCAPTION' || tag === 'CAPTION' || CAPTION_CLASS.test(classWords(el))
}

export function isCreditElement(el: Element): boolean {
  const hint = el.getAttribute(HINT_ATTRIBUTE)
  if (hint !== null) return hint === 'credit'
  return CREDIT_CLASS.test(classWords(el))
}

/** Inside a <figure> or a caption, within a few levels: where a credit span is a block of its own. */
export function inFigure(el: Element, levels = 6): boolean {
  let node: Element | null = el.parentElement
  for (let i = 0; node !== null && i < levels; i++, node = node.parentElement) {
    if (node.tagName.toUpperCase() === 'FIGURE' || isCaptionElement(node)) return true
  }
  return false
}

/**
 * inFigure remembered per element, for one pass over a tree whose elements do not move meanwhile:
 * the levels up to the nearest figure or caption, each found from its parent's.
 */
export function rememberedInFigure(levels = 6): (el: Element) => boolean {
  const depthOf = new Map<Element, number>()
  const depth = (el: Element): number => {
    let d = depthOf.get(el)
    if (d === undefined) {
      const parent = el.parentElement
      if (parent === null) d = Infinity
      else if (parent.tagName.toUpperCase() === 'FIGURE' || isCaptionElement(parent)) d = 1
      else d = depth(parent) + 1
      depthOf.set(el, d)
    }
    return d
  }
  return (el) => depth(el) <= levels
}

const VISUALLY_HIDDEN =
  /(?:^|\s)(?:visually-hidden|visuallyhidden|sr-only|screen-reader-text|screen-reader-only|screenreader-only|off-screen|offscreen|a11y-hidden|element-invisible|u-vh|is-vishidden|hidden-visually)(?:$|\s)/i
const LABEL_WORDS =
  /^(?:enlarge|zoom|expand|view larger(?: image)?|click to enlarge|close|toggle caption|hide caption|show caption|caption|image caption|media caption|image copyright|copyright|image|photo|picture|credit|credits|fullscreen|full screen|play|gallery|agrandir|vergrößern|ampliar)$/i

/**
 * A label inside a picture that is no caption: screen-reader text ("Image caption", "Credit"), an
 * "Enlarge" link, a "/" between label and caption. Its own block, so the caption reads clean.
 */
export function isPictureLabel(el: Element, inPicture: (el: Element) => boolean = inFigure): boolean {
  const hint = el.getAttribute(HINT_ATTRIBUTE)
  if (hint !== null) return hint === 'label'
  if (!inPicture(el)) return false
  if (VISUALLY_HIDDEN.test(el.getAttribute('class') ?? '')) return true
  const text = (el.textContent ?? '').replace(/[›»→]/g, '').trim()
  return text !== '' && text.length <= 24 && (!/[\p{L}\p{N}]/u.test(text) || LABEL_WORDS.test(text))
}

type InlineRole = 'caption' | 'credit' | 'label' | null

/** A caption or credit written inline ("<span class=caption>…</span><span class=credit>…</span>"). */
function inlineRole(el: Element, inPicture: (el: Element) => boolean): InlineRole | undefined {
  if (isPictureLabel(el, inPicture)) return 'label'
  if (isCreditElement(el) && (el.hasAttribute(HINT_ATTRIBUTE) || inPicture(el))) return 'credit'
  if (isCaptionElement(el)) return 'caption'
  return undefined
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE
}

/** How an import resolves a section's links and pictures (its addresses, its media). */
export interface LayoutContext {
  /** a link's target (http, https or mailto, absolute), or null to drop the link */
  link(href: string): string | null
  picture: PictureResolver
}

/** Links only when absolute; pictures only as their alt and http(s) address. */
export const PLAIN_LAYOUT: LayoutContext = {
  link: absoluteLink,
  picture: (src, alt) => {
    const url = src === null ? null : absoluteLink(src)
    return remotePicture(url !== null && url.startsWith('http') ? url : null, alt)
  },
}

const MARK_TAGS: Record<string, InlineMarkType> = {
  EM: 'em',
  I: 'em',
  STRONG: 'strong',
  B: 'strong',
  CODE: 'code',
  KBD: 'code',
  SUB: 'sub',
  SUP: 'sup',
  A: 'link',
}

/** The mark an inline element makes, or null (a link whose target is refused makes none). */
function markOf(el: Element, tag: string, context: LayoutContext): Omit<RawMark, 'start' | 'end'> | null {
  const type = MARK_TAGS[tag]
  if (type === undefined) return null
  if (type !== 'link') return { type }
  const href = el.getAttribute('href')
  const target = href === null ? null : context.link(href)
  return target === null ? null : { type, href: target }
}

/** The picture an <img> shows: its src (else the first of its srcset) and alt. */
function pictureOf(el: Element, context: LayoutContext): SectionImage | null {
  const candidate = el.getAttribute('srcset')?.trim().split(/\s+/)[0]?.replace(/,$/, '')
  const src = el.getAttribute('src')?.trim() || candidate || null
  return context.picture(src, collapseWhitespace(el.getAttribute('alt') ?? ''))
}

/**
 * An element's words and marks, `apart`: with its blocks and line breaks apart ("<div>Flag</div><div>Coat
 * of arms</div>" is "Flag Coat of arms"), else exactly its textContent.
 */
function inlineWords(el: Element, context: LayoutContext, apart: boolean): { raw: string; marks: RawMark[] } {
  let raw = ''
  const marks: RawMark[] = []
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      raw += node.textContent ?? ''
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName.toUpperCase()
    const spaced = apart && (tag === 'BR' || BLOCK_TAGS.has(tag))
    const mark = markOf(node, tag, context)
    if (spaced) raw += ' '
    const start = raw.length
    node.childNodes.forEach(walk)
    if (mark !== null) marks.push({ ...mark, start, end: raw.length })
    if (spaced) raw += ' '
  }
  walk(el)
  return { raw, marks }
}

/** A text with its marks from inline words, the text as collapseWhitespace makes it. */
function collapsedWords(words: { raw: string; marks: RawMark[] }): { text: string; marks: InlineMark[] } {
  const text = collapseWhitespace(words.raw)
  return { text, marks: tidyMarks(text, collapseMarks(words.raw, text, words.marks)) }
}

/** A section as parsed, with the element whose words it holds, for the chrome and caption rules. */
export interface HtmlBlock {
  draft: SectionDraft
  /** the block element (or the caption or credit span) the words came from */
  el: Element
}

/** The list item, or quote, the words of a block are in. */
interface Frame {
  item: { block: SectionBlock; used: boolean } | null
  quote: boolean
  lists: number
}

const TOP: Frame = { item: null, quote: false, lists: 0 }

/** The block a paragraph's words make: a list item's first, else a quote's, else none. */
function blockOf(frame: Frame): SectionBlock | undefined {
  if (frame.item !== null && !frame.item.used) {
    frame.item.used = true
    return frame.item.block
  }
  return frame.quote ? { type: 'quote' } : undefined
}

/** An ordered list's numbers as its items are met: its start, then one more each (an item's value resets it). */
function itemNumber(li: Element, list: Element, next: Map<Element, number>): number {
  // a number a layout can hold (layout.ts allows ±1e9), else as if not given
  const given = (name: string, el: Element) => {
    const n = Number.parseInt(el.getAttribute(name) ?? '', 10)
    return Number.isFinite(n) && Math.abs(n) < 1e9 ? n : undefined
  }
  const number = given('value', li) ?? next.get(list) ?? given('start', list) ?? 1
  next.set(list, number + 1)
  return number
}

/**
 * Blocks in document order: headings whole; every other run of inline words (a <p>, an <li>, a
 * text-bearing <div>, a caption or credit span) one paragraph; <pre> keeps its lines; a table row
 * is one paragraph with its cells separated by " | ". Each section's layout comes from the same
 * walk: its block (list item, quote, code, row), its inline marks and the pictures before it.
 */
export function blocksFromDom(root: Node, context: LayoutContext = PLAIN_LAYOUT): HtmlBlock[] {
  const blocks: HtmlBlock[] = []
  let words = ''
  let marks: RawMark[] = []
  // marks whose element the walk is inside: a flush ends them in the words it takes, then they go on
  const open: Array<Omit<RawMark, 'end'>> = []
  // pictures met since the last section: they stand before the next one
  let pictures: SectionImage[] = []
  // the caption or credit the words so far belong to, and the element they came from
  let wordsRole: InlineRole = null
  let wordsEl: Element | null = null
  const push = (draft: SectionDraft, el: Element, block?: SectionBlock, inline?: InlineMark[]): void => {
    const layout = makeLayout(block, inline, pictures)
    if (layout !== null) draft.layout = layout
    pictures = []
    blocks.push({ draft, el })
  }
  const flush = (el: Element, frame: Frame): void => {
    const text = collapseWhitespace(words)
    if (text !== '') {
      for (const m of open) marks.push({ ...m, end: words.length })
      const inline = marks.length === 0 ? [] : tidyMarks(text, collapseMarks(words, text, marks))
      push({ kind: 'paragraph', text }, wordsEl ?? el, blockOf(frame), inline)
    }
    for (const m of open) m.start = 0
    words = ''
    marks = []
    wordsRole = null
    wordsEl = null
  }
  const rootElement = isElement(root) ? root : (root.parentElement ?? root.ownerDocument!.documentElement)
  const inPicture = rememberedInFigure()
  const numbers = new Map<Element, number>()
  // `container` is the block the words go into, `frame` its list item or quote; `role` and `roleEl` the inline caption or credit around them
  const visit = (
    node: Node,
    container: Element,
    frame: Frame,
    role: InlineRole,
    roleEl: Element | null,
  ): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? ''
      if (/\S/.test(text) && role !== wordsRole) {
        // a caption's words and its credit's are separate blocks, and both apart from the words around
        if (collapseWhitespace(words) !== '') flush(container, frame)
        wordsRole = role
        wordsEl = roleEl
      }
      words += text
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName.toUpperCase()
    if (tag === 'BR') {
      words += ' '
      return
    }
    if (tag === 'IMG') {
      const picture = pictureOf(node, context)
      if (picture !== null) pictures.push(picture)
      return
    }
    if (!BLOCK_TAGS.has(tag)) {
      const own = inlineRole(node, inPicture)
      const innerRole = own === undefined ? role : own
      const innerEl = own === undefined ? roleEl : own === role && roleEl !== null ? roleEl : node
      const mark = markOf(node, tag, context)
      const opened = mark === null ? null : { ...mark, start: words.length }
      if (opened !== null) open.push(opened)
      node.childNodes.forEach((child) => visit(child, container, frame, innerRole, innerEl))
      if (opened !== null) {
        open.splice(open.indexOf(opened), 1)
        marks.push({ ...opened, end: words.length })
      }
      return
    }
    flush(container, frame)
    const level = HEADING.exec(tag)?.[1]
    if (level !== undefined) {
      const text = collapseWhitespace(node.textContent ?? '')
      if (text !== '') {
        const own = collapsedWords(inlineWords(node, context, false))
        push(
          { kind: 'heading', level: Number(level), text },
          node,
          undefined,
          own.text === text ? own.marks : [],
        )
      }
    } else if (tag === 'PRE') {
      const text = tidyCode(node.textContent ?? '')
      if (text.trim() !== '') push({ kind: 'paragraph', text }, node, { type: 'code' })
    } else if (tag === 'TR') {
      const cells = Array.from(node.children, (cell) => ({
        header: cell.tagName.toUpperCase() === 'TH',
        ...collapsedWords(inlineWords(cell, context, true)),
      })).filter((cell) => cell.text !== '')
      if (cells.length > 0) {
        const ranges: Array<[number, number]> = []
        const inline: InlineMark[] = []
        let at = 0
        for (const cell of cells) {
          ranges.push([at, at + cell.text.length])
          for (const m of cell.marks) inline.push({ ...m, start: m.start + at, end: m.end + at })
          at += cell.text.length + ROW_SEPARATOR.length
        }
        const text = cells.map((cell) => cell.text).join(ROW_SEPARATOR)
        const header = cells.every((cell) => cell.header)
        push({ kind: 'paragraph', text }, node, { type: 'row', header, cells: ranges }, inline)
      }
    } else {
      let inner = frame
      if (tag === 'OL' || tag === 'UL') inner = { ...frame, item: null, lists: frame.lists + 1 }
      else if (tag === 'BLOCKQUOTE') inner = { ...frame, item: null, quote: true }
      else if (tag === 'LI') {
        const list = node.parentElement
        const ordered = list?.tagName.toUpperCase() === 'OL'
        const block: SectionBlock = { type: 'item', ordered, depth: Math.max(1, frame.lists) }
        if (ordered) block.number = itemNumber(node, list!, numbers)
        inner = { ...frame, item: { block, used: false } }
      }
      const [blocksBefore, picturesBefore] = [blocks.length, pictures.length]
      node.childNodes.forEach((child) => visit(child, node, inner, null, null))
      flush(node, inner)
      // a figure's picture after its caption is still the caption's picture
      if (tag === 'FIGURE' && blocks.length > blocksBefore && pictures.length > picturesBefore) {
        const caption = blocks[blocksBefore]!.draft
        const own = pictures.splice(picturesBefore)
        caption.layout = { ...caption.layout, images: [...(caption.layout?.images ?? []), ...own] }
      }
    }
  }
  root.childNodes.forEach((child) => visit(child, rootElement, TOP, null, null))
  flush(rootElement, TOP)
  // pictures after the last words stand with the last section
  if (pictures.length > 0 && blocks.length > 0) {
    const last = blocks[blocks.length - 1]!.draft
    last.layout = { ...last.layout, images: [...(last.layout?.images ?? []), ...pictures] }
  }
  return blocks
}

const ROW_SEPARATOR = ' | '

/** The sections of `root` (see blocksFromDom). */
export function sectionsFromDom(root: Node, context: LayoutContext = PLAIN_LAYOUT): SectionDraft[] {
  return blocksFromDom(root, context).map((b) => b.draft)
}
