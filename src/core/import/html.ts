import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { sectionsFromDom } from './htmlSections'
import { cleanMetadataText, normalizeDate, type ArticleMetadata } from './metadata'
import { sanitizeHtml } from './sanitize'
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

function sectionsOf(html: string): SectionDraft[] {
  return sectionsFromDom(JSDOM.fragment(html))
}

/**
 * HTML to sections: Readability finds the article, DOMPurify makes it safe, and the
 * sanitized content is what gets sectioned, so the reader shows exactly what was parsed.
 * Scripts never run: jsdom only executes them when asked to, and we never ask.
 */
export function parseHtml(html: string, source: string, givenUrl?: string): HtmlImport {
  const dom = new JSDOM(html, { url: httpUrl(givenUrl) ?? DEFAULT_BASE_URL })
  const doc = dom.window.document
  const head = readHeadMetadata(doc, givenUrl)
  doc.querySelectorAll(CHROME).forEach((el) => el.remove())
  const body = doc.body.cloneNode(true) as HTMLElement

  const article = new Readability(doc).parse()
  let contentHtml = sanitizeHtml(article?.content ?? '')
  let drafts = sectionsOf(contentHtml)
  if (drafts.length === 0) {
    body.querySelectorAll(BODY_CHROME).forEach((el) => el.remove())
    contentHtml = sanitizeHtml(body.innerHTML)
    drafts = sectionsOf(contentHtml)
  }
  dom.window.close()
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
