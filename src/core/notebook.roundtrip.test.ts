/**
 * Whatever the contract accepts, the notebook's own JSON export brings back: after a series of
 * calls with odd-but-valid data (astral characters, CRLF, nested unicode tags, a restored tag
 * with an unusual but real timestamp, odd publication dates, hostile metadata in a page), the
 * export re-imports into an empty notebook, and exporting that gives the same document.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import { isoDateLike } from '../shared/formats'
import { normalizeDate } from './import/metadata'
import { parseNotebookDocument } from './notebookDocument/schema'
import { openTempNotebook, type TempNotebook } from './testing/tempNotebook'

let source: TempNotebook
let target: TempNotebook
beforeEach(() => {
  source = openTempNotebook()
  target = openTempNotebook({ samplePath: null })
})
afterEach(() => {
  source.cleanup()
  target.cleanup()
})

const exportJson = async (nb: TempNotebook) =>
  JSON.parse((await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'json' })).content) as {
    exportedAt: string
    articles: Array<{ title: string; sourceUrl: string | null; publishedAt: string | null }>
  } & Record<string, unknown>

test('the JSON export re-imports after odd-but-valid contract calls', async () => {
  const call = source.call
  const astral = await call('importContent', {
    content:
      '𝔊𝔩𝔬𝔰𝔰 👩‍🔬 notes\r\n\r\nA paragraph with 😀 emoji, a zero\u200dwidth joiner, and “quotes”.\r\n\r\nÜmlaut ünd ß, 中文, עברית.',
    format: 'text',
    fileName: 'odd name (1).txt',
    sourceUrl: 'https://example.com/ü/päge?q=1&r=ä#frag',
  })
  // a page whose canonical link is javascript:, with two kinds of odd dates
  const page = await call('importContent', {
    content: `<!DOCTYPE html><html><head><title>Hostile page</title>
      <link rel="canonical" href="javascript:alert(1)">
      <meta property="article:published_time" content="2018-06-12 10:00"></head>
      <body><article><p>${'A sentence of the hostile page that Readability will want to keep. '.repeat(8)}</p></article></body></html>`,
    format: 'html',
  })
  await call('importContent', {
    content: `<html><head><meta name="date" content="June 12, 2018 10:00 UTC"></head><body><article><p>${'Another page with a date in words, kept for the record. '.repeat(8)}</p></article></body></html>`,
    format: 'html',
  })

  const articleId = astral.article.id
  const sections = await call('listSections', { articleId })
  await call('renameArticle', { id: articleId, title: '  𝔊𝔩𝔬𝔰𝔰, renamed 👩‍🔬  ' })
  const excerpt = await call('createExcerpt', {
    articleId,
    quote: '😀 emoji',
    comment: 'line one\nline "two"\n</script><b>three</b>',
    tags: ['people/Kim Jong-un/👤', 'Ünïcödé'],
    color: 'green',
  })
  await call('createExcerpt', { articleId, start: sections[1]!.start, end: sections[1]!.start + 3 })
  const [firstTag] = await call('listTags', {})
  await call('recolorTag', { id: firstTag!.id, color: '#ABCDEF' })
  const deleted = await call('deleteTag', { id: firstTag!.id })
  // undo with an odd but real timestamp: a leap day, nanoseconds, UTC+14
  await call('restoreTags', {
    snapshots: deleted.map((s) => ({ ...s, createdAt: '2024-02-29T23:59:59.999999999+14:00' })),
  })
  await call('createNote', { title: '   a note with 🧪 in its title   ' })
  await call('quarantineSections', {
    articleId: page.article.id,
    sectionIds: [(await call('listSections', { articleId: page.article.id }))[0]!.id],
  })
  await call('deleteExcerpt', { id: excerpt.id })
  await call('restoreExcerpt', { id: excerpt.id })

  const document = await exportJson(source)
  expect(() => parseNotebookDocument(document)).not.toThrow()
  const hostile = document.articles.find((a) => a.title === 'Hostile page')!
  expect(hostile.sourceUrl).toBeNull() // the javascript: canonical link was dropped
  expect(hostile.publishedAt).toBe('2018-06-12 10:00')

  const report = await target.call('importNotebook', { document })
  expect(report.added).toMatchObject({ articles: 4, excerpts: 2, notes: 1 })
  const again = await exportJson(target)
  expect({ ...again, exportedAt: null, generator: null }).toEqual({
    ...document,
    exportedAt: null,
    generator: null,
  })
})

test('values the contract refuses never reach the export', async () => {
  const tag = await source.call('createTag', { name: 'people' })
  const [snapshot] = await source.call('deleteTag', { id: tag.id })
  await expect(
    source.call('restoreTags', { snapshots: [{ ...snapshot!, createdAt: 'blue' }] }),
  ).rejects.toMatchObject({ code: 'invalid_input', field: 'snapshots.0.createdAt' })
  await expect(
    source.call('importContent', { content: 'Some text.', sourceUrl: 'javascript:alert(document.cookie)' }),
  ).rejects.toMatchObject({ code: 'invalid_input', field: 'sourceUrl' })
  const document = await exportJson(source)
  expect((await target.call('importNotebook', { document })).added.articles).toBe(1)
})

test('every publication date the importer keeps passes the notebook JSON schema', () => {
  for (const raw of [
    '2024-03-05',
    '2018-06-12 10:00',
    '2018-06-12T10:00:00+0000',
    'June 12, 2018',
    '12 Jun 2018 10:00 GMT',
    'Tue, 12 Jun 2018 10:00:00 +0200',
  ]) {
    const kept = normalizeDate(raw)
    expect(kept).not.toBeNull()
    expect(isoDateLike.safeParse(kept).success).toBe(true)
  }
})
