/**
 * `npm run bench`: Gloss against raw better-sqlite3 doing the same work, side by side in one run,
 * every figure as a ratio (Gloss / raw). Reads run on the same database as Gloss's; writes on a
 * twin database of the same schema. List and search costs are taken at 1k, 10k and 100k excerpts
 * with their slope. Every answer is checked against the raw one before its figure is printed; a
 * wrong answer ends the bench with exit 1 and no figure. Sizes: BENCH_ARTICLES (1000),
 * BENCH_EXCERPTS (100000; the steps are 1% and 10% of it). Gloss runs from `out/node`, the
 * JavaScript the shells run (`npm run build:node` first).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchResult, type Tag } from '../src/shared/model'
import { defaultSamplePath, packageRoot } from '../src/core/paths'
import { newId } from '../src/core/store/clock'
import { openDatabase } from '../src/core/store/open'
import { Checks, slope, stats, table, timeAsync, timeSync, type Row } from './report'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000)
const EXCERPTS = Number(process.env.BENCH_EXCERPTS ?? 100_000)
const STEPS = [EXCERPTS / 100, EXCERPTS / 10, EXCERPTS].map(Math.round)
const REPEATS = 30
const TAGS = [
  'people/Trump',
  'people/Kim Jong Un',
  'places/Seoul',
  'places/Pyongyang',
  'nuclear',
  'sanctions',
  'russia',
  'china',
  'summits',
  'media',
]
const SEARCHES: Array<{ name: string; query: string; fts: string; tag?: string }> = [
  { name: 'common', query: 'Korea', fts: 'Korea' },
  { name: 'rare', query: 'Klingner', fts: 'Klingner' },
  { name: 'prefix', query: 'diplom*', fts: 'diplom*' },
  { name: 'phrase', query: '"nuclear war"', fts: '"nuclear war"' },
  { name: '3-word AND', query: 'Trump Kim summits', fts: 'Trump AND Kim AND summits' },
  { name: 'tag', query: 'Korea', fts: 'Korea', tag: 'people/Trump' },
  { name: 'parent tag', query: 'Korea', fts: 'Korea', tag: 'people' },
]

const checks = new Checks()
const sample = readFileSync(defaultSamplePath(), 'utf8')
/** A distinct variant of the sample: its own opening line and a shifted sentence order in one paragraph. */
function variant(i: number): string {
  const lines = sample.split('\n')
  lines.unshift(`Dispatch ${i}: a report filed on day ${i % 365} from desk ${(i * 7919) % 1000}.`)
  const middle = lines[4 + (i % 6)]!.split('. ')
  lines[4 + (i % 6)] = [...middle.slice(i % middle.length), ...middle.slice(0, i % middle.length)].join('. ')
  return lines.join('\n')
}

/** Offsets of excerpt n within an article's sections: one sentence-sized slice of a paragraph. */
function excerptRange(sections: Array<{ start: number; end: number }>, n: number): [number, number] {
  const section = sections[n % sections.length]!
  const length = Math.min(80, section.end - section.start)
  const room = section.end - section.start - length
  const start = section.start + ((n * 37) % Math.max(1, room))
  return [start, start + length]
}
const tagsOf = (n: number) => [TAGS[n % TAGS.length]!, TAGS[(n * 3 + 1) % TAGS.length]!]

const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'))
const texts = Array.from({ length: ARTICLES }, (_, i) => variant(i))
const writes: Row[] = []
const reads: Row[] = []
const growth: Array<{ name: string; costs: number[]; answers: number[] }> = []

// ---- Gloss, through the contract (validation included), as the shells call it: the built
// JavaScript, not the sources through tsx (whose keepNames wraps every function)
const built = join(packageRoot(), 'out', 'node')
if (!existsSync(join(built, 'notebook.js')) || !existsSync(join(built, 'dispatch.js'))) {
  console.error('The bench runs Gloss from out/node: run `npm run build:node` first.')
  process.exit(1)
}
const load = <T>(file: string) => import(pathToFileURL(join(built, file)).href) as Promise<T>
const { openNotebook } = await load<typeof import('../src/core/notebook')>('notebook.js')
const { createDispatcher } = await load<typeof import('../src/shared/dispatch')>('dispatch.js')
const notebook = openNotebook({ path: join(dir, 'gloss.db'), samplePath: null })
const dispatch = createDispatcher(notebook.handlers)
const call = <T>(name: string, input: unknown) => dispatch(name, input) as Promise<T>
const gdb = notebook.db

