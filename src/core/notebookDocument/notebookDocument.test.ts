import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { NotebookImportReport, SectionLayout } from '../../shared/model'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'
import { renderExport } from '../export'
import { generatorName } from '../export/version'
import { notebookDocumentSchema, type NotebookDocument } from './schema'
import { IDS, openSampleNotebook, type SampleNotebook } from '../testing/sampleNotebook'
import type { Db } from '../store/open'
import { NOTEBOOK_VERSION } from './upgrade'

/** The tables the document carries (derived ones, analyses and sync state, are rebuilt by their owners). */
const DOCUMENT_TABLES = [
  'articles',
  'sections',
  'media',
  'versions',
  'excerpts',
  'excerpt_tags',
  'tags',
  'notes',
  'note_links',
]

/** Those tables, row by row (without seq), and the order of their rows by seq, to compare two notebooks. */
function dump(db: Db): Record<string, { rows: string[]; order: string[] }> {
  return Object.fromEntries(
    DOCUMENT_TABLES.map((t) => {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]
      const hasSeq = columns.includes('seq')
      const rows = db.prepare(`SELECT * FROM "${t}"${hasSeq ? ' ORDER BY seq' : ''}`).all() as Array<
        Record<string, unknown>
      >
      const plain = rows.map(({ seq: _seq, ...rest }) => JSON.stringify(rest))
      return [t, { rows: [...plain].sort(), order: hasSeq ? plain : [] }]
    }),
  )
}

const MAPS_V2 = `---
title: Maps and territories
author: Jane Doe, John Smith
date: 2024-11-05
---

# Maps and territories

A map is never the territory, and a model is not the world.

Every summary leaves something out: that is what makes it useful.
`

const ARTICLE_HTML = `<!DOCTYPE html><html><head><title>Rivers</title><meta name="author" content="Ana Lima"></head>
<body><article><h1>Rivers</h1><p>Rivers carve <em>valleys</em> slowly.</p><h2>Deltas</h2><p>Deltas form where rivers meet the sea.</p>
<p>Login</p></article></body></html>`

let source: SampleNotebook
let target: TempNotebook
beforeEach(async () => {
  source = await openSampleNotebook()
  await source.call('importContent', { content: ARTICLE_HTML, fileName: 'rivers.html' })
  target = openTempNotebook({ samplePath: null })
})
afterEach(() => {
  source.cleanup()
  target.cleanup()
})

const exportDocument = (nb: TempNotebook = source): NotebookDocument =>
  JSON.parse(
    renderExport(nb.notebook.db, { scope: { kind: 'notebook' }, format: 'json' }).content,
  ) as NotebookDocument

const counts = (articles: number, sections: number, excerpts: number, tags: number, notes: number) => ({
  articles,
  sections,
  excerpts,
  tags,
  notes,
})
const none = counts(0, 0, 0, 0, 0)

describe('the Gloss notebook document', () => {
  test('is versioned, validates against its own schema, and leaves the trash out', () => {
    const doc = exportDocument()
    expect(doc).toMatchObject({ format: 'gloss-notebook', version: 2, generator: generatorName() })
    expect(notebookDocumentSchema.safeParse(doc).success).toBe(true)
    expect(doc.articles.map((a) => a.title)).toEqual([
      'The story of Trump and Kim’s relationship began on a tense note',
      'Maps and territories',
      'Rivers',
    ])
    // quarantined sections travel with their article (its text and ordinals need them), marked
    expect(
      doc.articles[0]!.sections.filter((s) => s.kind === 'quarantined').map((s) => [
        s.ordinal,
        s.text,
        s.baseKind,
      ]),
    ).toEqual([[12, 'Login', 'paragraph']])
    expect(doc.articles[2]!.contentHtml).toContain('<em>valleys</em>')
    expect(doc.excerpts.map((e) => e.id)).toEqual([IDS.summits, IDS.silence, IDS.klingner, IDS.maps])
    expect(doc.excerpts[1]!.tags.map((t) => t.name)).toEqual(['open questions', 'people/Trump'])
    expect(doc.notes.map((n) => n.id)).toEqual([IDS.note, IDS.otherNote])
    expect(JSON.stringify(doc)).not.toContain('TRASHED')
    expect(doc.noteLinks.filter((l) => l.noteId === IDS.note)).toEqual([
      {
        noteId: IDS.note,
        targetType: 'section',
        targetId: source.article.sections[3]!.id,
        articleId: source.article.id,
      },
      { noteId: IDS.note, targetType: 'excerpt', targetId: IDS.silence, articleId: source.article.id },
    ])
  })
})

