/**
 * EPUB import: the zip's container.xml names the package document (OPF), whose metadata gives
 * title, authors and date and whose spine gives the chapters' order. Each chapter's XHTML is
 * sanitized and sectioned as a web page is (htmlSections.ts), under its title from the table of
 * contents (EPUB 3 nav, else EPUB 2 NCX) unless it opens with that heading itself. A book with
 * DRM (encryption beyond font obfuscation, Adobe rights.xml, Apple's sinf.xml, Readium LCP) is
 * refused: its chapters are ciphertext.
 */
import type { JSDOM as JSDOMClass } from 'jsdom'
import { lazyRequire } from '../lazy'
import { sectionsFromDom, type LayoutContext } from './htmlSections'
import { absoluteLink } from './layout'
import { MAX_HTML_DEPTH, MAX_PICTURE_BYTES } from './limits'
import { cleanMetadataText, normalizeDate, type ArticleMetadata } from './metadata'
import { scanHtml } from './nesting'
import { dataUriBytes, MediaSink, remotePicture, type ParsedMedia } from './pictures'
import { sanitizeNode } from './sanitize'
import type { SectionDraft } from './sectioning'
import { refuseImport } from './validate'
import { entryText, readZip } from './zip'

const jsdom = lazyRequire<typeof import('jsdom')>('jsdom')

export interface EpubImport {
  drafts: SectionDraft[]
  metadata: ArticleMetadata
  contentHtml: string
  media: ParsedMedia[]
}

const PICTURE_FILE = /\.(png|jpe?g|gif|webp)$/i

/** A chapter's pictures: files of the book (relative to the chapter), data: URIs; remote ones by address. */
function chapterLayout(chapter: string, files: Map<string, Uint8Array>, sink: MediaSink): LayoutContext {
  return {
    link: absoluteLink,
    picture: (src, alt) => {
      const given = src?.trim() ?? ''
      const remote = absoluteLink(given)
      if (remote !== null) return remotePicture(remote.startsWith('http') ? remote : null, alt)
      const bytes = /^data:/i.test(given)
        ? dataUriBytes(given)
        : (files.get(resolveHref(chapter, given)) ?? null)
      const key = bytes === null ? null : sink.add(bytes)
      return key === null ? remotePicture(null, alt) : { mediaId: key, alt }
    },
  }
}

const WHAT = 'an EPUB'
// font obfuscation (IDPF's and Adobe's) hides fonts from copying; the text stays readable
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC'])
const FONT_FILE = /\.(otf|ttf|woff2?|pfb|pfm)$/i
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', 'text/xml'])

function parseXml(text: string, source: string, name: string): Document {
  try {
    return new (jsdom().JSDOM)(text, { contentType: 'application/xml' }).window.document
  } catch (error) {
    throw refuseImport(source, `its ${name} is not well-formed XML (${(error as Error).message}).`)
  }
}

/** Elements by local name, whatever their namespace prefix (dc:title, opf:item…). */
function byName(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', name))
}