// ---- raw better-sqlite3 on a twin database: same schema, same rows, none of Gloss's work
const { db: rdb } = openDatabase(join(dir, 'raw.db'))
const raw = {
  article: rdb.prepare(
    `INSERT INTO articles (id, title, format, imported_at, content_hash, text) VALUES (?, ?, 'text', ?, ?, ?)`,
  ),
  section: rdb.prepare(
    `INSERT INTO sections (id, article_id, ordinal, kind, base_kind, text, start_offset, end_offset) VALUES (?, ?, ?, 'paragraph', 'paragraph', ?, ?, ?)`,
  ),
  excerpt: rdb.prepare(
    `INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'yellow', ?, ?, ?)`,
  ),
  sectionAt: rdb
    .prepare(
      `SELECT id FROM sections WHERE article_id = ? AND start_offset <= ? ORDER BY start_offset DESC LIMIT 1`,
    )
    .pluck(),
  tag: rdb.prepare(`INSERT OR IGNORE INTO tags (id, name, created_at) VALUES (?, ?, ?)`),
  link: rdb.prepare(
    `INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`,
  ),
}

// imports
const articleIds: string[] = []
const glossImport = await timeAsync(async () => {
  for (const text of texts) {
    const result = await call<{ article: { id: string }; duplicate: boolean }>('importContent', {
      content: text,
      format: 'text',
    })
    if (result.duplicate) throw new Error('bench variants collided')
    articleIds.push(result.article.id)
  }
})
const rawArticles: Array<{
  id: string
  spans: Array<{ start: number; end: number }>
  text: string
}> = []
const rawImport = timeSync(() => {
  texts.forEach((source, i) => {
    rdb.transaction(() => {
      const paragraphs = source.split('\n').filter((l) => l.trim())
      const text = paragraphs.join('\n\n')
      const id = newId()
      raw.article.run(id, paragraphs[0]!.slice(0, 80), new Date().toISOString(), `hash${i}`, text)
      let offset = 0
      const article = {
        id,
        spans: [] as Array<{ start: number; end: number }>,
        text,
      }
      paragraphs.forEach((p, j) => {
        raw.section.run(newId(), id, j + 1, p, offset, offset + p.length)
        article.spans.push({ start: offset, end: offset + p.length })
        offset += p.length + 2
      })
      rawArticles.push(article)
    })()
  })
})
for (const name of TAGS) raw.tag.run(newId(), name, new Date().toISOString())
writes.push({ name: `import ${ARTICLES} articles`, gloss: glossImport, raw: rawImport, unit: 'ms' })

const glossSpans = new Map(
  articleIds.map((id) => [
    id,
    gdb
      .prepare(
        `SELECT start_offset AS start, end_offset AS end FROM sections WHERE article_id = ? AND kind != 'quarantined' ORDER BY ordinal`,
      )
      .all(id) as Array<{ start: number; end: number }>,
  ]),
)

/** Excerpts n0 … n0 + count − 1 on article `index`, through the contract. */
async function glossExcerptsOn(index: number, n0: number, count: number) {
  const articleId = articleIds[index]!
  for (let n = n0; n < n0 + count; n++) {
    const [start, end] = excerptRange(glossSpans.get(articleId)!, n)
    await call('createExcerpt', { articleId, start, end, tags: tagsOf(n), comment: `note ${n}` })
  }
}
/** The same excerpts on the twin database, by hand. */
function rawExcerptsOn(index: number, n0: number, count: number) {
  const article = rawArticles[index]!
  for (let n = n0; n < n0 + count; n++) {
    const [s, e] = excerptRange(article.spans.slice(0, -1), n)
    const at = new Date().toISOString()
    // the row a real excerpt needs: a UUID, its section found by offset, 32 characters of context
    const id = newId()
    rdb.transaction(() => {
      raw.excerpt.run(
        id,
        article.id,
        raw.sectionAt.get(article.id, s),
        article.text.slice(s, e),
        article.text.slice(Math.max(0, s - 32), s),
        article.text.slice(e, e + 32),
        s,
        e,
        `note ${n}`,
        at,
        at,
      )
      for (const name of tagsOf(n)) raw.link.run(id, name)
    })()
  }
}