describe('importNotebook', () => {
  test('carries an article’s versions, its captions, and whether each excerpt is still verbatim', async () => {
    await source.call('importContent', {
      content: `<!DOCTYPE html><html><head><title>Deltas</title></head><body><article><h1>Deltas</h1>
        <p>Deltas form where rivers meet the sea, and they move.</p>
        <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><figcaption>The Nile delta from orbit.</figcaption></figure>
        <p>Their shape follows the tides and the sediment the river carries.</p></article></body></html>`,
      fileName: 'deltas.html',
    })
    await source.call('importVersion', {
      articleId: source.maps.id,
      content: MAPS_V2,
      fileName: 'maps.md',
    })
    const [excerpt] = await source.call('listExcerpts', { articleId: source.maps.id })
    expect(excerpt!.verbatim).toBe(false) // the quote's words changed in version 2
    // kept as the old quote: out of the review queue (reviewed), still not verbatim
    await source.call('resolveReview', { excerptId: IDS.maps, action: 'keepOrphan' })

    const doc = exportDocument()
    const maps = doc.articles.find((a) => a.id === source.maps.id)!
    expect(maps.version).toBe(2)
    expect(maps.versions.map((v) => v.number)).toEqual([1])
    expect(maps.versions[0]!.text).toContain('The map is not the territory, and a model')
    const deltas = doc.articles.find((a) => a.title === 'Deltas')!
    expect(deltas.sections.filter((s) => s.role === 'caption').map((s) => s.text)).toEqual([
      'The Nile delta from orbit.',
    ])
    expect(doc.excerpts.find((e) => e.id === IDS.maps)).toMatchObject({
      verbatim: false,
      reviewedAt: expect.any(String),
    })

    // the picture before the caption travels with the article (schema 10)
    const caption = deltas.sections.find((s) => s.role === 'caption')!
    const picture = (caption.layout as SectionLayout).images![0]!
    expect(deltas.media).toEqual([
      { id: picture.mediaId, mime: 'image/gif', sha256: expect.any(String), base64: 'R0lGODlhAQABAAAAACw=' },
    ])

    await source.call('emptyTrash', {})
    await target.call('importNotebook', { document: exportDocument() })
    expect(dump(target.notebook.db)).toEqual(dump(source.notebook.db))
    expect((await target.call('listVersions', { articleId: source.maps.id })).length).toBe(2)
    expect(await target.call('getMedia', { id: picture.mediaId! })).toEqual({
      mime: 'image/gif',
      base64: 'R0lGODlhAQABAAAAACw=',
    })
  })

  test('imports a document an earlier Gloss wrote (version 1), upgraded on the way', async () => {
    const file = fileURLToPath(new URL('./fixtures/notebook-v1.gloss.json', import.meta.url))
    const old = JSON.parse(readFileSync(file, 'utf8')) as { version: number; excerpts: object[] }
    expect(old.version).toBe(1)
    expect(old.excerpts[0]).not.toHaveProperty('verbatim')
    const report = await target.call('importNotebook', { path: file })
    expect(report.added).toMatchObject({ articles: 2, excerpts: 4, notes: 2 })
    const doc = exportDocument(target)
    expect(doc.version).toBe(2)
    expect(doc.articles.map((a) => [a.version, a.versions.length])).toEqual([
      [1, 0],
      [1, 0],
    ])
    expect(doc.articles.flatMap((a) => a.sections).every((s) => s.role === null)).toBe(true)
    expect(doc.excerpts.map((e) => [e.verbatim, e.reviewedAt])).toEqual(Array(4).fill([true, null]))
    expect(doc.excerpts.map((e) => e.quote.exact)).toEqual(
      (old.excerpts as Array<{ quote: { exact: string } }>).map((e) => e.quote.exact),
    )
  })

  test('into an empty notebook reproduces it exactly, table by table', async () => {
    await source.call('emptyTrash', {})
    const doc = exportDocument()
    const report = await target.call('importNotebook', { document: doc })
    const sections = doc.articles.reduce((n, a) => n + a.sections.length, 0)
    expect(report).toEqual<NotebookImportReport>({
      added: counts(3, sections, 4, 7, 2),
      skipped: none,
      updated: none,
      mappedTags: [],
      mappedArticles: [],
    })
    expect(dump(target.notebook.db)).toEqual(dump(source.notebook.db))
    // the full-text index followed the inserts
    const hits = await target.call('search', { query: 'Klingner' })
    expect(hits.hits.map((h) => h.kind).sort()).toEqual(['excerpt', 'section'])
    expect(
      (await target.call('getBacklinks', { articleId: source.article.id })).excerpts[IDS.silence],
    ).toEqual([{ id: IDS.note, title: 'Kim, Trump and the next round' }])

    // and again: nothing is duplicated, nothing changes
    const again = await target.call('importNotebook', { document: doc })
    expect(again.added).toEqual(none)
    expect(again.skipped).toEqual(counts(3, sections, 4, 7, 2))
    expect(dump(target.notebook.db)).toEqual(dump(source.notebook.db))
  })

  test('reads a document file written by the export operation', async () => {
    const file = join(source.dir, 'notebook.gloss.json')
    const written = await source.call('export', { scope: { kind: 'notebook' }, format: 'json', path: file })
    expect(written).toMatchObject({ path: file, files: 1 })
    const report = await target.call('importNotebook', { path: file })
    expect(report.added.excerpts).toBe(4)
    writeFileSync(join(source.dir, 'broken.json'), '{ "format": "gloss-notebook", ')
    await expect(
      target.call('importNotebook', { path: join(source.dir, 'broken.json') }),
    ).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(/not valid JSON/),
    })
    await expect(target.call('importNotebook', {})).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'path',
    })
  })

  test('merges into a notebook with content: adds, never duplicates, keeps newer local edits', async () => {
    // the target starts as a copy, then both sides edit
    await target.call('importNotebook', { document: exportDocument() })
    await target.call('updateExcerpt', { id: IDS.silence, comment: 'edited here, later' })
    await target.call('deleteExcerpt', { id: IDS.summits })
    await source.call('updateExcerpt', {
      id: IDS.klingner,
      comment: 'edited there',
      tags: ['people/Klingner', 'sources'],
    })
    await source.call('renameNote', { id: IDS.otherNote, title: 'Loose ends (revised)' })
    await source.call('createExcerpt', {
      id: '00000000-0000-4000-8000-0000000000f1',
      articleId: source.maps.id,
      quote: 'Every summary leaves something out',
    })
    const localNote = await target.call('createNote', { title: 'Only here' })
    const before = tableCounts(target.notebook.db)

    const report = await target.call('importNotebook', { document: exportDocument() })
    expect(report.added).toEqual(counts(0, 0, 1, 1, 0))
    expect(report.updated).toEqual(counts(0, 0, 1, 0, 1))
    expect(report.skipped).toEqual(counts(3, expect.any(Number) as unknown as number, 3, 7, 1))

    // the document's newer edits arrived
    expect(await target.call('getExcerpt', { id: IDS.klingner })).toMatchObject({
      comment: 'edited there',
      tags: [
        expect.objectContaining({ name: 'people/Klingner' }),
        expect.objectContaining({ name: 'sources' }),
      ],
    })
    expect((await target.call('getNote', { id: IDS.otherNote })).title).toBe('Loose ends (revised)')
    // the local ones, made later, were kept: the edit and the deletion
    expect((await target.call('getExcerpt', { id: IDS.silence })).comment).toBe('edited here, later')
    expect((await target.call('getExcerpt', { id: IDS.summits })).deletedAt).not.toBeNull()
    expect((await target.call('getNote', { id: localNote.id })).title).toBe('Only here')
    expect(tableCounts(target.notebook.db)).toMatchObject({
      excerpts: before.excerpts! + 1,
      notes: before.notes,
      articles: before.articles,
    })
  })

  test('an article already here under another id (the same text) is matched, and its excerpts and notes follow', async () => {
    const other = openTempNotebook() // has the bundled sample, under its own ids
    try {
      const [local] = await other.call('listArticles', {})
      await other.call('createTag', { name: 'PLACES' }) // clashes with "places" case-insensitively
      const localPlaces = (await other.call('listTags', {})).find((t) => t.name === 'PLACES')!
      const report = await other.call('importNotebook', { document: exportDocument() })
      expect(report.mappedArticles).toEqual([
        { id: source.article.id, title: source.article.title, toId: local!.id },
      ])
      expect(report.mappedTags).toEqual([
        expect.objectContaining({ name: 'places', toId: localPlaces.id, toName: 'PLACES' }),
      ])
      expect(report.added.articles).toBe(2)

      const excerpt = await other.call('getExcerpt', { id: IDS.silence })
      expect(excerpt).toMatchObject({
        articleId: local!.id,
        sectionOrdinal: 6,
        quote: { exact: source.excerpts.silence.quote.exact },
      })
      const summits = await other.call('getExcerpt', { id: IDS.summits })
      expect(summits.tags.map((t) => t.id)).toContain(localPlaces.id)
      // the note's chip and card now point at the local article and section
      const backlinks = await other.call('getBacklinks', { articleId: local!.id })
      const localSection6 = (await other.call('listSections', { articleId: local!.id }))[3]!
      expect(backlinks.sections[localSection6.id]).toEqual([
        { id: IDS.note, title: 'Kim, Trump and the next round' },
      ])
      expect(backlinks.excerpts[IDS.silence]).toEqual([
        { id: IDS.note, title: 'Kim, Trump and the next round' },
      ])
      expect((await other.call('listArticles', {})).map((a) => a.title).sort()).toEqual([
        'Maps and territories',
        'Rivers',
        source.article.title,
      ])
    } finally {
      other.cleanup()
    }
  })

  describe('refuses an invalid document, naming the bad field, and changes nothing', () => {
    const cases: Array<[string, (doc: NotebookDocument) => unknown, string, string?]> = [
      [
        'a section id no article has',
        (d) => ((d.excerpts[1]!.sectionId = 'nope'), d),
        'document.excerpts.1.sectionId',
      ],
      [
        'a negative offset',
        (d) => ((d.articles[0]!.sections[2]!.start = -1), d),
        'document.articles.0.sections.2.start',
      ],
      [
        'a section whose text is not at its offsets',
        (d) => ((d.articles[1]!.sections[0]!.text = 'changed'), d),
        'document.articles.1.sections.0.text',
      ],
      [
        'edited article text',
        (d) => ((d.articles[0]!.text += ' more'), d),
        'document.articles.0.contentHash',
      ],
      [
        'an unknown color',
        (d) => ((d.excerpts[0]!.color = 'orange' as 'yellow'), d),
        'document.excerpts.0.color',
      ],
      [
        'a tag missing from the tag list',
        (d) => ((d.excerpts[0]!.tags[0]!.id = 'ghost'), d),
        'document.excerpts.0.tags.0.id',
      ],
      [
        'two tags with one name',
        (d) => (d.tags.push({ ...d.tags[0]!, id: 'x', name: d.tags[0]!.name.toUpperCase() }), d),
        'document.tags.7.name',
      ],
      [
        'note content that is not a note',
        (d) => ((d.notes[1]!.content = { root: { type: 'root', children: [{ type: 'bogus' }] } }), d),
        'document.notes.1.content',
      ],
      ['a missing list', (d) => ({ ...d, notes: undefined }), 'document.notes'],
      ['another format', (d) => ({ ...d, format: 'something-else' }), 'document.format'],
      [
        'a newer version',
        (d) => ({ ...d, version: NOTEBOOK_VERSION + 1 }),
        'document.version',
        'future_schema',
      ],
    ]
    test.each(cases)('%s', async (_name, spoil, field, code = 'invalid_input') => {
      await target.call('createTag', { name: 'already here' })
      const before = dump(target.notebook.db)
      const error = await target.call('importNotebook', { document: spoil(exportDocument()) }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toMatchObject({ code, field })
      expect((error as Error).message).toContain(field.replace(/^document\./, ''))
      expect(dump(target.notebook.db)).toEqual(before)
    })
  })
})

