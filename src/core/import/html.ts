import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type { JSDOM as JSDOMClass } from 'jsdom'
import { lazyRequire } from '../lazy'
import { annotateHints } from './chrome/hints'
import { markChrome, tidiedHeading } from './chrome/index'
import { blocksFromDom, HINT_ATTRIBUTE, type LayoutContext } from './htmlSections'
import { readPageFacts, resolveMetadata } from './htmlMetadata'
import { jsonLdArticle } from './jsonld'
import { allowedLink } from './layout'
import { cleanMetadataText, type ArticleMetadata } from './metadata'
import { MAX_HTML_DEPTH, MAX_HTML_MARKUP_CHARS, READABILITY_MAX_DEPTH } from './limits'
import { scanHtml } from './nesting'
import {
  LOCAL_BASE,
  MediaSink,
  PLACEHOLDER,
  pageAddress,
  pagePictures,
  type PageAddresses,
  type ParsedMedia,
} from './pictures'
import { preloadSanitizer, sanitizeNode } from './sanitize'
import type { SectionDraft } from './sectioning'
import { refuseImport } from './validate'

// A page without an address of its own is parsed at a placeholder that stands for its folder:
// Readability makes relative addresses absolute against it, and layouts read them back (pictures.ts).
const DEFAULT_BASE_URL = LOCAL_BASE
// Never article content. Navigation is left to Readability (it scores the page better with it) and
// to the chrome rules, which hide what of it reaches the article.
const CHROME = 'script, style, noscript, template'
// Only stripped when Readability found nothing and we fall back to the whole body.
const BODY_CHROME =
  'nav, [role="navigation"], aside, footer, body > header, form, [role="banner"], [role="contentinfo"], [role="complementary"]'
// Markers pages put in headings and tables that are not words of the article: MediaWiki's "[edit]"
// links, the "v · t · e" of its navigation boxes, permalink anchors ("¶", "#"). As selectors:
// .mw-editsection, .editsection, .navbar.plainlinks, .navbar.mini, and a.headerlink, a.anchor-link,
// a.heading-anchor, a.header-anchor, a.anchorjs-link; tested by class names, in one walk of the tree
// (the selectors walked a long Wikipedia article's whole tree each).
const MARKER_CLASSES = ['mw-editsection', 'editsection']
const LINK_MARKER_CLASSES = ['headerlink', 'anchor-link', 'heading-anchor', 'header-anchor', 'anchorjs-link']

function isMarker(el: Element, quirks: boolean): boolean {
  if (!el.hasAttribute('class')) return false
  // class selectors match regardless of case in a quirks-mode document
  const classes = new Set(Array.from(el.classList, (c) => (quirks ? c.toLowerCase() : c)))
  if (MARKER_CLASSES.some((c) => classes.has(c))) return true
  if (classes.has('navbar') && (classes.has('plainlinks') || classes.has('mini'))) return true
  return el.localName === 'a' && LINK_MARKER_CLASSES.some((c) => classes.has(c))
}

export interface HtmlImport {
  drafts: SectionDraft[]
  metadata: ArticleMetadata
  contentHtml: string
  sourceUrl: string | null
  /** pictures the sections' layouts name */
  media: ParsedMedia[]
}

export interface HtmlOptions {
  /** the folder of the imported file: pictures next to it are stored with the article */
  folder?: string
}

/** Links and pictures of a page resolved against its address (see PLACEHOLDER), pictures into `sink`. */
function pageLayout(
  givenUrl: string | undefined,
  pageUrl: string | null,
  sink: MediaSink,
  folder?: string,
): LayoutContext {
  const at: PageAddresses = {
    domUrl: httpUrl(givenUrl) ?? DEFAULT_BASE_URL,
    placeholder: PLACEHOLDER,
    localBase: LOCAL_BASE,
    pageUrl,
    folder,
  }
  return {
    link: (href) => (href.trim().startsWith('#') ? null : allowedLink(pageAddress(href, at).url)),
    picture: pagePictures(sink, at),
  }
}