// ---- reads, on Gloss's database: Gloss's operation against hand-written SQL for the same answer
const rawRead = {
  tags: gdb.prepare(
    `SELECT t.name, count(et.excerpt_id) AS n FROM tags t LEFT JOIN excerpt_tags et ON et.tag_id = t.id GROUP BY t.id`,
  ),
  // a parent's total counts each excerpt under it once, as listTags's totalCount does
  parents: gdb
    .prepare(`SELECT DISTINCT p.name FROM tags p JOIN tags c ON c.name LIKE p.name || '/%'`)
    .pluck(),
  subtreeTotal: gdb
    .prepare(
      `SELECT count(DISTINCT et.excerpt_id) FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
       WHERE t.name = @name OR t.name LIKE @name || '/%'`,
    )
    .pluck(),
  excerpts: gdb.prepare(
    `SELECT e.*, s.ordinal FROM excerpts e JOIN sections s ON s.id = e.section_id
     WHERE e.article_id = ? AND e.deleted_at IS NULL ORDER BY e.start_offset, e.end_offset, e.seq`,
  ),
  excerptTags: gdb.prepare(
    `SELECT et.excerpt_id, t.name FROM excerpts e JOIN excerpt_tags et ON et.excerpt_id = e.id
     JOIN tags t ON t.id = et.tag_id WHERE e.article_id = ?`,
  ),
  text: gdb.prepare(`SELECT text FROM articles WHERE id = ?`),
  // the library's rows with their counts, each counted where it is asked for
  articles: gdb.prepare(
    `SELECT a.id, a.title, a.byline, a.imported_at,
      (SELECT count(*) FROM sections s WHERE s.article_id = a.id) AS sections,
      (SELECT count(*) FROM sections s WHERE s.article_id = a.id AND s.kind = 'quarantined') AS hidden,
      (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id AND e.deleted_at IS NULL) AS excerpts,
      (SELECT count(DISTINCT l.note_id) FROM note_links l JOIN notes n ON n.id = l.note_id
        WHERE l.article_id = a.id AND n.deleted_at IS NULL) AS notes
     FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.imported_at DESC, a.seq DESC`,
  ),
  sections: gdb.prepare(`SELECT * FROM sections WHERE article_id = ? ORDER BY ordinal`),
}
const TAGGED = `EXISTS (SELECT 1 FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id
  WHERE et.excerpt_id = e.id AND (t.name = @tag OR t.name LIKE @tag || '/%'))`
// each kind's answer as Gloss gives it (the hit's title and ¶ number, live rows only), written by
// hand; the tag filter joins each match to its row as it comes, in rank order
const ftsKinds = [
  {
    kind: 'article',
    table: 'articles_fts',
    column: -1,
    select: `a.id, a.title`,
    join: `JOIN articles a ON a.seq = articles_fts.rowid`,
    live: `a.deleted_at IS NULL`,
    tagged: `EXISTS (SELECT 1 FROM excerpts e WHERE e.article_id = a.id AND e.deleted_at IS NULL AND ${TAGGED})`,
  },
  {
    kind: 'section',
    table: 'sections_fts',
    column: 0,
    select: `s.id, s.ordinal, a.title`,
    join: `JOIN sections s ON s.seq = sections_fts.rowid JOIN articles a ON a.id = s.article_id`,
    live: `a.deleted_at IS NULL AND s.kind != 'quarantined'`,
    tagged: `EXISTS (SELECT 1 FROM excerpts e WHERE e.section_id = s.id AND e.deleted_at IS NULL AND ${TAGGED})`,
  },
  {
    kind: 'excerpt',
    table: 'excerpts_fts',
    column: -1,
    select: `e.id, s.ordinal, a.title`,
    join: `JOIN excerpts e ON e.seq = excerpts_fts.rowid JOIN sections s ON s.id = e.section_id JOIN articles a ON a.id = e.article_id`,
    live: `e.deleted_at IS NULL`,
    tagged: TAGGED,
  },
  {
    kind: 'note',
    table: 'notes_fts',
    column: -1,
    select: `n.id, n.title`,
    join: `JOIN notes n ON n.seq = notes_fts.rowid`,
    live: `n.deleted_at IS NULL`,
    tagged: '0',
  },
] as const
const rawSearch = ftsKinds.map(({ table, column, select, join: joined, live, tagged }) => {
  const query = (where: string) =>
    gdb.prepare(
      `SELECT ${select}, ${table}.rank AS rank, snippet(${table}, ${column}, '[', ']', '…', 14) AS s
       FROM ${table} ${joined} WHERE ${table} MATCH @q AND ${live}${where} ORDER BY ${table}.rank LIMIT 50`,
    )
  return { plain: query(''), tagged: query(` AND ${tagged}`) }
})
const ownText = {
  article: gdb.prepare(`SELECT title || ' ' || coalesce(byline, '') FROM articles WHERE id = ?`).pluck(),
  section: gdb.prepare(`SELECT text FROM sections WHERE id = ?`).pluck(),
  excerpt: gdb.prepare(`SELECT exact || ' ' || comment FROM excerpts WHERE id = ?`).pluck(),
  note: gdb.prepare(`SELECT title || ' ' || text FROM notes WHERE id = ?`).pluck(),
}

