import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedEditorState } from 'lexical'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Excerpt } from '../shared/model'
import { $createExcerptCardNode, $createSectionLinkNode, NOTE_NODES } from '../shared/notes/nodes'
import { openTempNotebook, tableCounts, type TempNotebook } from './testing/tempNotebook'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook()
})
afterEach(() => nb.cleanup())

const sample = async () => (await nb.call('listArticles', {}))[0]!

/** A note with a section link and a card for `excerpt`. */
function noteCiting(excerpt: Excerpt, sectionId: string): SerializedEditorState {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      root.clear()
      root.append(
        $createParagraphNode().append(
          $createTextNode('On '),
          $createSectionLinkNode({
            articleId: excerpt.articleId,
            sectionId,
            ordinal: excerpt.sectionOrdinal,
          }),
        ),
        $createExcerptCardNode({
          excerptId: excerpt.id,
          articleId: excerpt.articleId,
          ordinal: excerpt.sectionOrdinal,
          snapshot: { quote: excerpt.quote.exact, color: excerpt.color, comment: excerpt.comment, tags: [] },
        }),
        $createParagraphNode(),
      )
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON()
}

async function importText(text: string, fileName: string) {
  return (await nb.call('importContent', { content: text, fileName, format: 'text' })).article
}

describe('the trash', () => {
  test('a deleted article leaves every list with its excerpts; restore brings back exactly those', async () => {
    const article = await sample()
    const kept = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Bruce Klingner',
      tags: ['people/Klingner'],
    })
    const other = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Duyeon Kim',
      tags: ['people/Kim'],
    })
    const alreadyDeleted = await nb.call('createExcerpt', {
      articleId: article.id,
      quote: 'Ramon Pacheco Pardo',
    })
    await nb.call('deleteExcerpt', { id: alreadyDeleted.id })
    const second = await importText('A second article about Seoul.\nIt mentions Klingner once.', 'second.txt')
    const elsewhere = await nb.call('createExcerpt', {
      articleId: second.id,
      quote: 'Klingner',
      tags: ['people/Klingner'],
    })
    const sections = await nb.call('listSections', { articleId: article.id })
    const note = await nb.call('createNote', {
      title: 'Citing it',
      content: noteCiting(kept, sections[9]!.id),
    })

    const trashed = await nb.call('deleteArticle', { id: article.id })
    expect(trashed.deletedAt).not.toBeNull()
    expect((await nb.call('listArticles', {})).map((a) => a.id)).toEqual([second.id])
    expect((await nb.call('listArticles', { inTrash: true })).map((a) => [a.id, a.excerptCount])).toEqual([
      [article.id, 0],
    ])
    expect((await nb.call('listExcerpts', {})).map((e) => e.id)).toEqual([elsewhere.id])
    const tags = Object.fromEntries(
      (await nb.call('listTags', {})).map((t) => [t.name, [t.usageCount, t.totalCount]]),
    )
    expect(tags).toEqual({ people: [0, 1], 'people/Klingner': [1, 1], 'people/Kim': [0, 0] })
    const hits = await nb.call('search', { query: 'Klingner' })
    expect(new Set(hits.hits.map((h) => h.articleId))).toEqual(new Set([second.id, null]))
    expect((await nb.call('search', { query: 'Pyongyang' })).hits.filter((h) => h.kind !== 'note')).toEqual(
      [],
    )
    const info = await nb.call('notebookInfo', {})
    expect(info).toMatchObject({ articleCount: 1, excerptCount: 1, deletedCount: 4 }) // 3 excerpts + the article

    // notes keep their links; the source says where it is
    expect((await nb.call('getBacklinks', { articleId: article.id })).source).toBe('trashed')
    expect((await nb.call('getNote', { id: note.id })).sources).toEqual([
      { articleId: article.id, title: article.title, state: 'trashed' },
    ])
    // nothing is written to a trashed article; its excerpts come back only with it
    const counts = tableCounts(nb.notebook.db)
    await expect(nb.call('createExcerpt', { articleId: article.id, quote: 'Seoul' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'articleId',
    })
    await expect(nb.call('restoreExcerpt', { id: other.id })).rejects.toMatchObject({ code: 'conflict' })
    await expect(nb.call('updateArticle', { id: article.id, title: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(
      nb.call('quarantineSections', { articleId: article.id, sectionIds: [sections[0]!.id] }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'articleId' })
    expect(tableCounts(nb.notebook.db)).toEqual(counts)
    // importing its content again says where it is
    const again = await nb.call('importContent', {
      content: (await nb.call('getVersion', { articleId: article.id, number: 1 })).text,
      format: 'text',
    })
    expect(again.duplicate).toBe(true)
    expect(again.message).toContain('in the trash')

    const restored = await nb.call('restoreArticle', { id: article.id })
    expect(restored).toMatchObject({ deletedAt: null, excerptCount: 2 })
    const live = (await nb.call('listExcerpts', { articleId: article.id })).map((e) => e.id)
    expect(live.sort()).toEqual([kept.id, other.id].sort())
    expect((await nb.call('getExcerpt', { id: alreadyDeleted.id })).deletedAt).not.toBeNull()
    expect((await nb.call('getBacklinks', { articleId: article.id })).source).toBe('live')
  })

  test('emptyTrash removes a trashed article for good; the notes keep their cards and say it is gone', async () => {
    const article = await sample()
    const excerpt = await nb.call('createExcerpt', { articleId: article.id, quote: 'Bruce Klingner' })
    const sections = await nb.call('listSections', { articleId: article.id })
    const note = await nb.call('createNote', {
      title: 'Keeps its quote',
      content: noteCiting(excerpt, sections[9]!.id),
    })
    await nb.call('deleteArticle', { id: article.id })
    expect(await nb.call('emptyTrash', {})).toEqual({ excerpts: 1, notes: 0, articles: 1 })
    expect(tableCounts(nb.notebook.db)).toMatchObject({ articles: 0, sections: 0, excerpts: 0, versions: 0 })
    await expect(nb.call('getArticle', { id: article.id })).rejects.toMatchObject({ code: 'not_found' })
    const backlinks = await nb.call('getBacklinks', { articleId: article.id })
    expect(backlinks.source).toBe('gone')
    const saved = await nb.call('getNote', { id: note.id })
    expect(saved.sources).toEqual([{ articleId: article.id, title: null, state: 'gone' }])
    expect(saved.text).toContain('“Bruce Klingner” — ¶10')
    await expect(nb.call('getBacklinks', { articleId: 'no-such-article' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})

describe('hiding sections', () => {
  test('by hand: "hidden by you"; the importer’s reason is kept through unhide and hide again', async () => {
    const article = await sample()
    const all = await nb.call('listSections', { articleId: article.id, includeQuarantined: true })
    const [hidden] = await nb.call('quarantineSections', { articleId: article.id, sectionIds: [all[2]!.id] })
    expect(hidden).toMatchObject({ ordinal: 3, kind: 'quarantined', quarantineReason: 'hidden by you' })
    const login = all[11]!
    const importerReason = login.quarantineReason
    expect(importerReason).not.toBeNull()
    expect(importerReason).not.toBe('hidden by you')
    const [shown] = await nb.call('restoreSections', { articleId: article.id, sectionIds: [login.id] })
    expect(shown).toMatchObject({ kind: 'paragraph', quarantineReason: importerReason })
    const [again] = await nb.call('quarantineSections', { articleId: article.id, sectionIds: [login.id] })
    expect(again).toMatchObject({ kind: 'quarantined', quarantineReason: importerReason })
    const summary = (await nb.call('listArticles', {}))[0]!
    expect(summary.hiddenCount).toBe(2)
    expect(summary.sectionCount - summary.hiddenCount).toBe(
      (await nb.call('listSections', { articleId: article.id })).length,
    )
  })
})

describe('editing an article’s details', () => {
  test('title, byline, published date and source address; null clears; bad inputs refused, nothing written', async () => {
    const article = await sample()
    const edited = await nb.call('updateArticle', {
      id: article.id,
      title: '  Trump and Kim  ',
      byline: 'A. Reporter',
      publishedAt: '2024-11-05',
      sourceUrl: 'https://example.com/trump-kim',
    })
    expect(edited).toMatchObject({
      title: 'Trump and Kim',
      byline: 'A. Reporter',
      publishedAt: '2024-11-05',
      sourceUrl: 'https://example.com/trump-kim',
    })
    expect(
      await nb.call('updateArticle', { id: article.id, byline: null, publishedAt: '2024-11-05T08:30:00Z' }),
    ).toMatchObject({
      title: 'Trump and Kim',
      byline: null,
      publishedAt: '2024-11-05T08:30:00Z',
    })
    expect((await nb.call('renameArticle', { id: article.id, title: 'Renamed' })).title).toBe('Renamed')
    expect((await nb.call('search', { query: 'Renamed', kinds: ['article'] })).hits).toHaveLength(1)

    const before = await nb.call('getArticle', { id: article.id })
    const refused: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ publishedAt: '2024-02-30' }, 'publishedAt', /day that does not exist/],
      [{ publishedAt: 'last Tuesday' }, 'publishedAt', /ISO 8601 date/],
      [{ sourceUrl: 'javascript:alert(1)' }, 'sourceUrl', /http:\/\/ or https:\/\//],
      [{ sourceUrl: 'not a url' }, 'sourceUrl', /not a web address/],
      [{ title: '   ' }, 'title', /title is empty/],
      [{ byline: 'x'.repeat(501) }, 'byline', /longer than 500/],
      [{}, 'title', /give at least one of/],
      [{ title: 'ok', color: 'red' }, '', /color/],
    ]
    for (const [input, field, message] of refused) {
      const error = await nb
        .call('updateArticle', { id: article.id, ...input } as never)
        .catch((e: unknown) => e)
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'invalid_input' })
      if (field) expect((error as { field: string }).field, JSON.stringify(input)).toBe(field)
      expect((error as Error).message, JSON.stringify(input)).toMatch(message)
    }
    await expect(nb.call('updateArticle', { id: 'missing', title: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(await nb.call('getArticle', { id: article.id })).toEqual(before)
  })
})

describe('the library', () => {
  test('query, sort, tag and hasNotes filters on several articles, counts as the reader has them', async () => {
    const kim = await sample()
    const seoul = await importText(
      'Seoul weighs its options\nThe capital is watching Pyongyang closely.',
      'seoul.txt',
    )
    const diet = await importText(
      'Élan in Tokyo politics\nThe Diet met on Tuesday about sanctions.',
      'tokyo.txt',
    )
    await nb.call('updateArticle', { id: kim.id, byline: 'Jean Mackenzie', publishedAt: '2024-11-04' })
    await nb.call('updateArticle', { id: seoul.id, byline: 'Frances Mao', publishedAt: '2025-01-10' })
    await nb.call('createExcerpt', { articleId: kim.id, quote: 'Bruce Klingner', tags: ['people/Klingner'] })
    const trashedTag = await nb.call('createExcerpt', {
      articleId: diet.id,
      quote: 'sanctions',
      tags: ['people/Kishida'],
    })
    await nb.call('deleteExcerpt', { id: trashedTag.id })
    const capital = await nb.call('createExcerpt', {
      articleId: seoul.id,
      quote: 'The capital',
      tags: ['places/Seoul'],
    })
    await nb.call('createExcerpt', { articleId: seoul.id, quote: 'Pyongyang', tags: ['places'] })
    const sections = await nb.call('listSections', { articleId: seoul.id })
    await nb.call('createNote', { title: 'Seoul', content: noteCiting(capital, sections[0]!.id) })
    const deletedNote = await nb.call('createNote', {
      title: 'Tokyo',
      content: noteCiting(trashedTag, (await nb.call('listSections', { articleId: diet.id }))[0]!.id),
    })
    await nb.call('deleteNote', { id: deletedNote.id })

    const ids = async (input: Parameters<typeof nb.call<'listArticles'>>[1]) =>
      (await nb.call('listArticles', input)).map((a) => a.id)
    expect(await ids({})).toEqual([diet.id, seoul.id, kim.id]) // newest import first
    // by title as SQLite's NOCASE orders (as tags are): ASCII case folded, other letters by code, so É after T
    expect(await ids({ sort: 'title' })).toEqual([seoul.id, kim.id, diet.id])
    expect(await ids({ sort: 'published' })).toEqual([seoul.id, kim.id, diet.id]) // undated last
    expect(await ids({ query: 'SEOUL' })).toEqual([seoul.id])
    expect(await ids({ query: 'mackenzie' })).toEqual([kim.id]) // the byline
    expect(await ids({ query: 'elan' })).toEqual([diet.id]) // accents aside
    expect(await ids({ query: 'trump kim' })).toEqual([kim.id]) // every word
    expect(await ids({ query: 'seo' })).toEqual([seoul.id]) // a word's start
    expect(await ids({ query: '—' })).toEqual([])
    expect(await ids({ query: '  ' })).toEqual([diet.id, seoul.id, kim.id])
    expect(await ids({ tag: 'people' })).toEqual([kim.id]) // a sub-tag counts; the trashed excerpt does not
    expect(await ids({ tag: 'PLACES' })).toEqual([seoul.id])
    expect(await ids({ tag: 'places/Seoul' })).toEqual([seoul.id])
    expect(await ids({ tag: 'people/Kishida' })).toEqual([])
    expect(await ids({ tag: 'peop' })).toEqual([])
    expect(await ids({ hasNotes: true })).toEqual([seoul.id])
    expect(await ids({ hasNotes: false })).toEqual([diet.id, kim.id])
    expect(await ids({ hasNotes: false, sort: 'published', query: 'the' })).toEqual([kim.id])
    await expect(nb.call('listArticles', { sort: 'size' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'sort',
    })

    const summaries = new Map((await nb.call('listArticles', {})).map((a) => [a.id, a]))
    for (const a of [kim, seoul, diet]) {
      const s = summaries.get(a.id)!
      const live = await nb.call('listExcerpts', { articleId: a.id })
      const visible = await nb.call('listSections', { articleId: a.id })
      expect(s.excerptCount, a.title).toBe(live.length)
      expect(s.sectionCount - s.hiddenCount, a.title).toBe(visible.length)
      expect(s.reviewCount).toBe(0)
      expect(s.version).toBe(1)
    }
    expect([
      summaries.get(kim.id)!.noteCount,
      summaries.get(seoul.id)!.noteCount,
      summaries.get(diet.id)!.noteCount,
    ]).toEqual([0, 1, 0])
    expect(summaries.get(seoul.id)!.excerptCount).toBe(2)
  })

  test('the library’s queries use indexes', () => {
    const plan = (sql: string) =>
      (nb.notebook.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n')
    expect(
      plan(`SELECT id FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.imported_at DESC, a.seq DESC`),
    ).toMatch(/USING INDEX articles_live_imported/)
    expect(
      plan(`SELECT id FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.title COLLATE NOCASE`),
    ).toMatch(/USING INDEX articles_live_title/)
    expect(plan(`SELECT id FROM articles WHERE deleted_at IS NULL AND source_path = 'x'`)).toMatch(
      /articles_by_source_path/,
    )
    expect(
      plan(
        `SELECT count(*) FROM excerpts e WHERE e.article_id = 'x' AND e.anchor_status != 'anchored' AND e.deleted_at IS NULL AND e.reviewed_at IS NULL`,
      ),
    ).toMatch(/excerpts_to_review|excerpts_by_article/)
    expect(plan(`SELECT t.id FROM tags t WHERE t.name = 'a' OR (t.name > 'a/' AND t.name < 'a0')`)).toMatch(
      /USING INDEX/,
    )
  })
})
