/** EPUB import: spine order, chapter titles from the table of contents, OPF metadata; DRM and broken books refused. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'
import { parseEpub } from './epub'
import { makeEpub, zip, type EpubChapter } from './testing/documents'

const CHAPTERS: EpubChapter[] = [
  {
    id: 'c1',
    title: 'Chapter One: Letters',
    body: '<p>The first letter arrives.</p><p>A second &amp; last paragraph.</p>',
  },
  {
    id: 'c2',
    title: 'Chapter Two',
    body: '<h1>Chapter Two</h1><p>The ice breaks.</p><h2>On deck</h2><p>All hands.</p>',
  },
  { id: 'notes', title: 'Notes', body: '<p>A note outside the reading order.</p>', linear: false },
]
const BOOK = {
  title: 'A Small Book',
  creators: ['Mary Shelley', 'Percy Shelley'],
  date: '1818-01-01',
  chapters: CHAPTERS,
  // the spine, not the manifest or the table of contents, is the reading order
  spine: ['c2', 'c1', 'notes'],
}

const ENCRYPTION = (algorithm: string, uri: string) => `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/>
<enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`

let nb: TempNotebook
beforeAll(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterAll(() => nb.cleanup())

const write = (name: string, bytes: Uint8Array | string) => {
  const path = join(nb.dir, name)
  writeFileSync(path, bytes)
  return path
}

async function refused(path: string): Promise<string> {
  const before = tableCounts(nb.notebook.db)
  const error = await nb.call('importFile', { path }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GlossError)
  expect((error as GlossError).code).toBe('bad_file')
  expect(tableCounts(nb.notebook.db)).toEqual(before)
  return (error as GlossError).message
}

describe('an EPUB', () => {
  it('reads the chapters in spine order under their titles, and the metadata from the OPF', () => {
    const { drafts, metadata, contentHtml } = parseEpub(makeEpub(BOOK), '"book.epub"')
    expect(drafts).toEqual([
      { kind: 'heading', level: 1, text: 'Chapter Two' }, // its own heading: not repeated
      { kind: 'paragraph', text: 'The ice breaks.' },
      { kind: 'heading', level: 2, text: 'On deck' },
      { kind: 'paragraph', text: 'All hands.' },
      { kind: 'heading', level: 1, text: 'Chapter One: Letters' }, // from the table of contents
      { kind: 'paragraph', text: 'The first letter arrives.' },
      { kind: 'paragraph', text: 'A second & last paragraph.' },
    ])
    expect(metadata).toEqual({
      title: 'A Small Book',
      byline: 'Mary Shelley, Percy Shelley',
      publishedAt: '1818-01-01',
    })
    expect(contentHtml).toContain('<h1>Chapter One: Letters</h1>')
    expect(contentHtml).not.toContain('outside the reading order')
  })

  it('imports through the notebook as HTML from an epub', async () => {
    const { article } = await nb.call('importFile', { path: write('book.epub', makeEpub(BOOK)) })
    expect(article).toMatchObject({
      title: 'A Small Book',
      byline: 'Mary Shelley, Percy Shelley',
      publishedAt: '1818-01-01',
      format: 'html',
      sourceFormat: 'epub',
      sectionCount: 7,
    })
    const detail = await nb.call('getArticle', { id: article.id })
    expect(detail.sections.every((s) => s.page === null)).toBe(true)
  })

  it('reads a book whose encryption.xml only obfuscates its fonts', () => {
    const book = makeEpub(BOOK, {
      'META-INF/encryption.xml': ENCRYPTION('http://www.idpf.org/2008/embedding', 'OEBPS/fonts/serif.otf'),
    })
    expect(parseEpub(book, '"fonts.epub"').drafts).toHaveLength(7)
  })
})

describe('EPUBs that are refused, each saying why, with nothing written', () => {
  it('a DRM-protected book: encrypted chapters, or Adobe rights', async () => {
    const encrypted = makeEpub(BOOK, {
      'META-INF/encryption.xml': ENCRYPTION(
        'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
        'OEBPS/text/c1.xhtml',
      ),
    })
    expect(await refused(write('drm.epub', encrypted))).toBe(
      'Cannot import "drm.epub": it is a DRM-protected book (META-INF/encryption.xml encrypts OEBPS/text/c1.xhtml); Gloss can only read EPUBs without DRM, such as those sold DRM-free or from public-domain libraries.',
    )
    const adobe = makeEpub(BOOK, { 'META-INF/rights.xml': '<rights/>' })
    expect(await refused(write('adobe.epub', adobe))).toMatch(
      /^Cannot import "adobe\.epub": it is a DRM-protected book \(Adobe DRM: META-INF\/rights\.xml\)/,
    )
  })

  it('a file that is not a zip, and a truncated one', async () => {
    expect(await refused(write('plain.epub', 'Not a book at all.\n'))).toBe(
      'Cannot import "plain.epub": it is not an EPUB: it is not a zip archive.',
    )
    const book = makeEpub(BOOK)
    expect(await refused(write('cut.epub', book.subarray(0, Math.floor(book.length / 2))))).toMatch(
      /^Cannot import "cut\.epub": it is not an EPUB: its zip archive is damaged or incomplete/,
    )
  })

  it('a zip without a package document', async () => {
    const noOpf = zip({
      mimetype: 'application/epub+zip',
      'OEBPS/text/c1.xhtml': '<html><body><p>Hi.</p></body></html>',
    })
    expect(await refused(write('no-opf.epub', noOpf))).toBe(
      'Cannot import "no-opf.epub": it is a zip archive without an EPUB package document (no .opf file and no META-INF/container.xml).',
    )
  })

  it('a book whose chapters hold no text', async () => {
    const empty = makeEpub({
      ...BOOK,
      chapters: [{ id: 'c1', title: 'Cover', body: '<img src="cover.jpg"/>' }],
      spine: ['c1'],
    })
    expect(await refused(write('empty.epub', empty))).toBe(
      'Cannot import "empty.epub": the book has no readable text in its chapters.',
    )
  })
})