async function measureReads(
  step: number,
): Promise<Map<string, { p50: number; p95: number; raw50: number; raw95: number; answer: number }>> {
  const out = new Map<string, { p50: number; p95: number; raw50: number; raw95: number; answer: number }>()
  const one = articleIds[Math.floor(articleIds.length / 2)]!

  // listTags
  const tags = await call<Tag[]>('listTags', {})
  // the same answer by hand: usage per tag, and each parent's total over its subtree
  const rawListTags = () => {
    const usage = rawRead.tags.all() as Array<{ name: string; n: number }>
    const totals = new Map(usage.map((t) => [t.name, t.n]))
    for (const name of rawRead.parents.all() as string[])
      totals.set(name, rawRead.subtreeTotal.get({ name }) as number)
    return { usage, totals }
  }
  const rawTags = rawListTags()
  checks.equal(
    `listTags usage counts at ${step}`,
    Object.fromEntries(tags.map((t) => [t.name, t.usageCount])),
    Object.fromEntries(rawTags.usage.map((t) => [t.name, t.n])),
  )
  checks.equal(
    `listTags totals at ${step}`,
    Object.fromEntries(tags.map((t) => [t.name, t.totalCount])),
    Object.fromEntries(rawTags.totals),
  )
  const people = tags.find((t) => t.name === 'people')!
  const peopleRaw = gdb
    .prepare(
      `SELECT count(DISTINCT excerpt_id) FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name LIKE 'people%'`,
    )
    .pluck()
    .get() as number
  checks.equal(`listTags total for "people" at ${step}`, people.totalCount, peopleRaw)
  out.set('listTags', await pair(() => call('listTags', {}), rawListTags, tags.length))

  // listArticles: the library as the UI opens it
  const library = await call<Array<{ id: string; excerptCount: number; sectionCount: number }>>(
    'listArticles',
    {},
  )
  const rawLibrary = rawRead.articles.all() as Array<{ id: string; excerpts: number; sections: number }>
  checks.equal(
    `listArticles ids, order and counts at ${step}`,
    library.map((a) => [a.id, a.excerptCount, a.sectionCount]),
    rawLibrary.map((a) => [a.id, a.excerpts, a.sections]),
  )
  checks.that(
    `listArticles counts some excerpts at ${step}`,
    library.some((a) => a.excerptCount > 0),
  )
  out.set(
    'listArticles',
    await pair(
      () => call('listArticles', {}),
      () => rawRead.articles.all(),
      library.length,
    ),
  )

  // listExcerpts for one article
  const listed = await call<Array<{ id: string; tags: Array<{ name: string }> }>>('listExcerpts', {
    articleId: one,
  })
  const rawListed = rawRead.excerpts.all(one) as Array<{ id: string }>
  checks.equal(
    `listExcerpts ids and order at ${step}`,
    listed.map((e) => e.id),
    rawListed.map((e) => e.id),
  )
  out.set(
    'listExcerpts (one article)',
    await pair(
      () => call('listExcerpts', { articleId: one }),
      () => {
        rawRead.excerpts.all(one)
        rawRead.excerptTags.all(one)
      },
      listed.length,
    ),
  )

  // getArticle
  const detail = await call<{ sections: Array<{ text: string }> }>('getArticle', { id: one })
  checks.equal(
    `getArticle sections at ${step}`,
    detail.sections.map((s) => s.text),
    (rawRead.sections.all(one) as Array<{ text: string }>).map((s) => s.text),
  )
  out.set(
    'getArticle',
    await pair(
      () => call('getArticle', { id: one }),
      () => {
        rawRead.text.get(one)
        rawRead.sections.all(one)
      },
      detail.sections.length,
    ),
  )

  // search
  for (const s of SEARCHES) {
    const result = await call<SearchResult>('search', { query: s.query, tag: s.tag, limit: 50 })
    const rawResults = rawSearch.map(
      (q) =>
        (s.tag ? q.tagged : q.plain).all({ q: s.fts, tag: s.tag }) as Array<{ id: string; rank: number }>,
    )
    ftsKinds.forEach(({ kind }, i) => {
      const hits = result.hits.filter((h) => h.kind === kind)
      checks.equal(`search ${s.name}: ${kind} hits at ${step}`, hits.length, rawResults[i]!.length)
      checks.equal(
        `search ${s.name}: ${kind} ranks at ${step}`,
        hits.map((h) => h.rank.toFixed(6)),
        rawResults[i]!.map((r) => r.rank.toFixed(6)),
      )
      checks.equal(
        `search ${s.name}: ${kind} ids at ${step}`,
        hits.map((h) => h.id),
        rawResults[i]!.map((r) => r.id),
      )
      for (const hit of hits) {
        const own = ownText[kind].get(hit.id) as string
        const pieces = hit.snippet
          .replaceAll(SNIPPET_OPEN, '')
          .replaceAll(SNIPPET_CLOSE, '')
          .split('…')
          .filter(Boolean)
        checks.that(
          `search ${s.name}: ${kind} ${hit.id} snippet from its own row`,
          pieces.every((p) => own.includes(p)),
        )
      }
    })
    out.set(
      `search ${s.name}`,
      await pair(
        () => call('search', { query: s.query, tag: s.tag, limit: 50 }),
        () => {
          for (const q of rawSearch) (s.tag ? q.tagged : q.plain).all({ q: s.fts, tag: s.tag })
        },
        result.hits.length,
      ),
    )
  }
  return out
}

