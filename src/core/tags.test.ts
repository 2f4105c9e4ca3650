/** Tag counts over many excerpts, nested tags and the trash, checked against a plain count. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Excerpt } from '../shared/model'
import { compareNames } from './tags'
import { openTempNotebook, type TempNotebook } from './testing/tempNotebook'

// "a b" sorts between "a" and "a/c": sub-tags are not always next to their parent
const NAMES = [
  'people/Kim',
  'people/Kim/aides',
  'people/Trump',
  'people x',
  'places/Seoul',
  'Places/Hanoi',
  'solo',
]

let nb: TempNotebook
beforeAll(async () => {
  nb = openTempNotebook()
  const [sample] = await nb.call('listArticles', {})
  const sections = (await nb.call('listSections', { articleId: sample!.id })).slice(0, 10)
  let n = 0
  for (const section of sections) {
    for (let k = 0; k < 6; k++, n++) {
      const start = section.start + k * 3
      const excerpt = await nb.call('createExcerpt', {
        articleId: sample!.id,
        start,
        end: start + 20,
        // one to three tags each, two often under the same parent
        tags: [
          NAMES[n % NAMES.length]!,
          NAMES[(n * 3 + 1) % NAMES.length]!,
          ...(n % 4 ? [] : ['people/Kim']),
        ],
      })
      if (n % 5 === 0) await nb.call('deleteExcerpt', { id: excerpt.id })
    }
  }
})
afterAll(() => nb.cleanup())

function expectedCounts(live: Excerpt[], name: string) {
  const lower = name.toLowerCase()
  const has = (e: Excerpt, below: boolean) =>
    e.tags.some(
      (t) => t.name.toLowerCase() === lower || (below && t.name.toLowerCase().startsWith(lower + '/')),
    )
  return {
    usageCount: live.filter((e) => has(e, false)).length,
    totalCount: live.filter((e) => has(e, true)).length,
  }
}

describe('listTags', () => {
  test('each tag counts its own live excerpts, and with its sub-tags each excerpt once', async () => {
    const live = await nb.call('listExcerpts', {})
    const all = await nb.call('listExcerpts', { includeDeleted: true })
    expect(all.length - live.length).toBe(12) // the trash is really there
    const tags = await nb.call('listTags', {})
    expect(tags.map((t) => t.name)).toEqual(
      expect.arrayContaining(['people', 'people/Kim', 'people/Kim/aides', 'places', 'people x']),
    )
    for (const tag of tags) {
      expect({ name: tag.name, ...expectedCounts(live, tag.name) }).toEqual({
        name: tag.name,
        usageCount: tag.usageCount,
        totalCount: tag.totalCount,
      })
    }
    expect(tags.find((t) => t.name === 'people')!.totalCount).toBeGreaterThan(0)
  })

  test('is in the order SQLite sorts names', async () => {
    const names = (await nb.call('listTags', {})).map((t) => t.name)
    expect(names).toEqual([...names].sort(compareNames))
  })

  test("sorts as SQLite's NOCASE does, past ASCII too (accents, astral, the top of the BMP)", async () => {
    for (const name of [
      'Zeta',
      'zebra',
      'éclair',
      'Éclair',
      'e\u{1F600}',
      'e\uFFFF',
      'e\uE000',
      'E_',
      'e[',
      'ab',
      'A',
    ])
      await nb.call('createTag', { name: `order/${name}` })
    const names = (await nb.call('listTags', {})).map((t) => t.name).filter((n) => n.startsWith('order/'))
    expect(names.length).toBe(11)
    expect(names).toEqual([...names].sort(compareNames))
  })

  test('counts follow a restore from the trash', async () => {
    const trashed = (await nb.call('listExcerpts', { includeDeleted: true })).filter((e) => e.deletedAt)
    await nb.call('restoreExcerpt', { id: trashed[0]!.id })
    const live = await nb.call('listExcerpts', {})
    for (const tag of await nb.call('listTags', {})) {
      expect([tag.usageCount, tag.totalCount]).toEqual(Object.values(expectedCounts(live, tag.name)))
    }
  })
})
