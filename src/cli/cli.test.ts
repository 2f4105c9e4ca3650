import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { beforeEach, expect, test } from 'vitest'
import { tempDir } from '../core/testing/tempNotebook'
import { LATEST_SCHEMA_VERSION } from '../core/store/schema'
import { main } from './main'

let db: string
let dir: string
beforeEach(() => {
  dir = tempDir()
  db = join(dir, 'gloss.db')
})

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    [...argv, '--db', db],
    (s) => out.push(s),
    (s) => err.push(s),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

test('lists the sample, its sections, and hides "Login" unless --all', async () => {
  const articles = await run('articles', '--json')
  expect(articles.code).toBe(0)
  const [article] = JSON.parse(articles.out) as Array<{ id: string; title: string }>
  expect(article!.title).toMatch(/^The story of Trump and Kim/)
  const visible = await run('sections', article!.id.slice(0, 6))
  expect(visible.out.match(/^¶\d+/gm)).toHaveLength(11)
  const all = await run('sections', article!.id, '--all')
  expect(all.out).toMatch(/¶12 {2}Login {2}\[hidden/)
})

test('adds an excerpt with tags and finds it by search', async () => {
  const [article] = JSON.parse((await run('articles', '--json')).out) as Array<{ id: string }>
  const added = await run(
    'excerpt',
    'add',
    article!.id,
    '--quote',
    'Bruce Klingner',
    '--comment',
    'analyst, ex-CIA',
    '--tag',
    'people/Klingner',
    '--tag',
    'sources',
    '--color',
    'green',
    '--json',
  )
  expect(added.code).toBe(0)
  expect(JSON.parse(added.out)).toMatchObject({
    sectionOrdinal: 10,
    color: 'green',
    comment: 'analyst, ex-CIA',
  })
  const listed = await run('excerpts', article!.id)
  expect(listed.out).toContain('#people/Klingner #sources')
  const tags = await run('tags')
  expect(tags.out).toMatch(/people {2}0 \(1 with sub-tags\)/)
  const found = await run('search', 'ex-CIA', '--tag', 'people', '--json')
  expect(JSON.parse(found.out).hits.map((h: { kind: string }) => h.kind)).toEqual(['excerpt'])
})

test('errors are one line with a non-zero exit code', async () => {
  const [article] = JSON.parse((await run('articles', '--json')).out) as Array<{ id: string }>
  const ambiguous = await run('excerpt', 'add', article!.id, '--quote', 'Trump')
  expect(ambiguous.code).toBe(1)
  expect(ambiguous.err).toMatch(/^gloss: The quote “Trump” occurs \d+ times/)
  expect(ambiguous.err.split('\n')).toHaveLength(1)
  const badColor = await run('excerpt', 'add', article!.id, '--quote', 'Bruce Klingner', '--color', 'orange')
  expect(badColor.code).toBe(2)
  expect(badColor.err).toMatch(/color/)
  const unknownFlag = await run('articles', '--frobnicate')
  expect(unknownFlag.code).toBe(2)
  const missing = await run('import', join(dir, 'missing.md'))
  expect(missing.err).toBe('gloss: Cannot import "missing.md": no such file.')
  const json = await run('sections', 'nope', '--json')
  expect(JSON.parse(json.err)).toMatchObject({ ok: false, error: { code: 'not_found' } })
})

test('imports a file and reports a re-import as the same article', async () => {
  const file = join(dir, 'note.md')
  writeFileSync(file, '# Field notes\n\nFirst paragraph about Seoul.\n\nSecond paragraph.\n')
  const first = await run('import', file, '--json')
  const second = await run('import', file, '--json')
  expect(JSON.parse(first.out)).toMatchObject({
    duplicate: false,
    article: { title: 'Field notes', sectionCount: 3 },
  })
  expect(JSON.parse(second.out)).toMatchObject({
    duplicate: true,
    article: { id: JSON.parse(first.out).article.id },
  })
})

test('`call` reaches every operation through the contract', async () => {
  const info = await run('call', 'notebookInfo')
  expect(JSON.parse(info.out)).toMatchObject({ articleCount: 1, schemaVersion: LATEST_SCHEMA_VERSION })
  const bad = await run('call', 'getArticle', '{"id": 5}')
  expect(bad.code).toBe(2)
  expect(bad.err).toMatch(/getArticle: id/)
})

test('short ids: shown by their end, taken by a unique start or end, ambiguity named', async () => {
  for (const n of [1, 2, 3]) {
    const file = join(dir, `a${n}.md`)
    writeFileSync(file, `# Article ${n}\n\nBody ${n} of the piece.`)
    expect((await run('import', file)).code).toBe(0)
  }
  const listed = JSON.parse((await run('articles', '--json')).out) as Array<{ id: string; title: string }>
  expect(listed).toHaveLength(4)
  const human = (await run('articles')).out.split('\n')
  for (const article of listed) {
    // the line a person reads carries the id's end, and that end finds the same article
    const line = human.find((l) => l.includes(article.title))!
    const short = line.split(/\s+/)[0]!
    expect(article.id.endsWith(short)).toBe(true)
    const sections = await run('sections', short, '--json')
    expect(sections.code).toBe(0)
    expect((JSON.parse(sections.out) as Array<{ articleId: string }>)[0]!.articleId).toBe(article.id)
  }
  // made within a minute, the ids share their first characters: a start that fits several is refused
  const shared = listed[0]!.id.slice(0, 4)
  expect(listed.every((a) => a.id.startsWith(shared))).toBe(true)
  const ambiguous = await run('sections', shared)
  expect(ambiguous.code).toBe(2)
  expect(ambiguous.err).toMatch(/matches 4 articles; give more of the id/)
})