/** p50/p95 of both sides, taken in turn so drift hits both alike. */
async function pair(gloss: () => Promise<unknown>, rawFn: () => unknown, answer: number) {
  const g: number[] = []
  const r: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    g.push(await timeAsync(gloss))
    r.push(timeSync(rawFn))
  }
  const gs = stats(g)
  const rs = stats(r)
  return { p50: gs.p50, p95: gs.p95, raw50: rs.p50, raw95: rs.p95, answer }
}

// ---- the steps: write to 1%, 10%, 100%, reading at each. Gloss and raw take turns, a block of
// articles each, so a machine that gets busier or quieter meanwhile weighs on both alike.
const BLOCK = 10
const write = { gloss: 0, raw: 0, glossCpu: 0, rawCpu: 0, glossBytes: 0, rawBytes: 0 }
// bytes this process wrote (Linux): a count, unlike time, that a busy machine does not change
const written = () => {
  const io = /write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))
  return io ? Number(io[1]) : NaN
}
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
async function timed(side: 'gloss' | 'raw', work: () => unknown) {
  const [t, c, b] = [performance.now(), cpu(), written()]
  await work()
  write[side] += performance.now() - t
  write[`${side}Cpu`] += cpu() - c
  write[`${side}Bytes`] += written() - b
}
let made = 0
const perStep: Array<Awaited<ReturnType<typeof measureReads>>> = []
for (const step of STEPS) {
  const each = Math.ceil((step - made) / ARTICLES)
  for (let first = 0, n = made; first < ARTICLES && n < step; first += BLOCK) {
    const block: Array<[number, number, number]> = []
    for (let i = first; i < Math.min(first + BLOCK, ARTICLES) && n < step; i++) {
      const count = Math.min(each, step - n)
      block.push([i, n, count])
      n += count
    }
    await timed('gloss', async () => {
      for (const [i, n0, count] of block) await glossExcerptsOn(i, n0, count)
    })
    await timed('raw', () => {
      for (const [i, n0, count] of block) rawExcerptsOn(i, n0, count)
    })
  }
  made = step
  perStep.push(await measureReads(step))
}
// ---- the floor under each search: FTS5 ranking every match of each kind and nothing else (no
// join, filter or snippet). An exact answer ranks every match, so no search can cost less.
const floorKinds = ftsKinds.map(({ table }) => ({
  ranked: gdb
    .prepare(`SELECT bm25(${table}) FROM ${table} WHERE ${table} MATCH @q ORDER BY 1 LIMIT 50`)
    .pluck(),
  matches: gdb.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH @q`).pluck(),
}))
const floors: Array<{ name: string; matches: number; p50: number; p95: number; gloss95: number }> = []
for (const s of SEARCHES) {
  const params = { q: s.fts, tag: s.tag }
  rawSearch.forEach((q, i) => {
    const ranks = ((s.tag ? q.tagged : q.plain).all(params) as Array<{ rank: number }>).map((r) => r.rank)
    const floor = floorKinds[i]!.ranked.all({ q: s.fts }) as number[]
    // the floor ranks a superset of the answer: its i-th best is never worse than the answer's
    checks.that(
      `search floor ${s.name}: ${ftsKinds[i]!.kind} ranks at or above the answer's`,
      floor.length >= ranks.length && ranks.every((r, j) => floor[j]! <= r),
    )
  })
  const measured = await pair(
    () => call('search', { query: s.query, tag: s.tag, limit: 50 }),
    () => {
      for (const f of floorKinds) f.ranked.all({ q: s.fts })
    },
    0,
  )
  const matches = floorKinds.reduce((n, f) => n + (f.matches.get({ q: s.fts }) as number), 0)
  floors.push({ name: s.name, matches, p50: measured.raw50, p95: measured.raw95, gloss95: measured.p95 })
}

