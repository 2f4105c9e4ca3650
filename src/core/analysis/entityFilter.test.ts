/**
 * The entity index as a filter: listArticles and listExcerpts by a person, organisation or place
 * the analysis found, on a notebook of three articles naming several each.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../shared/model'
import { createArticles } from '../articles'
import { createExcerpts } from '../excerpts'
import type { Db } from '../store/open'
import { createTags } from '../tags'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

const HARBOUR = [
  'Harbour workers walk out',
  '',
  'Maria Okafor runs the harbour office in Lagos. “The cranes have been idle for a week,” Okafor said.',
  '',
  'The strike began on Monday. “Nobody here remembers a longer one,” she said.',
].join('\n')
const UNION = [
  'Union rejects the offer',
  '',
  'John Mensah leads the dockers union in Accra. “We will not go back for this,” Mensah said.',
  '',
  'Maria Okafor did not reply to a request for comment.',
].join('\n')
const WEATHER = [
  'Rain in Accra',
  '',
  'Heavy rain fell on Accra overnight, the Ghana Meteorological Agency said.',
].join('\n')

let nb: TempNotebook
let harbour: ArticleSummary
let union: ArticleSummary
let weather: ArticleSummary
beforeEach(async () => {
  nb = openTempNotebook({ samplePath: null })
  const add = async (content: string, fileName: string) =>
    (await nb.call('importContent', { content, encoding: 'utf8', fileName })).article
  harbour = await add(HARBOUR, 'harbour.txt')
  union = await add(UNION, 'union.txt')
  weather = await add(WEATHER, 'weather.txt')
})
afterEach(() => nb.cleanup())

const titles = async (input: Parameters<typeof listArticles>[0]) =>
  (await listArticles(input)).map((a) => a.title)
const listArticles = (
  input: { entity: { name: string; kind?: 'person' | 'organization' | 'place' } } & object,
) => nb.call('listArticles', input)
const excerpt = (articleId: string, quote: string, tags: string[] = []) =>
  nb.call('createExcerpt', { articleId, quote, tags })

describe('listArticles by entity', () => {
  it('lists the articles whose analysis names the entity, newest first, each its own', async () => {
    const okafor = await listArticles({ entity: { name: 'Maria Okafor' } })
    expect(okafor.map((a) => [a.id, a.title])).toEqual([
      [union.id, 'Union rejects the offer'],
      [harbour.id, 'Harbour workers walk out'],
    ])
    expect(await titles({ entity: { name: 'Accra', kind: 'place' } })).toEqual([
      'Rain in Accra',
      'Union rejects the offer',
    ])
    expect(await titles({ entity: { name: 'John Mensah', kind: 'person' } })).toEqual([
      'Union rejects the offer',
    ])
    expect(await titles({ entity: { name: 'Ghana Meteorological Agency' } })).toEqual(['Rain in Accra'])
    // the kind must agree; the name is the index's, exactly
    expect(await titles({ entity: { name: 'Accra', kind: 'person' } })).toEqual([])
    expect(await titles({ entity: { name: 'Okafor' } })).toEqual([])
    expect(await titles({ entity: { name: 'Nobody Here' } })).toEqual([])
  })

  it('combines with the other filters and the sort, and leaves out the trash', async () => {
    await excerpt(harbour.id, 'Nobody here remembers', ['strike'])
    expect(await titles({ entity: { name: 'Maria Okafor' }, tag: 'strike' } as never)).toEqual([
      'Harbour workers walk out',
    ])
    expect(await titles({ entity: { name: 'Maria Okafor' }, sort: 'title' } as never)).toEqual([
      'Harbour workers walk out',
      'Union rejects the offer',
    ])
    expect(await titles({ entity: { name: 'Accra' }, query: 'rain' } as never)).toEqual(['Rain in Accra'])
    await nb.call('deleteArticle', { id: union.id })
    expect(await titles({ entity: { name: 'Maria Okafor' } })).toEqual(['Harbour workers walk out'])
    expect(await titles({ entity: { name: 'Maria Okafor' }, inTrash: true } as never)).toEqual([
      'Union rejects the offer',
    ])
  })

  it('refuses an empty or unknown-kind entity, naming the field', async () => {
    await expect(listArticles({ entity: { name: '  ' } })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'entity.name',
      message: expect.stringContaining('entity name is empty'),
    })
    await expect(listArticles({ entity: { name: 'Accra', kind: 'city' } } as never)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'entity.kind',
      message: expect.stringContaining('person, organization or place'),
    })
    await expect(listArticles({ entity: { name: 'Accra', id: 'x' } } as never)).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })
})

describe('listExcerpts by entity', () => {
  it('lists excerpts that mention the entity or quote it speaking, each its own', async () => {
    const pronounQuote = await excerpt(harbour.id, 'Nobody here remembers a longer one') // “she said”: Okafor
    const strike = await excerpt(harbour.id, 'The strike began on Monday.')
    const noReply = await excerpt(union.id, 'Maria Okafor did not reply')
    const mensah = await excerpt(union.id, 'We will not go back')
    const rain = await excerpt(weather.id, 'Heavy rain fell on Accra')
    const ids = async (input: object) =>
      (await nb.call('listExcerpts', input as never)).map((e) => [e.id, e.articleId, e.quote.exact])

    expect(await ids({ entity: { name: 'Maria Okafor' } })).toEqual([
      [noReply.id, union.id, 'Maria Okafor did not reply'],
      [pronounQuote.id, harbour.id, 'Nobody here remembers a longer one'],
    ])
    expect(await ids({ entity: { name: 'Maria Okafor' }, articleId: harbour.id })).toEqual([
      [pronounQuote.id, harbour.id, 'Nobody here remembers a longer one'],
    ])
    expect(await ids({ entity: { name: 'John Mensah', kind: 'person' } })).toEqual([
      [mensah.id, union.id, 'We will not go back'],
    ])
    expect(await ids({ entity: { name: 'Accra', kind: 'place' } })).toEqual([
      [rain.id, weather.id, 'Heavy rain fell on Accra'],
    ])
    // a place never speaks; a kind that disagrees finds nothing
    expect(await ids({ entity: { name: 'Maria Okafor', kind: 'place' } })).toEqual([])
    expect(await ids({ entity: { name: 'Accra' }, articleId: harbour.id })).toEqual([])
    expect((await nb.call('listExcerpts', {})).map((e) => e.id)).toContain(strike.id)

    // with the other filters, and deleted ones only when asked
    await nb.call('updateExcerpt', { id: noReply.id, color: 'blue' })
    expect(await ids({ entity: { name: 'Maria Okafor' }, color: 'blue' })).toEqual([
      [noReply.id, union.id, 'Maria Okafor did not reply'],
    ])
    await nb.call('deleteExcerpt', { id: noReply.id })
    expect(await ids({ entity: { name: 'Maria Okafor' } })).toEqual([
      [pronounQuote.id, harbour.id, 'Nobody here remembers a longer one'],
    ])
    expect((await ids({ entity: { name: 'Maria Okafor' }, includeDeleted: true })).length).toBe(2)
  })

  it('follows a corrected speaker', async () => {
    const strikeQuote = await excerpt(harbour.id, 'Nobody here remembers a longer one')
    const quote = (await nb.call('listQuotes', { articleId: harbour.id })).find((q) =>
      q.text.startsWith('Nobody'),
    )!
    await nb.call('setQuoteSpeaker', {
      id: quote.id,
      speaker: { kind: 'person', name: 'John Mensah', description: null },
    })
    const mensah = await nb.call('listExcerpts', { entity: { name: 'John Mensah' } })
    expect(mensah.map((e) => e.id)).toEqual([strikeQuote.id])
    expect(await nb.call('listExcerpts', { entity: { name: 'Maria Okafor' } })).toEqual([])
  })
})

describe('the filters’ query plans', () => {
  /** The SQL of every statement the repositories prepare. */
  function statements(db: Db): string[] {
    const sources: string[] = []
    const spy = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare')
          return (sql: string) => {
            sources.push(sql)
            return target.prepare(sql)
          }
        const value = Reflect.get(target, key, target) as unknown
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
    const articles = createArticles(spy)
    createExcerpts(spy, articles, createTags(spy))
    return sources
  }

  it('look the entity up by its index and fetch the rows it names: no table is scanned', () => {
    const db = nb.notebook.db
    const naming = statements(db).filter((sql) => sql.includes('@entity'))
    // three sorts of articles, one article's excerpts and the notebook's
    expect(naming.length).toBe(5)
    const params = {
      entity: 'Maria Okafor',
      entityKind: null,
      articleId: harbour.id,
      inTrash: 0,
      match: null,
      tag: null,
      hasNotes: null,
      includeDeleted: 0,
      color: null,
    }
    for (const sql of naming) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
        (r) => r.detail,
      )
      // json_each is a virtual table over one row's mentions: scanning it reads that row only
      const scans = plan.filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d))
      if (process.env.SHOW_PLANS) console.log(plan.join('\n'))
      expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([])
      expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX entities_by_name \(name=\?/)
    }
  })
})
