import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { GlossError } from '../shared/errors'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../shared/model'
import { openNotebook } from './notebook'
import { defaultSamplePath } from './paths'
import { GLOSS_APPLICATION_ID } from './store/open'
import { LATEST_SCHEMA_VERSION } from './store/schema'
import {
  articleText,
  openTempNotebook,
  tableCounts,
  tempDir,
  type TempNotebook,
} from './testing/tempNotebook'

const SIXTH_SENTENCE =
  'His camp has not responded to requests for comment on whether he plans to restart talks.'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook()
})
afterEach(() => nb.cleanup())

async function sample() {
  const [article] = await nb.call('listArticles', {})
  const detail = await nb.call('getArticle', { id: article!.id })
  return { ...detail, text: articleText(nb.notebook.db, detail.id) }
}

describe('the sample article', () => {
  test('is imported on first open as 11 paragraphs plus a quarantined "Login"', async () => {
    const article = await sample()
    expect(article.title).toBe('The story of Trump and Kim’s relationship began on a tense note')
    const visible = article.sections.filter((s) => s.kind !== 'quarantined')
    expect(visible).toHaveLength(11)
    expect(visible.every((s) => s.kind === 'paragraph')).toBe(true)
    const hidden = article.sections.filter((s) => s.kind === 'quarantined')
    expect(hidden.map((s) => [s.ordinal, s.text])).toEqual([[12, 'Login']])
    expect(article.hiddenCount).toBe(1)
    for (const s of article.sections) expect(article.text.slice(s.start, s.end)).toBe(s.text)
    expect(article.text).toContain('Kim’s') // typographic quotes kept
  })

  test('is not imported again into a notebook that was emptied', async () => {
    nb.reopen()
    expect(await nb.call('listArticles', {})).toHaveLength(1)
  })

  test('listSections hides quarantined sections unless asked', async () => {
    const article = await sample()
    expect(await nb.call('listSections', { articleId: article.id })).toHaveLength(11)
    expect(await nb.call('listSections', { articleId: article.id, includeQuarantined: true })).toHaveLength(
      12,
    )
  })

  test('quarantined sections are restored in one operation, and can be hidden again', async () => {
    const article = await sample()
    const restored = await nb.call('restoreSections', { articleId: article.id })
    expect(restored.map((s) => [s.ordinal, s.kind])).toEqual([[12, 'paragraph']])
    expect(await nb.call('listSections', { articleId: article.id })).toHaveLength(12)
    await nb.call('quarantineSections', { articleId: article.id, sectionIds: [restored[0]!.id] })
    expect(await nb.call('listSections', { articleId: article.id })).toHaveLength(11)
  })

  test('re-importing returns the same article and says so', async () => {
    const before = tableCounts(nb.notebook.db)
    const article = await sample()
    const again = await nb.call('importFile', { path: defaultSamplePath() })
    expect(again.duplicate).toBe(true)
    expect(again.article.id).toBe(article.id)
    expect(again.message).toMatch(/Already in the notebook/)
    expect(tableCounts(nb.notebook.db)).toEqual(before)
  })

  test('renaming is an operation', async () => {
    const article = await sample()
    const renamed = await nb.call('renameArticle', { id: article.id, title: '  Trump and Kim  ' })
    expect(renamed.title).toBe('Trump and Kim')
    await expect(nb.call('renameArticle', { id: article.id, title: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'title',
    })
  })
})

describe('search', () => {
  test('"Klingner" finds ¶10 and nothing quarantined', async () => {
    const { hits } = await nb.call('search', { query: 'Klingner' })
    const sections = hits.filter((h) => h.kind === 'section')
    expect(sections.map((h) => h.sectionOrdinal)).toEqual([10])
    expect(sections[0]!.snippet).toContain(`${SNIPPET_OPEN}Klingner${SNIPPET_CLOSE}`)
  })

  test('quarantined text is hidden from search unless asked for', async () => {
    expect((await nb.call('search', { query: 'login' })).hits).toEqual([])
    const { hits } = await nb.call('search', { query: 'login', includeQuarantined: true })
    expect(hits.map((h) => h.sectionOrdinal)).toEqual([12])
  })

  test('ranks, phrases, prefixes, OR and exclusions', async () => {
    const phrase = await nb.call('search', { query: '"Nobel Peace Prize"', kinds: ['section'] })
    expect(phrase.hits.map((h) => h.sectionOrdinal)).toEqual([10])
    const prefix = await nb.call('search', { query: 'Klingn*', kinds: ['section'] })
    expect(prefix.hits.map((h) => h.sectionOrdinal)).toEqual([10])
    const either = await nb.call('search', { query: 'Klingner OR Pacheco', kinds: ['section'] })
    expect(either.hits.map((h) => h.sectionOrdinal).sort()).toEqual([10, 6].sort())
    const excluded = await nb.call('search', { query: 'Kim -Klingner', kinds: ['section'] })
    expect(excluded.hits.map((h) => h.sectionOrdinal)).not.toContain(10)
    expect(excluded.hits.length).toBeGreaterThan(3)
    const ranks = excluded.hits.map((h) => h.rank)
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
  })

  test('user syntax never throws', async () => {
    for (const query of [
      '"',
      'Kim"',
      '*',
      '-',
      'OR',
      'AND',
      'NOT',
      '(',
      'Kim OR',
      'OR Kim',
      '"unterminated phrase',
      "Kim's",
      'a:b',
      '^x',
      'NEAR(a b)',
      '***',
      '—',
      '""',
      'x -',
    ]) {
      await expect(nb.call('search', { query })).resolves.toBeDefined()
    }
  })

  test('a search that only excludes is reported, not run', async () => {
    await expect(nb.call('search', { query: '-Kim' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'query',
    })
  })

  test('filters by article and tag', async () => {
    const article = await sample()
    await nb.call('createExcerpt', {
      articleId: article.id,
      quote: SIXTH_SENTENCE,
      comment: 'silence from the camp',
      tags: ['people/Trump'],
    })
    await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Bruce Klingner',
      comment: 'camp analyst',
    })
    const tagged = await nb.call('search', { query: 'camp', tag: 'people', kinds: ['excerpt'] })
    expect(tagged.hits).toHaveLength(1)
    expect(tagged.hits[0]!.sectionOrdinal).toBe(6)
    const elsewhere = await nb.call('search', { query: 'Klingner', articleId: 'no-such-article' })
    expect(elsewhere.hits).toEqual([])
  })
})