writes.push({ name: `add ${EXCERPTS} excerpts, 2 tags each`, gloss: write.gloss, raw: write.raw, unit: 'ms' })
writes.push({ name: `  the same, CPU time`, gloss: write.glossCpu, raw: write.rawCpu, unit: 'ms' })
writes.push({
  name: 'bytes written per excerpt',
  gloss: write.glossBytes / EXCERPTS / 1024,
  raw: write.rawBytes / EXCERPTS / 1024,
  unit: 'KB',
})

for (const [name, m] of perStep.at(-1)!) {
  reads.push({ name: `${name} p50`, gloss: m.p50, raw: m.raw50, unit: 'ms' })
  reads.push({ name: `${name} p95`, gloss: m.p95, raw: m.raw95, unit: 'ms' })
}
for (const name of perStep[0]!.keys()) {
  growth.push({
    name,
    costs: perStep.map((s) => s.get(name)!.p50),
    answers: perStep.map((s) => s.get(name)!.answer),
  })
}

// ---- listTags with a trash: kept counts (schema 14) against raw SQL that leaves the trash out,
// after excerpts are trashed and again after they are restored (measured figures are all taken)
const liveCounts = gdb.prepare(
  `SELECT t.name,
    (SELECT count(*) FROM excerpt_tags et JOIN excerpts e ON e.id = et.excerpt_id
      WHERE et.tag_id = t.id AND e.deleted_at IS NULL) AS usage,
    (SELECT count(DISTINCT et.excerpt_id) FROM excerpt_tags et JOIN tags d ON d.id = et.tag_id
      JOIN excerpts e ON e.id = et.excerpt_id
      WHERE e.deleted_at IS NULL AND (d.name = t.name OR d.name LIKE t.name || '/%')) AS total
   FROM tags t`,
)
async function checkTagsAgainstTrash(when: string) {
  const tags = await call<Tag[]>('listTags', {})
  const rows = liveCounts.all() as Array<{ name: string; usage: number; total: number }>
  checks.equal(
    `listTags counts ${when}`,
    Object.fromEntries(tags.map((t) => [t.name, [t.usageCount, t.totalCount]])),
    Object.fromEntries(rows.map((r) => [r.name, [r.usage, r.total]])),
  )
}
const toTrash = gdb
  .prepare(`SELECT id FROM excerpts WHERE article_id IN (SELECT id FROM articles LIMIT 20)`)
  .pluck()
  .all() as string[]
