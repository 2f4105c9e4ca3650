/** Excerpts over several articles at once: each list and each write returns its rows' own data. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Excerpt } from '../shared/model'
import { articleText, openTempNotebook, tableCounts, type TempNotebook } from './testing/tempNotebook'

const ARTICLES = 5
const PER_ARTICLE = 24

let nb: TempNotebook
const created = new Map<string, Excerpt[]>() // article id → excerpts as createExcerpt returned them

beforeAll(async () => {
  nb = openTempNotebook({ samplePath: null })
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from(
      { length: 8 },
      (_, j) => `Article ${i} paragraph ${j} tells of ${['rain', 'sun', 'fog', 'wind'][j % 4]} over the bay.`,
    ).join('\n\n')
    const { article } = await nb.call('importContent', { content: body, format: 'text' })
    const sections = await nb.call('listSections', { articleId: article.id })
    const list: Excerpt[] = []
    // made out of order, so reading order has to come from the store; "Bay" comes first, "bay" joins it
    for (let k = PER_ARTICLE - 1; k >= 0; k--) {
      const section = sections[k % sections.length]!
      const start = section.start + (k % 3) * 5
      list.push(
        await nb.call('createExcerpt', {
          articleId: article.id,
          start,
          end: start + 12,
          color: (['yellow', 'green', 'blue'] as const)[k % 3],
          comment: `comment ${i}-${k}`,
          tags: k % 2 ? ['weather/wet', 'Bay'] : ['bay'],
        }),
      )
    }
    created.set(article.id, list)
  }
})
afterAll(() => nb.cleanup())

describe('excerpts over several articles', () => {
  test('createExcerpt returns exactly what getExcerpt then reads', async () => {
    for (const list of created.values()) {
      for (const excerpt of list) expect(await nb.call('getExcerpt', { id: excerpt.id })).toEqual(excerpt)
    }
  })

  test("each article's list holds its own excerpts, in reading order, with their own data", async () => {
    for (const [articleId, list] of created) {
      const listed = await nb.call('listExcerpts', { articleId })
      expect(listed).toHaveLength(PER_ARTICLE)
      const text = articleText(nb.notebook.db, articleId)
      for (const e of listed) {
        expect(e.articleId).toBe(articleId)
        expect(text.slice(e.position.start, e.position.end)).toBe(e.quote.exact)
        expect(e).toEqual(list.find((c) => c.id === e.id))
      }
      const order = listed.map((e) => [e.position.start, e.position.end])
      expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!))
    }
  })

  test('filters by color and tag per article agree with the rows', async () => {
    const [articleId, list] = [...created][2]!
    const green = await nb.call('listExcerpts', { articleId, color: 'green' })
    expect(green.map((e) => e.id).sort()).toEqual(
      list
        .filter((e) => e.color === 'green')
        .map((e) => e.id)
        .sort(),
    )
    const wet = await nb.call('listExcerpts', { articleId, tag: 'weather' })
    expect(wet).toHaveLength(PER_ARTICLE / 2)
    expect(wet.every((e) => e.tags.map((t) => t.name).join() === 'Bay,weather/wet')).toBe(true)
  })

  test('the whole notebook lists every article, newest first, and the trash only on request', async () => {
    const all = await nb.call('listExcerpts', {})
    expect(all).toHaveLength(ARTICLES * PER_ARTICLE)
    const articleOrder = [...new Set(all.map((e) => e.articleId))]
    expect(articleOrder).toEqual([...created.keys()].reverse())
    const victim = all[7]!
    await nb.call('deleteExcerpt', { id: victim.id })
    expect(await nb.call('listExcerpts', { articleId: victim.articleId })).toHaveLength(PER_ARTICLE - 1)
    const withTrash = await nb.call('listExcerpts', { articleId: victim.articleId, includeDeleted: true })
    expect(withTrash.find((e) => e.id === victim.id)!.deletedAt).not.toBeNull()
  })

  test('an excerpt of an article that does not exist is refused, naming it, and writes nothing', async () => {
    const counts = tableCounts(nb.notebook.db)
    const missing = '01890000-0000-7000-8000-000000000000'
    await expect(
      nb.call('createExcerpt', { articleId: missing, start: 0, end: 5, tags: ['new/tag'] }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining(missing) })
    expect(tableCounts(nb.notebook.db)).toEqual(counts)
  })

  test('an article in the trash refuses an excerpt, for any range, and writes nothing', async () => {
    const [articleId] = [...created.keys()]
    const sections = await nb.call('listSections', { articleId: articleId! })
    await nb.call('deleteArticle', { id: articleId! })
    const counts = tableCounts(nb.notebook.db)
    const trashed = { code: 'conflict', field: 'articleId', message: expect.stringContaining('trash') }
    for (const range of [
      { start: sections[1]!.start, end: sections[1]!.start + 6 }, // a good one
      { start: 0, end: 10_000_000 }, // past the end: still the trash is what is said
      { quote: 'no such words anywhere' },
    ]) {
      await expect(
        nb.call('createExcerpt', { articleId: articleId!, tags: ['t'], ...range }),
      ).rejects.toMatchObject(trashed)
    }
    expect(tableCounts(nb.notebook.db)).toEqual(counts)
    await nb.call('restoreArticle', { id: articleId! })
    await expect(
      nb.call('createExcerpt', { articleId: articleId!, start: 0, end: 10_000_000 }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'end' })
  })

  test("a tag renamed, recolored or deleted behind the notebook's back is linked as it is now", async () => {
    const [, articleId] = [...created.keys()]
    const sections = await nb.call('listSections', { articleId: articleId! })
    const make = (k: number, tags: string[]) =>
      nb.call('createExcerpt', {
        articleId: articleId!,
        start: sections[k]!.start,
        end: sections[k]!.start + 4,
        tags,
      })
    const first = await make(1, ['kept/fresh'])
    const db = nb.notebook.db
    // as sync writes: straight to the store, past the notebook's own tag calls
    db.prepare(`UPDATE tags SET color = '#123456' WHERE id = ?`).run(first.tags[0]!.id)
    expect((await make(2, ['kept/fresh'])).tags).toEqual([{ ...first.tags[0]!, color: '#123456' }])
    db.prepare(`UPDATE tags SET name = 'kept/Fresh' WHERE id = ?`).run(first.tags[0]!.id)
    expect((await make(3, ['kept/fresh'])).tags).toEqual([
      { ...first.tags[0]!, name: 'kept/Fresh', color: '#123456' },
    ])
    db.prepare(`DELETE FROM tags WHERE id = ?`).run(first.tags[0]!.id)
    const again = await make(4, ['kept/fresh'])
    expect(again.tags[0]!.id).not.toBe(first.tags[0]!.id)
    expect(again).toEqual(await nb.call('getExcerpt', { id: again.id }))
  })
})
