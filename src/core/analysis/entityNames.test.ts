/**
 * listEntityNames, the Names pickers' list: each entity's kind, name and counts, read from the
 * index of schema 15 without the mentions, checked against plain SQL over the mentions on a
 * notebook of several articles naming many people and places.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary, EntityName } from '../../shared/model'
import type { Db } from '../store/open'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'
import { entityNamesSql } from './store'

const PEOPLE = [
  'Maria Okafor',
  'John Mensah',
  'Ama Boateng',
  'Kwame Asante',
  'Chidi Eze',
  'Fatima Bello',
  'Samuel Otieno',
  'Grace Wanjiru',
]
const PLACES = ['Lagos', 'Accra', 'Nairobi', 'Kampala', 'Dakar', 'Mombasa', 'Kumasi', 'Abuja']
const ORGANISATIONS = ['Ghana Ports Authority', 'World Bank', 'African Union']

/** Article i: two people, two places and an organisation of the pools, some named again, one quoted. */
function article(i: number): string {
  const [p, q] = [PEOPLE[i % PEOPLE.length]!, PEOPLE[(i * 2 + 1) % PEOPLE.length]!]
  const [x, y] = [PLACES[i % PLACES.length]!, PLACES[(i + 3) % PLACES.length]!]
  const paragraphs = [
    `${p} met ${q} in ${x} on Monday to talk about the port.`,
    `“The cranes have been idle for a week,” ${p.split(' ')[1]} said.`,
    `${q} later flew to ${y}, where ${q} spoke to traders about the strike.`,
    `The ${ORGANISATIONS[i % ORGANISATIONS.length]!} said the talks would resume.`,
  ]
  for (let k = 0; k < i % 3; k++)
    paragraphs.push(`In ${x}, ${p} visited the harbour office again (visit ${k + 1}).`)
  return [`Port report ${i}`, '', ...paragraphs.flatMap((t) => [t, ''])].join('\n')
}

interface Counted {
  kind: string
  name: string
  articleCount: number
  mentionCount: number
}

/** The counts as plain SQL finds them over the mentions, live articles only. */
function countedInSql(db: Db, articleId?: string): Counted[] {
  return db
    .prepare(
      `SELECT e.kind, e.name, count(DISTINCT e.article_id) AS articleCount,
        sum(json_array_length(e.mentions)) AS mentionCount
      FROM entities e JOIN articles a ON a.id = e.article_id
      WHERE a.deleted_at IS NULL AND (? IS NULL OR e.article_id = ?)
      GROUP BY e.kind, e.name`,
    )
    .all(articleId ?? null, articleId ?? null) as Counted[]
}

const byKey = (list: Counted[]) =>
  [...list].sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`))

let nb: TempNotebook
let articles: ArticleSummary[]
beforeEach(async () => {
  nb = openTempNotebook({ samplePath: null })
  articles = []
  for (let i = 0; i < 12; i++)
    articles.push(
      (await nb.call('importContent', { content: article(i), encoding: 'utf8', fileName: `port-${i}.txt` }))
        .article,
    )
})
afterEach(() => nb.cleanup())

describe('listEntityNames', () => {
  it('counts each entity’s articles and mentions as plain SQL over the mentions does', async () => {
    const names = await nb.call('listEntityNames', {})
    const expected = countedInSql(nb.notebook.db)
    expect(expected.length).toBeGreaterThanOrEqual(12)
    expect(new Set(expected.map((e) => e.kind))).toEqual(new Set(['person', 'place', 'organization']))
    expect(expected.some((e) => e.articleCount >= 3 && e.mentionCount > e.articleCount)).toBe(true)
    expect(byKey(names)).toEqual(byKey(expected))
    // the same names, counts and order as the list with mentions
    const full = await nb.call('listEntities', {})
    expect(names).toEqual(
      full.map((e) => ({
        kind: e.kind,
        name: e.name,
        articleCount: e.articles.length,
        mentionCount: e.mentions.length,
      })),
    )
  })

  it('carries no mentions: only kind, name and the two counts', async () => {
    const names = await nb.call('listEntityNames', {})
    for (const entity of names)
      expect(Object.keys(entity).sort()).toEqual(['articleCount', 'kind', 'mentionCount', 'name'])
    // the mentions are not even parsed: unreadable ones leave the counts as they were
    nb.notebook.db.exec(`UPDATE entities SET mentions = 'not json'`)
    await expect(nb.call('listEntities', {})).rejects.toThrow()
    expect(await nb.call('listEntityNames', {})).toEqual(names)
  })

  it('reads one index, not the entities’ rows nor the articles’', () => {
    const plan = (sql: string) =>
      (
        nb.notebook.db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all({ articleId: articles[0]!.id, kind: null }) as Array<{
          detail: string
        }>
      ).map((r) => r.detail)
    for (const of of ['notebook', 'article'] as const) {
      const steps = plan(entityNamesSql(of))
      expect(steps.filter((s) => /\bentities\b/.test(s))).toEqual([
        expect.stringMatching(/^(SCAN|SEARCH) entities USING COVERING INDEX entities_counts/),
      ])
      // articles only through the index of the trash
      expect(steps.filter((s) => /\barticles\b/.test(s))).toEqual([
        expect.stringMatching(/^SEARCH articles USING INDEX articles_trashed/),
      ])
    }
  })

  it('lists one article’s names, or one kind’s, and leaves the trash out', async () => {
    const [first, second] = articles as [ArticleSummary, ArticleSummary]
    const ofFirst = await nb.call('listEntityNames', { articleId: first.id })
    expect(ofFirst.length).toBeGreaterThanOrEqual(3)
    expect(ofFirst.every((e) => e.articleCount === 1)).toBe(true)
    expect(byKey(ofFirst)).toEqual(byKey(countedInSql(nb.notebook.db, first.id)))

    const places = await nb.call('listEntityNames', { kind: 'place' })
    expect(places.map((e) => e.name).sort()).toEqual(
      countedInSql(nb.notebook.db)
        .filter((e) => e.kind === 'place')
        .map((e) => e.name)
        .sort(),
    )
    expect(places.length).toBeGreaterThan(0)
    const peopleOfFirst = await nb.call('listEntityNames', { articleId: first.id, kind: 'person' })
    expect(peopleOfFirst).toEqual(ofFirst.filter((e) => e.kind === 'person'))

    await nb.call('deleteArticle', { id: second.id })
    expect(await nb.call('listEntityNames', { articleId: second.id })).toEqual([])
    expect(byKey(await nb.call('listEntityNames', {}))).toEqual(byKey(countedInSql(nb.notebook.db)))
    await expect(nb.call('listEntityNames', { kind: 'planet' as never })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'kind',
    })
  })

  it('counts the mentions of a notebook analysed before schema 15 when it is opened', async () => {
    const before: EntityName[] = await nb.call('listEntityNames', {})
    // as a schema-14 notebook is: no mention_count, entities_by_article
    nb.notebook.db.exec(`DROP INDEX entities_counts; ALTER TABLE entities DROP COLUMN mention_count;
      CREATE INDEX entities_by_article ON entities (article_id); PRAGMA user_version = 14`)
    nb.reopen()
    expect(await nb.call('listEntityNames', {})).toEqual(before)
    expect(byKey(before)).toEqual(byKey(countedInSql(nb.notebook.db)))
  })
})