describe('excerpts', () => {
  test('a sentence of ¶6 is anchored to ¶6 with both selectors, and survives reopening', async () => {
    const article = await sample()
    const excerpt = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: SIXTH_SENTENCE,
      color: 'green',
    })
    const sixth = article.sections.find((s) => s.ordinal === 6)!
    expect(excerpt.sectionId).toBe(sixth.id)
    expect(excerpt.sectionOrdinal).toBe(6)
    expect(excerpt.quote.exact).toBe(SIXTH_SENTENCE)
    const start = article.text.indexOf(SIXTH_SENTENCE)
    expect(excerpt.position).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + SIXTH_SENTENCE.length,
    })
    expect(excerpt.quote.prefix).toBe(article.text.slice(start - 32, start))
    expect(excerpt.quote.suffix).toBe(
      article.text.slice(start + SIXTH_SENTENCE.length, start + SIXTH_SENTENCE.length + 32),
    )
    expect(excerpt.anchorStatus).toBe('anchored')

    nb.reopen()
    const [again] = await nb.call('listExcerpts', { articleId: article.id })
    expect(again).toEqual(excerpt)
  })

  test('created from offsets, trimmed of surrounding whitespace', async () => {
    const article = await sample()
    const start = article.text.indexOf('Bruce Klingner')
    const excerpt = await nb.call('createExcerpt', {
      articleId: article.id,
      start: start - 1,
      end: start + 15,
    })
    expect(excerpt.quote.exact).toBe('Bruce Klingner,')
    expect(excerpt.sectionOrdinal).toBe(10)
  })

  test('a missing or ambiguous quote is a clear error', async () => {
    const article = await sample()
    await expect(
      nb.call('createExcerpt', { articleId: article.id, quote: 'Kim Jong Il' }),
    ).rejects.toMatchObject({ code: 'quote_not_found' })
    await expect(nb.call('createExcerpt', { articleId: article.id, quote: 'Trump' })).rejects.toMatchObject({
      code: 'quote_ambiguous',
    })
    const withHint = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Trump',
      prefix:
        'Bruce Klingner, a former CIA analyst and expert on North Korea, suggested that Kim might view engagement with ',
    })
    expect(withHint.sectionOrdinal).toBe(10)
    await expect(nb.call('createExcerpt', { articleId: article.id })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'quote',
    })
    await expect(
      nb.call('createExcerpt', { articleId: article.id, quote: 'Kim', color: 'orange' as 'yellow' }),
    ).rejects.toMatchObject({ field: 'color' })
  })

  test('comment, color and tags are edited; delete and restore; trash emptied', async () => {
    const article = await sample()
    const excerpt = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: SIXTH_SENTENCE,
      tags: ['Diplomacy'],
    })
    const edited = await nb.call('updateExcerpt', {
      id: excerpt.id,
      comment: 'No answer, yet.',
      color: 'pink',
      tags: ['diplomacy', 'people/Kim Jong Un'],
    })
    expect(edited.comment).toBe('No answer, yet.')
    expect(edited.color).toBe('pink')
    expect(edited.tags.map((t) => t.name)).toEqual(['Diplomacy', 'people/Kim Jong Un'])
    await nb.call('deleteExcerpt', { id: excerpt.id })
    expect(await nb.call('listExcerpts', { articleId: article.id })).toEqual([])
    expect((await nb.call('search', { query: 'answer' })).hits).toEqual([])
    const restored = await nb.call('restoreExcerpt', { id: excerpt.id })
    expect(restored.deletedAt).toBeNull()
    expect(restored.tags).toHaveLength(2)
    await nb.call('deleteExcerpt', { id: excerpt.id })
    expect(await nb.call('emptyTrash', {})).toEqual({ excerpts: 1, notes: 0, articles: 0 })
    await expect(nb.call('restoreExcerpt', { id: excerpt.id })).rejects.toMatchObject({ code: 'not_found' })
  })

  test('excerpts are listed in reading order and filtered by tag and color', async () => {
    const article = await sample()
    await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Bruce Klingner',
      tags: ['people/Klingner'],
      color: 'blue',
    })
    await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Ramon Pacheco Pardo',
      tags: ['people/Pacheco Pardo'],
    })
    const all = await nb.call('listExcerpts', { articleId: article.id })
    expect(all.map((e) => e.sectionOrdinal)).toEqual([6, 10])
    expect((await nb.call('listExcerpts', { tag: 'people' })).length).toBe(2)
    expect((await nb.call('listExcerpts', { tag: 'PEOPLE/klingner' })).map((e) => e.quote.exact)).toEqual([
      'Bruce Klingner',
    ])
    expect((await nb.call('listExcerpts', { color: 'blue' })).map((e) => e.quote.exact)).toEqual([
      'Bruce Klingner',
    ])
  })
})

