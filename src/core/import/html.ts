import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type { JSDOM as JSDOMClass } from 'jsdom'
import { lazyRequire } from '../lazy'
import { sectionsFromDom } from './htmlSections'
import { cleanMetadataText, normalizeDate, type ArticleMetadata } from './metadata'
import { MAX_HTML_DEPTH, MAX_HTML_MARKUP_CHARS, READABILITY_MAX_DEPTH } from './limits'
import { scanHtml } from './nesting'
import { preloadSanitizer, sanitizeNode } from './sanitize'
import type { SectionDraft } from './sectioning'
import { refuseImport } from './validate'

const DEFAULT_BASE_URL = 'https://localhost/'
// Never article content, and Readability keeps it when a page has nothing else.
const CHROME = 'script, style, noscript, template, nav, [role="navigation"]'
// Only stripped when Readability found nothing and we fall back to the whole body.
const BODY_CHROME =
  'aside, footer, body > header, form, [role="banner"], [role="contentinfo"], [role="complementary"]'

export interface HtmlImport {
  drafts: SectionDraft[]
  metadata: ArticleMetadata
  contentHtml: string
  sourceUrl: string | null
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

/** Metadata from the page head, read before Readability rewrites the document. */
function readHeadMetadata(doc: Document, givenUrl: string | undefined) {
  const canonical =
    attr(doc, 'link[rel~="canonical" i]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content')
  return {
    title:
      cleanMetadataText(doc.title) ??
      cleanMetadataText(doc.querySelector('h1, h2, h3, h4, h5, h6')?.textContent),
    byline: cleanMetadataText(attr(doc, 'meta[name="author" i]', 'content')),
    publishedAt:
      attr(doc, 'meta[property="article:published_time"]', 'content') ??
      attr(doc, 'meta[name="date" i]', 'content') ??
      attr(doc, 'time[datetime]', 'datetime'),
    // a relative canonical link only means something against a real page address
    sourceUrl:
      httpUrl(canonical, givenUrl === undefined ? undefined : (httpUrl(givenUrl) ?? undefined)) ??
      (httpUrl(givenUrl) ? givenUrl : null) ?? // a given javascript: or data: address is dropped
      null,
  }
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
function wholeBody(markup: string, givenUrl: string | undefined): { drafts: SectionDraft[]; html: string } {
  const dom = parseDom(markup, givenUrl)
  const body = dom.window.document.body
  body.querySelectorAll(`${CHROME}, ${BODY_CHROME}`).forEach((el) => el.remove())
  const clean = sanitizeNode(body)
  dom.window.close()
  return { drafts: sectionsFromDom(clean), html: clean.innerHTML }
}

/**
 * HTML to sections: Readability finds the article, DOMPurify makes it safe, and the
 * sanitized content is what gets sectioned, so the reader shows exactly what was parsed.
 * Scripts never run: jsdom only executes them when asked to, and we never ask.
 * Nesting is measured before jsdom builds the tree, and again on the tree: too deep is
 * refused, deep skips Readability (see limits.ts).
 */
export function parseHtml(html: string, source: string, givenUrl?: string): HtmlImport {
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
  const head = readHeadMetadata(doc, givenUrl)
  doc.querySelectorAll(CHROME).forEach((el) => el.remove())
  const depth = domDepth(doc.documentElement)
  if (depth > MAX_HTML_DEPTH) throw refuseDeep(source, depth)

  // the serializer hands back the element itself: no serialize-and-parse round trip
  const article =
    depth > READABILITY_MAX_DEPTH
      ? null
      : new (readability().Readability as typeof ReadabilityClass)(doc, {
          serializer: (node) => node,
        }).parse()
  const clean = article?.content ? sanitizeNode(article.content) : null
  let drafts = clean === null ? [] : sectionsFromDom(clean)
  let contentHtml = clean?.innerHTML ?? ''
  dom.window.close()
  // the page again, whole: Readability has rewritten the first copy
  if (drafts.length === 0) ({ drafts, html: contentHtml } = wholeBody(scan.markup, givenUrl))
  if (drafts.length === 0) throw refuseImport(source, 'it has no readable text.')

  return {
    drafts,
    contentHtml,
    sourceUrl: head.sourceUrl,
    metadata: {
      title: cleanMetadataText(article?.title) ?? head.title,
      byline: cleanMetadataText(article?.byline?.replace(/^by\s+/i, '')) ?? head.byline,
      publishedAt: normalizeDate(article?.publishedTime) ?? normalizeDate(head.publishedAt),
    },
  }
}