describe('layouts and pictures from a document (untrusted)', () => {
  const GIF = 'R0lGODlhAQABAAAAACw='
  const GIF_SHA = '8f5a2ad8a07f5b4a7dc4d4b8b2a8b0a1ae2c0d4e9c6a5f1c4b3e2d1a0f9e8d7c'

  /** The sample's document with its first paragraph given `layout` and its article `media`. */
  function withLayout(layout: unknown, media?: unknown): unknown {
    const doc = exportDocument() as unknown as {
      articles: Array<{ id: string; media?: unknown; sections: Array<{ kind: string; layout?: unknown }> }>
    }
    const article = doc.articles.find((a) => a.id === source.article.id)!
    article.sections.find((s) => s.kind === 'paragraph')!.layout = layout
    if (media !== undefined) article.media = media
    return doc
  }

  test('a valid layout with a picture is stored and read back', async () => {
    const { createHash } = await import('node:crypto')
    const sha256 = createHash('sha256').update(Buffer.from(GIF, 'base64')).digest('hex')
    const id = '01890a5d-ac96-774b-bcce-b302099a8057'
    const doc = withLayout(
      { marks: [{ type: 'em', start: 0, end: 3 }], images: [{ mediaId: id, alt: 'dot' }] },
      [{ id, mime: 'image/gif', sha256, base64: GIF }],
    )
    await target.call('importNotebook', { document: doc as never })
    const article = await target.call('getArticle', { id: source.article.id })
    const section = article.sections.find((s) => s.layout !== null)!
    expect(section.layout).toEqual({
      marks: [{ type: 'em', start: 0, end: 3 }],
      images: [{ mediaId: id, alt: 'dot' }],
    })
    expect((await target.call('getMedia', { id })).base64).toBe(GIF)
  })

  test.each([
    [
      'a mark past the text',
      { marks: [{ type: 'em', start: 0, end: 1e6 }] },
      undefined,
      /is not within the text/,
    ],
    ['an unknown block', { block: { type: 'poem' } }, undefined, /layout/],
    [
      'a javascript: link',
      { marks: [{ type: 'link', start: 0, end: 3, href: 'javascript:alert(1)' }] },
      undefined,
      /http, https or mailto/,
    ],
    [
      'a picture not in the media',
      { images: [{ mediaId: 'nope', alt: '' }] },
      undefined,
      /no picture "nope"/,
    ],
    [
      'media whose bytes are not their hash',
      {},
      [{ id: 'm1', mime: 'image/gif', sha256: GIF_SHA, base64: GIF }],
      /do not match its sha256/,
    ],
    [
      'media that is no picture',
      {},
      [{ id: 'm1', mime: 'image/png', sha256: GIF_SHA, base64: Buffer.from('<svg/>').toString('base64') }],
      /not a png, jpeg, gif or webp/,
    ],
  ])('refuses %s, naming where, with nothing written', async (_what, layout, media, message) => {
    const before = tableCounts(target.notebook.db)
    await expect(
      target.call('importNotebook', { document: withLayout(layout, media) as never }),
    ).rejects.toThrow(message)
    expect(tableCounts(target.notebook.db)).toEqual(before)
  })
})