for (const id of toTrash) await call('deleteExcerpt', { id })
checks.that('some excerpts are in the trash', toTrash.length > 0)
await checkTagsAgainstTrash(`with ${toTrash.length} excerpts in the trash`)
for (const id of toTrash) await call('restoreExcerpt', { id })
await checkTagsAgainstTrash('after they are restored')

// ---- the JSON one article sends, on a 1 MB article
const big = Array.from({ length: 260 }, (_, i) => variant(100_000 + i)).join('\n')
const bigId = (await call<{ article: { id: string } }>('importContent', { content: big, format: 'text' }))
  .article.id
const bigJson = JSON.stringify(await call('getArticle', { id: bigId })).length
const bigText = (rawRead.text.get(bigId) as { text: string }).text.length

// ---- sizes
gdb.pragma('wal_checkpoint(TRUNCATE)')
rdb.pragma('wal_checkpoint(TRUNCATE)')
const sizes = { gloss: statSync(join(dir, 'gloss.db')).size, raw: statSync(join(dir, 'raw.db')).size }
notebook.close()
rdb.close()

// ---- durability: a commit with synchronous=FULL (Gloss's setting) against NORMAL
function commitCost(mode: 'FULL' | 'NORMAL'): number {
  const path = join(dir, `sync-${mode}.db`)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${mode}`)
  db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT)`)
  const insert = db.prepare(`INSERT INTO t VALUES (?, ?)`)
  const n = 3000
  const ms = timeSync(() => {
    for (let i = 0; i < n; i++) db.transaction(() => insert.run(`k${i}`, 'x'.repeat(200)))()
  })
  db.close()
  return ms / n
}
const durability: Row = {
  name: 'one commit, synchronous FULL vs NORMAL',
  gloss: commitCost('FULL'),
  raw: commitCost('NORMAL'),
  unit: 'ms',
}

// ---- start-up: the built CLI and server against `node -e ''`
const cli = join(packageRoot(), 'bin', 'gloss.mjs')
const startDb = join(dir, 'start.db')
spawnSync(process.execPath, [cli, 'articles', '--db', startDb])
function wall(args: string[]): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return performance.now() - start
}
/**
 * A server started as `command args`, timed to the URL it prints and to its first answer (the
 * URL comes as soon as it listens; the notebook opens in its worker meanwhile). Stopped with
 * SIGTERM to its process group, so nothing it started keeps serving.
 */