describe('tags', () => {
  test('unique case-insensitively, hierarchical, renamed with their children', async () => {
    const kim = await nb.call('createTag', { name: 'people/Kim Jong Un' })
    await expect(nb.call('createTag', { name: 'PEOPLE/kim jong un' })).rejects.toMatchObject({
      code: 'conflict',
    })
    const names = () => nb.call('listTags', {}).then((tags) => tags.map((t) => t.name))
    expect(await names()).toEqual(['people', 'people/Kim Jong Un'])
    const people = (await nb.call('listTags', {})).find((t) => t.name === 'people')!
    await nb.call('renameTag', { id: people.id, name: 'persons' })
    expect(await names()).toEqual(['persons', 'persons/Kim Jong Un'])
    expect((await nb.call('listTags', {})).find((t) => t.id === kim.id)!.name).toBe('persons/Kim Jong Un')
    await expect(nb.call('renameTag', { id: people.id, name: 'persons/sub' })).rejects.toMatchObject({
      field: 'name',
    })
    await expect(nb.call('createTag', { name: 'a//b' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'name',
    })
  })

  test('counts, merge and its undo, delete and its undo', async () => {
    const article = await sample()
    const a = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Bruce Klingner',
      tags: ['nk', 'north korea'],
    })
    const b = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Ramon Pacheco Pardo',
      tags: ['nk'],
    })
    const tags = await nb.call('listTags', {})
    const nk = tags.find((t) => t.name === 'nk')!
    const northKorea = tags.find((t) => t.name === 'north korea')!
    expect(nk.usageCount).toBe(2)

    const merged = await nb.call('mergeTags', { fromIds: [nk.id], intoId: northKorea.id })
    expect(merged.into.usageCount).toBe(2)
    expect(merged.addedTo).toEqual([b.id])
    await nb.call('restoreTags', {
      snapshots: merged.removed,
      untag: { tagId: northKorea.id, excerptIds: merged.addedTo },
    })
    expect((await nb.call('getExcerpt', { id: b.id })).tags.map((t) => t.name)).toEqual(['nk'])
    expect((await nb.call('getExcerpt', { id: a.id })).tags.map((t) => t.name)).toEqual(['nk', 'north korea'])

    const snapshots = await nb.call('deleteTag', { id: nk.id })
    expect((await nb.call('getExcerpt', { id: a.id })).tags.map((t) => t.name)).toEqual(['north korea'])
    await nb.call('restoreTags', { snapshots })
    expect((await nb.call('getExcerpt', { id: a.id })).tags.map((t) => t.id)).toContain(nk.id)

    const recolored = await nb.call('recolorTag', { id: nk.id, color: '#aa3300' })
    expect(recolored.color).toBe('#aa3300')
    await expect(nb.call('recolorTag', { id: nk.id, color: 'red' })).rejects.toMatchObject({ field: 'color' })
  })
})