/** A picture before a hidden section (an "Enlarge" label, a credit) stands before the next shown one. */
function picturesOffHidden(drafts: SectionDraft[]): void {
  let carried: NonNullable<SectionDraft['layout']>['images'] = []
  for (const draft of drafts) {
    const images = draft.layout?.images
    if (draft.kind === 'quarantined') {
      if (images === undefined) continue
      carried.push(...images)
      const { images: _moved, ...rest } = draft.layout!
      if (Object.keys(rest).length > 0) draft.layout = rest
      else delete draft.layout
    } else if (carried.length > 0) {
      draft.layout = { ...draft.layout, images: [...carried, ...(images ?? [])] }
      carried = []
    }
  }
  const last = [...drafts].reverse().find((d) => d.kind !== 'quarantined')
  if (carried.length > 0 && last !== undefined) {
    last.layout = { ...last.layout, images: [...(last.layout?.images ?? []), ...carried] }
  }
}

function httpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href?.trim()) return null
  try {
    const url = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function attr(doc: Document, selector: string, name: string): string | null {
  return doc.querySelector(selector)?.getAttribute(name) ?? null
}

/** The page's address: its canonical link or og:url, else the address it was imported from. */
function pageUrl(doc: Document, givenUrl: string | undefined): string | null {
  const canonical =
    attr(doc, 'link[rel~="canonical" i]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content')
  // a relative canonical link only means something against a real page address
  return (
    httpUrl(canonical, givenUrl === undefined ? undefined : (httpUrl(givenUrl) ?? undefined)) ??
    (httpUrl(givenUrl) ? givenUrl! : null) ?? // a given javascript: or data: address is dropped
    null
  )
}

/** Edit links, navigation-box markers and permalink anchors out of the content (see MARKERS). */
function removeMarkers(root: Element): void {
  const quirks = root.ownerDocument.compatMode === 'BackCompat'
  const all = Array.from(root.getElementsByTagName('*'))
  all.filter((el) => isMarker(el, quirks)).forEach((el) => el.remove())
  // a heading's link that is only a permalink sign (h1 a, …, h6 a)
  all
    .filter(
      (el) => el.localName === 'a' && root.contains(el) && el.closest('h1, h2, h3, h4, h5, h6') !== null,
    )
    .forEach((a) => {
      if (/^\s*(?:[¶§#🔗]|link|permalink)\s*$/iu.test(a.textContent ?? '')) a.remove()
    })
}

/** True when some of the content's text is outside <nav> (and outside what was hinted as navigation). */
function textOutsideNavigation(root: Element): boolean {
  const total = (root.textContent ?? '').replace(/\s+/g, '').length
  let nav = 0
  root.querySelectorAll(`nav, [role="navigation"], [${HINT_ATTRIBUTE}="navigation"]`).forEach((el) => {
    if (el.parentElement?.closest(`nav, [role="navigation"], [${HINT_ATTRIBUTE}="navigation"]`) == null) {
      nav += (el.textContent ?? '').replace(/\s+/g, '').length
    }
  })
  return total > nav
}

/** Sections of sanitized content with its chrome marked, and the content's HTML without class names. */
function sectionize(clean: HTMLElement, context: LayoutContext): { drafts: SectionDraft[]; html: string } {
  removeMarkers(clean)
  const drafts = markChrome(blocksFromDom(clean, context), clean)
  picturesOffHidden(drafts)
  clean.querySelectorAll('[class]').forEach((el) => el.removeAttribute('class'))
  clean.querySelectorAll(`[${HINT_ATTRIBUTE}]`).forEach((el) => el.removeAttribute(HINT_ATTRIBUTE))
  return { drafts, html: clean.innerHTML }
}

/** Deepest element nesting under `root`, walked without recursion. */
function domDepth(root: Element): number {
  let deepest = 0
  let depth = 1
  let node: Element | null = root
  while (node !== null) {
    deepest = Math.max(deepest, depth)
    if (node.firstElementChild !== null) {
      node = node.firstElementChild
      depth++
      continue
    }
    while (node !== root && node.nextElementSibling === null) {
      node = node.parentElement!
      depth--
    }
    node = node === root ? null : node.nextElementSibling
  }
  return deepest
}

function refuseDeep(source: string, depth: number): Error {
  return refuseImport(
    source,
    `its elements nest ${depth.toLocaleString('en-US')} deep; the limit is ${MAX_HTML_DEPTH}.`,
  )
}

const jsdom = lazyRequire<typeof import('jsdom')>('jsdom')
const readability = lazyRequire<typeof import('@mozilla/readability')>('@mozilla/readability')

export function preloadHtmlParser(): void {
  jsdom()
  readability()
  preloadSanitizer()
}

function parseDom(markup: string, givenUrl: string | undefined): JSDOMClass {
  return new (jsdom().JSDOM)(markup, { url: httpUrl(givenUrl) ?? DEFAULT_BASE_URL })
}

/** The whole body without chrome, sanitized and sectioned: for pages Readability cannot use. */
function wholeBody(
  markup: string,
  givenUrl: string | undefined,
  context: LayoutContext,
): { drafts: SectionDraft[]; html: string } {
  const dom = parseDom(markup, givenUrl)
  const body = dom.window.document.body
  body.querySelectorAll(`${CHROME}, ${BODY_CHROME}`).forEach((el) => el.remove())
  const clean = sanitizeNode(body)
  dom.window.close()
  return sectionize(clean, context)
}

/**
 * HTML to sections: Readability finds the article, DOMPurify makes it safe, and the
 * sanitized content is what gets sectioned, so the reader shows exactly what was parsed.
 * Scripts never run: jsdom only executes them when asked to, and we never ask.
 * Nesting is measured before jsdom builds the tree, and again on the tree: too deep is
 * refused, deep skips Readability (see limits.ts).
 */
export function parseHtml(
  html: string,
  source: string,
  givenUrl?: string,
  options: HtmlOptions = {},
): HtmlImport {
  const scan = scanHtml(html)
  if (scan.depth > MAX_HTML_DEPTH) throw refuseDeep(source, scan.depth)
  const markup = scan.markup.length - scan.inlineDataChars
  if (markup > MAX_HTML_MARKUP_CHARS) {
    throw refuseImport(
      source,
      `its page markup is ${(markup / 1048576).toFixed(1)} MB without scripts, styles and embedded images; the limit for a web page is ${MAX_HTML_MARKUP_CHARS / 1048576} MB.`,
    )
  }
  const dom = parseDom(scan.markup, givenUrl)
  const doc = dom.window.document
  const sourceUrl = pageUrl(doc, givenUrl)
  const sink = new MediaSink()
  const context = pageLayout(givenUrl, sourceUrl, sink, options.folder)
  doc.querySelectorAll(CHROME).forEach((el) => el.remove())
  const depth = domDepth(doc.documentElement)
  if (depth > MAX_HTML_DEPTH) throw refuseDeep(source, depth)
  // JSON-LD is in the raw markup only: the scan drops scripts
  const facts = readPageFacts(doc, jsonLdArticle(html), sourceUrl)
  annotateHints(doc)

  // the serializer hands back the element itself: no serialize-and-parse round trip; classes are
  // kept for the chrome rules ("newsletter", "related", "caption") and dropped from contentHtml
  const article =
    depth > READABILITY_MAX_DEPTH
      ? null
      : new (readability().Readability as typeof ReadabilityClass)(doc, {
          serializer: (node) => node,
          keepClasses: true,
        }).parse()
  const clean = article?.content ? sanitizeNode(article.content) : null
  const articleTime = clean?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null
  // an "article" of navigation only is no article: Readability settles for it on an empty page
  let { drafts, html: contentHtml } =
    clean !== null && textOutsideNavigation(clean) ? sectionize(clean, context) : { drafts: [], html: '' }
  dom.window.close()
  // the page again, whole: Readability has rewritten the first copy
  if (drafts.length === 0) ({ drafts, html: contentHtml } = wholeBody(scan.markup, givenUrl, context))
  if (drafts.length === 0) throw refuseImport(source, 'it has no readable text.')

  const metadata: ArticleMetadata = resolveMetadata(facts, {
    readability: {
      title: cleanMetadataText(article?.title),
      byline: cleanMetadataText(article?.byline),
      publishedTime: article?.publishedTime ?? null,
    },
    articleTime,
    drafts,
  })
  return { drafts, contentHtml, sourceUrl, metadata, media: sink.media }
}

/**
 * The sections an article imported before layouts would have had, with their layouts, from its
 * stored (sanitized, class-free) HTML: the walk without the chrome rules (hiding never changes a
 * text), headings tidied. Links only when absolute; the page's own relative links and pictures
 * were made absolute against a placeholder then and are dropped.
 */
export function sectionsOfStoredHtml(html: string): { drafts: SectionDraft[]; media: ParsedMedia[] } {
  const dom = parseDom(`<!DOCTYPE html><body>${html}</body>`, undefined)
  const sink = new MediaSink()
  const blocks = blocksFromDom(dom.window.document.body, pageLayout(undefined, null, sink))
  dom.window.close()
  const drafts = blocks.map((b) => (b.draft.kind === 'heading' ? tidiedHeading(b.draft) : b.draft))
  return { drafts: drafts.filter((d) => d.text !== ''), media: sink.media }
}
