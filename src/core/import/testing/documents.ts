/**
 * Test documents made on the spot: PDFs printed by Chromium from HTML the test writes, PDFs
 * written by hand (an encrypted one), and the zip containers of .docx and EPUB from XML.
 */
import { existsSync } from 'node:fs'
import { zipSync, strToU8 } from 'fflate'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why PDF tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH) to print test PDFs`
}

export interface PrintOptions {
  /** a running head on every page (Chromium's header template, as HTML) */
  header?: string
  /** a running foot; `<span class="pageNumber"></span>` prints the page number */
  footer?: string
  printBackground?: boolean
}

/** Print each page of HTML to a PDF with headless Chromium (one browser for all of them). */
export async function printPdfs(pages: Array<{ html: string } & PrintOptions>): Promise<Buffer[]> {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const out: Buffer[] = []
    for (const page of pages) {
      const tab = await browser.newPage()
      await tab.setContent(page.html, { waitUntil: 'load' })
      const templated = page.header !== undefined || page.footer !== undefined
      out.push(
        await tab.pdf({
          format: 'A4',
          printBackground: page.printBackground ?? false,
          displayHeaderFooter: templated,
          headerTemplate: page.header ?? '<span></span>',
          footerTemplate: page.footer ?? '<span></span>',
          margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
        }),
      )
      await tab.close()
    }
    return out
  } finally {
    await browser.close()
  }
}

/** A PDF written object by object, with a correct cross-reference table. */
export function handWrittenPdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** One page saying `text` in Helvetica; `encrypted` adds a standard security handler with a user password. */
export function simplePdf(text: string, encrypted = false): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  if (!encrypted) return handWrittenPdf(objects)
  // RC4 40-bit (R2) whose /U matches no empty password: opening it needs the user password
  const hex = (byte: string) => byte.repeat(32)
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex('5a')}> /U <${hex('c3')}> /P -44 >>`)
  const id = `<${'0123456789abcdef'.repeat(2)}>`
  return handWrittenPdf(objects, `/Encrypt 6 0 R /ID [${id} ${id}] `)
}

/** A zip of text (or binary) entries (stored in the order given). */
export function zip(
  entries: Record<string, string | Uint8Array>,
  options: { storeFirst?: boolean } = {},
): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {}
  Object.entries(entries).forEach(([name, content], i) => {
    const bytes = typeof content === 'string' ? strToU8(content) : content
    files[name] = [bytes, { level: i === 0 && options.storeFirst ? 0 : 6 }]
  })
  return zipSync(files)
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** A paragraph of WordprocessingML: `style` a style id, `list` a numbering id for list items. */
export function wordParagraph(
  text: string,
  options: { style?: string; list?: number; level?: number } = {},
): string {
  const props = [
    options.style === undefined ? '' : `<w:pStyle w:val="${options.style}"/>`,
    options.list === undefined
      ? ''
      : `<w:numPr><w:ilvl w:val="${options.level ?? 0}"/><w:numId w:val="${options.list}"/></w:numPr>`,
  ].join('')
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

/** A paragraph holding one picture: the image at word/media/`name` (makeDocx's `media`), described `alt`. */
export function wordPicture(name: string, alt: string): string {
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main'
  const pic = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
  const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const wp = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
  return `<w:p><w:r><w:drawing><wp:inline xmlns:wp="${wp}"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="${name}" descr="${alt}"/><a:graphic xmlns:a="${a}"><a:graphicData uri="${pic}"><pic:pic xmlns:pic="${pic}"><pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="${r}" r:embed="rId-${name}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
}

/** A minimal .docx: document, styles (headings, Quote, Title), numbering (a bullet list), core properties, and `media` (word/media/…). */
export function makeDocx(
  paragraphs: string[],
  core: { title?: string; creator?: string; created?: string } = {},
  media: Record<string, Uint8Array> = {},
): Uint8Array {
  const pictures = Object.entries(media)
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="gif" ContentType="image/gif"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
${pictures.map(([name]) => `<Relationship Id="rId-${name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${name}"/>`).join('\n')}
</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}</w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="${W}">${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('Quote', 'Quote')}${style('ListParagraph', 'List Paragraph')}</w:styles>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${core.title ? `<dc:title>${core.title}</dc:title>` : ''}${core.creator ? `<dc:creator>${core.creator}</dc:creator>` : ''}${core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>` : ''}
</cp:coreProperties>`,
    ...Object.fromEntries(pictures.map(([name, bytes]) => [`word/media/${name}`, bytes])),
  })
}

export interface EpubChapter {
  id: string
  /** its title in the table of contents */
  title: string
  body: string
  linear?: boolean
}

/** An EPUB 3 book: mimetype first (stored), container.xml, an OPF, a nav document, XHTML chapters. */
export function makeEpub(
  book: { title: string; creators: string[]; date?: string; chapters: EpubChapter[]; spine?: string[] },
  extra: Record<string, string | Uint8Array> = {},
): Uint8Array {
  const chapterFile = (c: EpubChapter) => `text/${c.id}.xhtml`
  const xhtml = (title: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title></head><body>${body}</body></html>`
  const spine = book.spine ?? book.chapters.map((c) => c.id)
  const entries: Record<string, string | Uint8Array> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:0d5f4a4e-2b9e-4d7e-9a55-3f5c1f7c9b01</dc:identifier>
<dc:title>${book.title}</dc:title>${book.creators.map((c) => `<dc:creator>${c}</dc:creator>`).join('')}
${book.date ? `<dc:date>${book.date}</dc:date>` : ''}<dc:language>en</dc:language>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
${book.chapters.map((c) => `<item id="${c.id}" href="${chapterFile(c)}" media-type="application/xhtml+xml"/>`).join('\n')}
</manifest>
<spine>${spine.map((id) => `<itemref idref="${id}"${book.chapters.find((c) => c.id === id)?.linear === false ? ' linear="no"' : ''}/>`).join('')}</spine>
</package>`,
    'OEBPS/nav.xhtml': xhtml(
      'Contents',
      `<nav epub:type="toc"><ol>${book.chapters.map((c) => `<li><a href="${chapterFile(c)}">${c.title}</a></li>`).join('')}</ol></nav>`,
    ),
  }
  for (const c of book.chapters) entries[`OEBPS/${chapterFile(c)}`] = xhtml(c.title, c.body)
  return zip({ ...entries, ...extra }, { storeFirst: true })
}

/** A 1×1 PNG and a 1×1 GIF: real pictures, for the imports that store them. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
export const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')