describe('bad input changes nothing', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty.txt', '', /empty/],
    ['blank.md', '   \n\n  ', /empty|whitespace/],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), /binary/],
    ['latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x28, 0xc3, 0x28]), /UTF-8/],
    ['slides.pptx', 'PK fake', /unsupported/],
    ['paper.pdf', '%PDF-1.7 fake', /PDF is incomplete/],
    [
      'nothing.html',
      '<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>',
      /no readable text/,
    ],
  ]

  test.each(cases)('%s is refused with its name and reason', async (name, content, reason) => {
    const file = join(nb.dir, name)
    writeFileSync(file, content)
    const before = tableCounts(nb.notebook.db)
    const error = await nb.call('importFile', { path: file }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe('bad_file')
    expect((error as GlossError).message).toContain(name)
    expect((error as GlossError).message).toMatch(reason)
    expect(tableCounts(nb.notebook.db)).toEqual(before)
  })

  test('a file over 20 MB is refused before it is read', async () => {
    const file = join(nb.dir, 'huge.txt')
    writeFileSync(file, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'))
    const before = tableCounts(nb.notebook.db)
    await expect(nb.call('importFile', { path: file })).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(/huge\.txt.*20 MB/),
    })
    expect(tableCounts(nb.notebook.db)).toEqual(before)
  })

  test('a missing file and a folder are refused', async () => {
    await expect(nb.call('importFile', { path: join(nb.dir, 'gone.txt') })).rejects.toMatchObject({
      message: expect.stringContaining('gone.txt'),
    })
    await expect(nb.call('importFile', { path: nb.dir })).rejects.toMatchObject({
      message: expect.stringMatching(/folder/),
    })
  })

  test('an invalid call names the field', async () => {
    await expect(nb.call('getArticle', {} as { id: string })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'id',
    })
    await expect(nb.call('updateExcerpt', { id: 'x', unknown: 1 } as never)).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })
})

describe('the database file', () => {
  const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

  test('a notebook from a future version is refused and left untouched', () => {
    const path = join(tempDir(), 'future.db')
    const db = new Database(path)
    db.pragma('journal_mode = DELETE')
    db.exec('CREATE TABLE from_the_future (x)')
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.pragma(`application_id = ${GLOSS_APPLICATION_ID}`)
    db.close()
    const before = fileHash(path)
    expect(() => openNotebook({ path })).toThrow(/newer Gloss/)
    try {
      openNotebook({ path })
    } catch (error) {
      expect((error as GlossError).code).toBe('future_schema')
    }
    expect(fileHash(path)).toBe(before)
  })

  test("another application's database is refused untouched", () => {
    const path = join(tempDir(), 'other.db')
    const db = new Database(path)
    db.exec('CREATE TABLE contacts (name)')
    db.close()
    const before = fileHash(path)
    expect(() => openNotebook({ path })).toThrow(/not a Gloss notebook/)
    expect(fileHash(path)).toBe(before)
  })

  test('uses WAL and foreign keys', () => {
    expect(nb.notebook.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(nb.notebook.db.pragma('foreign_keys', { simple: true })).toBe(1)
  })
})