function serveTimes(
  command: string,
  args: string[],
): Promise<{ url: number; answer: number; built: boolean }> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { cwd: packageRoot(), detached: true })
    let out = ''
    let asked = false
    const onData = (chunk: Buffer) => {
      out += chunk
      const url = /web shell: (http:\/\/\S+)/.exec(out)?.[1]
      if (!url || asked) return
      asked = true
      const toUrl = performance.now() - start
      const { origin, searchParams } = new URL(url)
      fetch(`${origin}/api/listArticles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': searchParams.get('token')! },
        body: '{}',
      })
        .then(async (res) => {
          if (!res.ok) throw new Error(`listArticles answered ${res.status}: ${await res.text()}`)
          await res.json()
          resolve({ url: toUrl, answer: performance.now() - start, built: /building/.test(out) })
        }, reject)
        .catch(reject)
        .finally(() => {
          try {
            process.kill(-child.pid!, 'SIGTERM')
          } catch {
            // already gone
          }
        })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (out += chunk))
    child.on('exit', () => reject(new Error(`${command} ${args.join(' ')} exited before its answer: ${out}`)))
  })
}
const startup = {
  articles: [] as number[],
  serve: [] as number[],
  serveAnswer: [] as number[],
  npm: [] as number[],
  npmAnswer: [] as number[],
  node: [] as number[],
}
const serveArgs = ['serve', '--port', '0', '--db', startDb]
const npmArgs = ['start', '--', '--web', '--port', '0', '--db', startDb]
// npm start rebuilds what is stale first: one start to build, then every figure is "nothing changed"
let npmBuilt = 0
await serveTimes('npm', npmArgs).catch((e: Error) => checks.that(e.message, false))
for (let i = 0; i < 7; i++) {
  startup.node.push(wall(['-e', '']))
  startup.articles.push(wall([cli, 'articles', '--db', startDb]))
  const served = await serveTimes(process.execPath, [cli, ...serveArgs]).catch(
    (e: Error) => (checks.that(e.message, false), { url: NaN, answer: NaN, built: false }),
  )
  startup.serve.push(served.url)
  startup.serveAnswer.push(served.answer)
  const started = await serveTimes('npm', npmArgs).catch(
    (e: Error) => (checks.that(e.message, false), { url: NaN, answer: NaN, built: false }),
  )
  if (started.built) npmBuilt++
  startup.npm.push(started.url)
  startup.npmAnswer.push(started.answer)
}
const nodeStart = stats(startup.node).p50
const startRows: Row[] = [
  { name: '`gloss articles`', gloss: stats(startup.articles).p50, raw: nodeStart, unit: 'ms' },
  { name: '`gloss serve` to its URL', gloss: stats(startup.serve).p50, raw: nodeStart, unit: 'ms' },
  {
    name: '`gloss serve` to its first answer',
    gloss: stats(startup.serveAnswer).p50,
    raw: nodeStart,
    unit: 'ms',
  },
  { name: '`npm start` (web) to its URL', gloss: stats(startup.npm).p50, raw: nodeStart, unit: 'ms' },
  {
    name: '`npm start` to its first answer',
    gloss: stats(startup.npmAnswer).p50,
    raw: nodeStart,
    unit: 'ms',
  },
]
rmSync(dir, { recursive: true, force: true })

// ---- report, only if every answer was right
if (!checks.ok()) {
  console.error(checks.report())
  console.error('The bench found wrong answers; no figure is printed.')
  process.exit(1)
}
const lines = [
  `Gloss bench: ${ARTICLES} articles, ${EXCERPTS} excerpts, Node ${process.versions.node}; ${checks.count} answers checked, all right`,
  '',
  table('writes (one transaction per operation)', 'gloss', 'raw', writes),
  '',
  table(
    `reads at ${EXCERPTS} excerpts, limit 50 (raw: hand-written SQL on the same database)`,
    'gloss',
    'raw',
    reads,
  ),
  '',
  'cost with the notebook (p50 ms at ' +
    STEPS.join(' / ') +
    ' excerpts; answer rows; slope = log-log exponent)',
  ...growth.map((g) => {
    const answerSlope = slope(
      STEPS,
      g.answers.map((a) => Math.max(a, 1)),
    )
    const costSlope = slope(STEPS, g.costs)
    const flag = costSlope > 0.3 && answerSlope < 0.1 ? '  <- grows while its answer does not' : ''
    return `  ${g.name.padEnd(32)} ${g.costs
      .map((c) => c.toFixed(2))
      .join(' / ')
      .padStart(24)}   rows ${g.answers.join('/').padEnd(14)} slope ${costSlope.toFixed(2)}${flag}`
  }),
  '',
  `search floor at ${EXCERPTS} excerpts: FTS5 ranking every match of each kind, nothing else`,
  '  ' +
    'search'.padEnd(14) +
    'matches'.padStart(9) +
    'floor p50'.padStart(12) +
    'floor p95'.padStart(12) +
    'gloss p95'.padStart(12),
  ...floors.map(
    (f) =>
      '  ' +
      f.name.padEnd(14) +
      String(f.matches).padStart(9) +
      `${f.p50.toFixed(2)} ms`.padStart(12) +
      `${f.p95.toFixed(2)} ms`.padStart(12) +
      `${f.gloss95.toFixed(2)} ms`.padStart(12),
  ),
  '',
  `getArticle on a ${(bigText / 1e6).toFixed(2)} MB article: ${(bigJson / 1e6).toFixed(2)} MB of JSON (${(bigJson / bigText).toFixed(2)}× its text)`,
  `database size: gloss ${(sizes.gloss / 1048576).toFixed(1)} MB, raw ${(sizes.raw / 1048576).toFixed(1)} MB (${(sizes.gloss / sizes.raw).toFixed(2)}×)`,
  '',
  table('durability', 'FULL', 'NORMAL', [durability]),
  '',
  table("start-up, median of 7 (against `node -e ''`)", 'gloss', 'node', startRows),
  `  (npm start rebuilt sources changed meanwhile in ${npmBuilt} of 7 starts)`,
]
console.log(lines.join('\n'))
await import('./reanchor')