/** `href` (relative, percent-encoded) against the folder of `base`, as a zip entry name. */
function resolveHref(base: string, href: string): string {
  const path = href.split('#')[0]!
  try {
    const url = new URL(path, `epub:///${base}`)
    return decodeURIComponent(url.pathname.replace(/^\//, ''))
  } catch {
    return path
  }
}

function refuseDrm(source: string, how: string): Error {
  return refuseImport(
    source,
    `it is a DRM-protected book (${how}); Gloss can only read EPUBs without DRM, such as those sold DRM-free or from public-domain libraries.`,
  )
}

function checkDrm(names: Set<string>, files: Map<string, Uint8Array>, source: string): void {
  if (names.has('META-INF/rights.xml')) throw refuseDrm(source, 'Adobe DRM: META-INF/rights.xml')
  if (names.has('META-INF/sinf.xml')) throw refuseDrm(source, 'Apple FairPlay: META-INF/sinf.xml')
  if (names.has('META-INF/license.lcpl')) throw refuseDrm(source, 'Readium LCP: META-INF/license.lcpl')
  const encryption = files.get('META-INF/encryption.xml')
  if (encryption === undefined) return
  const doc = parseXml(entryText(encryption), source, 'META-INF/encryption.xml')
  for (const data of byName(doc, 'EncryptedData')) {
    const algorithm = byName(data, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? ''
    const uri = byName(data, 'CipherReference')[0]?.getAttribute('URI') ?? ''
    if (FONT_OBFUSCATION.has(algorithm) || FONT_FILE.test(uri)) continue
    throw refuseDrm(source, `META-INF/encryption.xml encrypts ${uri || 'its content'}`)
  }
}

/** The package document's path: from META-INF/container.xml, else the archive's only .opf. */
function packagePath(names: Set<string>, files: Map<string, Uint8Array>, source: string): string {
  const container = files.get('META-INF/container.xml')
  if (container !== undefined) {
    const doc = parseXml(entryText(container), source, 'META-INF/container.xml')
    const rootfiles = byName(doc, 'rootfile')
    const opf =
      rootfiles.find((r) => r.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0]
    const path = opf?.getAttribute('full-path')
    if (path && files.has(path)) return path
  }
  const opfs = [...names].filter((n) => /\.opf$/i.test(n))
  if (opfs.length === 1 && files.has(opfs[0]!)) return opfs[0]!
  throw refuseImport(
    source,
    `it is a zip archive without an EPUB package document (no .opf file${container === undefined ? ' and no META-INF/container.xml' : ' that META-INF/container.xml names'}).`,
  )
}

interface ManifestItem {
  path: string
  mediaType: string
  properties: string[]
}

/** Chapter titles from the table of contents, by chapter path (the first entry for each file wins). */
function tocTitles(
  opf: Document,
  manifest: Map<string, ManifestItem>,
  files: Map<string, Uint8Array>,
  source: string,
): Map<string, string> {
  const titles = new Map<string, string>()
  const add = (path: string, label: string | null | undefined) => {
    const text = cleanMetadataText(label)
    if (text && !titles.has(path)) titles.set(path, text)
  }
  const nav = [...manifest.values()].find((item) => item.properties.includes('nav'))
  const navBytes = nav === undefined ? undefined : files.get(nav.path)
  if (nav !== undefined && navBytes !== undefined) {
    const doc = new (jsdom().JSDOM)(entryText(navBytes)).window.document
    const navs = Array.from(doc.querySelectorAll('nav'))
    const toc = navs.find((n) => /\btoc\b/.test(n.getAttribute('epub:type') ?? '')) ?? navs[0]
    for (const a of Array.from(toc?.querySelectorAll('a[href]') ?? [])) {
      add(resolveHref(nav.path, a.getAttribute('href')!), a.textContent)
    }
  }
  const spine = byName(opf, 'spine')[0]
  const ncxId = spine?.getAttribute('toc')
  const ncx =
    (ncxId ? manifest.get(ncxId) : undefined) ??
    [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml')
  const ncxBytes = ncx === undefined ? undefined : files.get(ncx.path)
  if (ncx !== undefined && ncxBytes !== undefined) {
    const doc = parseXml(entryText(ncxBytes), source, ncx.path)
    for (const point of byName(doc, 'navPoint')) {
      const src = byName(point, 'content')[0]?.getAttribute('src')
      const label = byName(byName(point, 'navLabel')[0] ?? point, 'text')[0]?.textContent
      if (src) add(resolveHref(ncx.path, src), label)
    }
  }
  return titles
}

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()

function chapterDom(markup: string): JSDOMClass {
  // parsed as HTML, not XML: a stray unescaped "&" in one chapter must not lose the book
  return new (jsdom().JSDOM)(markup)
}

export function parseEpub(bytes: Uint8Array, source: string): EpubImport {
  const { names, files } = readZip(
    bytes,
    source,
    WHAT,
    (name, size) =>
      /^META-INF\/|\.(opf|ncx|x?html?|xml)$/i.test(name) ||
      (PICTURE_FILE.test(name) && size <= MAX_PICTURE_BYTES),
  )
  const sink = new MediaSink()
  checkDrm(names, files, source)
  const opfPath = packagePath(names, files, source)
  const opf = parseXml(entryText(files.get(opfPath)!), source, opfPath)

  const manifest = new Map<string, ManifestItem>()
  for (const item of byName(opf, 'item')) {
    const id = item.getAttribute('id')
    const href = item.getAttribute('href')
    if (!id || !href) continue
    manifest.set(id, {
      path: resolveHref(opfPath, href),
      mediaType: (item.getAttribute('media-type') ?? '').toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/),
    })
  }
  const titles = tocTitles(opf, manifest, files, source)

  const drafts: SectionDraft[] = []
  const html: string[] = []
  for (const ref of byName(opf, 'itemref')) {
    if (ref.getAttribute('linear') === 'no') continue // notes and pop-ups outside the reading order
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    if (item === undefined || !CHAPTER_TYPES.has(item.mediaType)) continue
    const content = files.get(item.path)
    if (content === undefined) continue
    const scan = scanHtml(entryText(content))
    if (scan.depth > MAX_HTML_DEPTH) {
      throw refuseImport(
        source,
        `its chapter ${item.path} nests ${scan.depth} elements deep; the limit is ${MAX_HTML_DEPTH}.`,
      )
    }
    const dom = chapterDom(scan.markup)
    const clean = sanitizeNode(dom.window.document.body)
    dom.window.close()
    clean.querySelectorAll('svg, video, audio').forEach((el) => el.remove())
    const chapter = sectionsFromDom(clean, chapterLayout(item.path, files, sink))
    // the HTML kept is the text's: the pictures are in the sections' layouts
    clean.querySelectorAll('img, picture').forEach((el) => el.remove())
    const title = titles.get(item.path)
    const opening = chapter.find((d) => d.kind === 'heading')
    const opensWithTitle =
      opening !== undefined &&
      chapter.indexOf(opening) === 0 &&
      (title === undefined ||
        comparable(title).includes(comparable(opening.text)) ||
        comparable(opening.text).includes(comparable(title)))
    if (title !== undefined && !opensWithTitle && chapter.length > 0) {
      chapter.unshift({ kind: 'heading', level: 1, text: title })
      html.push(`<h1>${escapeHtml(title)}</h1>`)
    }
    drafts.push(...chapter)
    html.push(clean.innerHTML)
  }
  if (drafts.length === 0) throw refuseImport(source, 'the book has no readable text in its chapters.')

  const meta = byName(opf, 'metadata')[0] ?? opf.documentElement
  const creators = byName(meta, 'creator')
    .map((c) => cleanMetadataText(c.textContent))
    .filter((c): c is string => c !== null)
  return {
    drafts,
    contentHtml: html.join('\n'),
    media: sink.media,
    metadata: {
      title: cleanMetadataText(byName(meta, 'title')[0]?.textContent),
      byline: creators.length > 0 ? creators.join(', ') : null,
      publishedAt: normalizeDate(byName(meta, 'date')[0]?.textContent),
    },
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
