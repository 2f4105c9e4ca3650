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

/** An element's words with its blocks and line breaks apart: "<div>Flag</div><div>Coat of arms</div>" is "Flag Coat of arms". */
function spacedText(el: Element): string {
  let out = ''
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      out += node.textContent ?? ''
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName.toUpperCase()
    const apart = tag === 'BR' || BLOCK_TAGS.has(tag)
    if (apart) out += ' '
    node.childNodes.forEach(walk)
    if (apart) out += ' '
  }
  walk(el)
  return collapseWhitespace(out)
}

/** A section as parsed, with the element whose words it holds, for the chrome and caption rules. */
export interface HtmlBlock {
  draft: SectionDraft
  /** the block element (or the caption or credit span) the words came from */
  el: Element
}

/**
 * Blocks in document order: headings whole; every other run of inline words (a <p>, an <li>, a
 * text-bearing <div>, a caption or credit span) one paragraph; <pre> keeps its lines; a table row
 * is one paragraph with its cells separated by " | ".
 */
export function blocksFromDom(root: Node): HtmlBlock[] {
  const blocks: HtmlBlock[] = []
  let words = ''
  // the caption or credit the words so far belong to, and the element they came from
  let wordsRole: InlineRole = null
  let wordsEl: Element | null = null
  const flush = (el: Element): void => {
    const text = collapseWhitespace(words)
    if (text !== '') blocks.push({ draft: { kind: 'paragraph', text }, el: wordsEl ?? el })
    words = ''
    wordsRole = null
    wordsEl = null
  }
  const rootElement = isElement(root) ? root : (root.parentElement ?? root.ownerDocument!.documentElement)
  const inPicture = rememberedInFigure()
  // `container` is the block the words go into; `role` and `roleEl` the inline caption or credit around them
  const visit = (node: Node, container: Element, role: InlineRole, roleEl: Element | null): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? ''
      if (/\S/.test(text) && role !== wordsRole) {
        // a caption's words and its credit's are separate blocks, and both apart from the words around
        if (collapseWhitespace(words) !== '') flush(container)
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
    if (!BLOCK_TAGS.has(tag)) {
      const own = inlineRole(node, inPicture)
      const innerRole = own === undefined ? role : own
      const innerEl = own === undefined ? roleEl : own === role && roleEl !== null ? roleEl : node
      node.childNodes.forEach((child) => visit(child, container, innerRole, innerEl))
      return
    }
    flush(container)
    const level = HEADING.exec(tag)?.[1]
    if (level !== undefined) {
      const text = collapseWhitespace(node.textContent ?? '')
      if (text !== '') blocks.push({ draft: { kind: 'heading', level: Number(level), text }, el: node })
    } else if (tag === 'PRE') {
      const text = tidyCode(node.textContent ?? '')
      if (text.trim() !== '') blocks.push({ draft: { kind: 'paragraph', text }, el: node })
    } else if (tag === 'TR') {
      const cells = Array.from(node.children, spacedText).filter(Boolean)
      if (cells.length > 0) blocks.push({ draft: { kind: 'paragraph', text: cells.join(' | ') }, el: node })
    } else {
      node.childNodes.forEach((child) => visit(child, node, null, null))
      flush(node)
    }
  }
  root.childNodes.forEach((child) => visit(child, rootElement, null, null))
  flush(rootElement)
  return blocks
}

/** The sections of `root` (see blocksFromDom). */
export function sectionsFromDom(root: Node): SectionDraft[] {
  return blocksFromDom(root).map((b) => b.draft)
}
