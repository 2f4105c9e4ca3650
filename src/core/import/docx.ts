/**
 * Word (.docx) import: mammoth turns the document into plain semantic HTML (headings from the
 * heading styles, lists from numbering, quotes from the quote styles), which is sanitized and
 * sectioned as a web page is (htmlSections.ts). Title, author and date come from
 * docProps/core.xml. An old binary .doc, or a document saved with a password (Word then writes
 * an encrypted OLE file, not a zip), is refused saying which.
 */
import { lazyRequire } from '../lazy'
import { sectionsFromDom, type LayoutContext } from './htmlSections'
import { absoluteLink } from './layout'
import { MediaSink, remotePicture, type ParsedMedia } from './pictures'
import { cleanMetadataText, normalizeDate, type ArticleMetadata, NO_METADATA } from './metadata'
import { sanitizeNode } from './sanitize'
import type { SectionDraft } from './sectioning'
import { refuseImport } from './validate'
import { entryText, isOleFile, readZip } from './zip'

type Mammoth = typeof import('mammoth')
const mammoth = lazyRequire<Mammoth>('mammoth')
const jsdom = lazyRequire<typeof import('jsdom')>('jsdom')

export interface DocxImport {
  drafts: SectionDraft[]
  metadata: ArticleMetadata
  contentHtml: string
  media: ParsedMedia[]
}

// a picture's src while the document is sanitized and sectioned: the sha256 of its bytes follows
const PICTURE_SRC = 'https://localhost/gloss-docx/'

/** The document's own pictures by their placeholder src; anything else is no picture of the document. */
const docxLayout: LayoutContext = {
  link: absoluteLink,
  picture: (src, alt) => {
    const key = src?.startsWith(PICTURE_SRC) ? src.slice(PICTURE_SRC.length) : ''
    return /^[0-9a-f]{64}$/.test(key) ? { mediaId: key, alt } : remotePicture(null, alt)
  },
}

const WHAT = 'a Word document (.docx)'

// on top of mammoth's defaults (headings, lists, footnotes): Word's and LibreOffice's quote and title styles
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
]

function coreProperties(xml: Uint8Array | undefined): ArticleMetadata {
  if (xml === undefined) return NO_METADATA
  try {
    const doc = new (jsdom().JSDOM)(entryText(xml), { contentType: 'application/xml' }).window.document
    const first = (name: string) => doc.getElementsByTagNameNS('*', name)[0]?.textContent
    return {
      title: cleanMetadataText(first('title')),
      byline: cleanMetadataText(first('creator')),
      publishedAt: normalizeDate(first('created'))?.slice(0, 10) ?? null,
    }
  } catch {
    return NO_METADATA // the properties are a nicety; the text is what matters
  }
}

export async function parseDocx(bytes: Uint8Array, source: string): Promise<DocxImport> {
  if (isOleFile(bytes)) {
    throw refuseImport(
      source,
      'it is an old Word .doc file or a password-protected document, not a .docx; save it as .docx (without a password) and import that.',
    )
  }
  const { files } = readZip(
    bytes,
    source,
    WHAT,
    (name) => name === 'docProps/core.xml' || name === 'word/document.xml',
  )
  if (!files.has('word/document.xml')) {
    throw refuseImport(source, `it is not ${WHAT}: the zip archive has no word/document.xml.`)
  }
  const lib = mammoth()
  let html: string
  const sink = new MediaSink()
  try {
    const result = await lib.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // stored with the article (within the caps), never as data: URLs of any size in the HTML
        convertImage: lib.images.imgElement(async (image) => {
          const key = sink.add(new Uint8Array(await image.read()))
          return { src: key === null ? '' : PICTURE_SRC + key }
        }),
      },
    )
    html = result.value
  } catch (error) {
    throw refuseImport(source, `it is a damaged Word document (${(error as Error).message}).`)
  }
  const dom = new (jsdom().JSDOM)(`<!DOCTYPE html><body>${html}</body>`)
  const clean = sanitizeNode(dom.window.document.body)
  dom.window.close()
  const drafts = sectionsFromDom(clean, docxLayout)
  if (drafts.length === 0) throw refuseImport(source, 'the document has no readable text.')
  // the HTML kept is the text's: the pictures are in the sections' layouts
  clean.querySelectorAll('img').forEach((el) => el.remove())
  return {
    drafts,
    contentHtml: clean.innerHTML,
    metadata: coreProperties(files.get('docProps/core.xml')),
    media: sink.media,
  }
}
