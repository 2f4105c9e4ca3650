/**
 * `npm run bench`: Gloss's notebook against raw better-sqlite3 doing the same work on the same
 * schema, side by side in one run. Prints each figure as a ratio (Gloss / raw), query latency
 * percentiles and database sizes. Sizes: BENCH_ARTICLES (1000), BENCH_EXCERPTS (100000).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createDispatcher } from '../src/shared/dispatch'
import { openNotebook } from '../src/core/notebook'
import { defaultSamplePath } from '../src/core/paths'
import { openDatabase } from '../src/core/store/open'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000)
const EXCERPTS = Number(process.env.BENCH_EXCERPTS ?? 100_000)
const QUERY_REPEATS = 40
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
const QUERIES = { common: 'Korea', rare: 'Klingner', prefix: 'diplom*', phrase: '"nuclear war"' }

const sample = readFileSync(defaultSamplePath(), 'utf8')
/** A distinct variant of the sample: its own opening line and a shifted sentence order in one paragraph. */
function variant(i: number): string {
  const lines = sample.split('\n')
  lines.unshift(`Dispatch ${i}: a report filed on day ${i % 365} from desk ${(i * 7919) % 1000}.`)
  const middle = lines[4 + (i % 6)]!.split('. ')
  lines[4 + (i % 6)] = [...middle.slice(i % middle.length), ...middle.slice(0, i % middle.length)].join('. ')
  return lines.join('\n')
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now()
  const value = fn()
  return [value, performance.now() - start]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Offsets of excerpt n within an article's sections: one sentence-sized slice of a paragraph. */
function excerptRange(sections: Array<{ start: number; end: number }>, n: number): [number, number] {
  const section = sections[n % sections.length]!
  const length = Math.min(80, section.end - section.start)
  const room = section.end - section.start - length
  const start = section.start + ((n * 37) % Math.max(1, room))
  return [start, start + length]
}

const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'))
const perArticle = Math.ceil(EXCERPTS / ARTICLES)
const texts = Array.from({ length: ARTICLES }, (_, i) => variant(i))
const figures: Array<{ name: string; gloss: number; raw: number; unit: string }> = []

// ---- Gloss, through the contract (validation included), as the shells call it
const notebook = openNotebook({ path: join(dir, 'gloss.db'), samplePath: null })
const dispatch = createDispatcher(notebook.handlers)
const call = (name: string, input: unknown) => dispatch(name, input) as Promise<never>

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

const articleIds: string[] = []
const glossImport = await timeAsync(async () => {
  for (const text of texts) {
    const result = (await call('importContent', { content: text, format: 'text' })) as {
      article: { id: string }
      duplicate: boolean
    }
    if (result.duplicate) throw new Error('variants collided')
    articleIds.push(result.article.id)
  }
})
const sectionsOf = notebook.db.prepare(
  `SELECT start_offset AS start, end_offset AS end FROM sections WHERE article_id = ? AND kind != 'quarantined' ORDER BY ordinal`,
)
const sectionsById = new Map(
  articleIds.map((id) => [id, sectionsOf.all(id) as Array<{ start: number; end: number }>]),
)
const glossExcerpts = await timeAsync(async () => {
  let n = 0
  for (const articleId of articleIds) {
    for (let k = 0; k < perArticle && n < EXCERPTS; k++, n++) {
      const [s, e] = excerptRange(sectionsById.get(articleId)!, n)
      await call('createExcerpt', {
        articleId,
        start: s,
        end: e,
        tags: [TAGS[n % TAGS.length]!, TAGS[(n * 3 + 1) % TAGS.length]!],
        comment: `note ${n}`,
      })
    }
  }
})
const glossLatency: Record<string, number[]> = {}
for (const [kind, query] of Object.entries(QUERIES)) {
  glossLatency[kind] = []
  for (let r = 0; r < QUERY_REPEATS; r++) {
    const start = performance.now()
    await call('search', { query, limit: 50 })
    glossLatency[kind].push(performance.now() - start)
  }
}
notebook.db.pragma('wal_checkpoint(TRUNCATE)')
const glossSize = statSync(join(dir, 'gloss.db')).size
notebook.close()

// ---- raw better-sqlite3: same schema, same rows, no parsing, validation or anchoring
const { db } = openDatabase(join(dir, 'raw.db'))
const insertArticle = db.prepare(
  `INSERT INTO articles (id, title, format, imported_at, content_hash, text) VALUES (?, ?, 'text', ?, ?, ?)`,
)
const insertSection = db.prepare(
  `INSERT INTO sections (id, article_id, ordinal, kind, base_kind, text, start_offset, end_offset) VALUES (?, ?, ?, 'paragraph', 'paragraph', ?, ?, ?)`,
)
const insertExcerpt = db.prepare(
  `INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', ?, ?, 'yellow', ?, ?, ?)`,
)
const insertTag = db.prepare(`INSERT OR IGNORE INTO tags (id, name, created_at) VALUES (?, ?, ?)`)
const linkTag = db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`)
const rawSections: Array<{
  id: string
  sectionIds: string[]
  spans: Array<{ start: number; end: number }>
  text: string
}> = []
const [, rawImport] = time(() => {
  texts.forEach((raw, i) => {
    db.transaction(() => {
      const paragraphs = raw.split('\n').filter((l) => l.trim())
      const text = paragraphs.join('\n\n')
      const id = `a${i}`
      insertArticle.run(id, paragraphs[0]!.slice(0, 80), new Date().toISOString(), `hash${i}`, text)
      let offset = 0
      const spans: Array<{ start: number; end: number }> = []
      const sectionIds: string[] = []
      paragraphs.forEach((p, j) => {
        insertSection.run(`${id}s${j}`, id, j + 1, p, offset, offset + p.length)
        spans.push({ start: offset, end: offset + p.length })
        sectionIds.push(`${id}s${j}`)
        offset += p.length + 2
      })
      rawSections.push({ id, sectionIds, spans, text })
    })()
  })
})
for (const name of TAGS) insertTag.run(`t:${name}`, name, new Date().toISOString())
const [, rawExcerpts] = time(() => {
  let n = 0
  for (const article of rawSections) {
    for (let k = 0; k < perArticle && n < EXCERPTS; k++, n++) {
      const [s, e] = excerptRange(article.spans.slice(0, -1), n)
      const sectionIndex = article.spans.findIndex((span) => span.start <= s && s < span.end)
      const at = new Date().toISOString()
      db.transaction(() => {
        insertExcerpt.run(
          `x${n}`,
          article.id,
          article.sectionIds[sectionIndex]!,
          article.text.slice(s, e),
          s,
          e,
          `note ${n}`,
          at,
          at,
        )
        linkTag.run(`x${n}`, `t:${TAGS[n % TAGS.length]}`)
        linkTag.run(`x${n}`, `t:${TAGS[(n * 3 + 1) % TAGS.length]}`)
      })()
    }
  }
})
// the same four ranked FTS queries with snippets, without Gloss's joins, filters and mapping
const rawQueries = [
  ['articles_fts', -1],
  ['sections_fts', 0],
  ['excerpts_fts', -1],
  ['notes_fts', -1],
].map(([table, column]) =>
  db.prepare(
    `SELECT rowid, bm25(${table}) AS rank, snippet(${table}, ${column}, '[', ']', '…', 14) AS s FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT 50`,
  ),
)
const rawLatency: Record<string, number[]> = {}
const rawFts: Record<string, string> = {
  common: 'Korea',
  rare: 'Klingner',
  prefix: 'diplom*',
  phrase: '"nuclear war"',
}
for (const kind of Object.keys(QUERIES)) {
  rawLatency[kind] = []
  for (let r = 0; r < QUERY_REPEATS; r++) {
    const [, ms] = time(() => {
      for (const query of rawQueries) query.all(rawFts[kind]!)
    })
    rawLatency[kind].push(ms)
  }
}
db.pragma('wal_checkpoint(TRUNCATE)')
const rawSize = statSync(join(dir, 'raw.db')).size
db.close()

// ---- report
figures.push({ name: `import ${ARTICLES} articles`, gloss: glossImport, raw: rawImport, unit: 'ms' })
figures.push({
  name: `add ${EXCERPTS} excerpts with 2 tags`,
  gloss: glossExcerpts,
  raw: rawExcerpts,
  unit: 'ms',
})
const lines: string[] = []
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2))
lines.push(`Gloss bench: ${ARTICLES} articles, ${EXCERPTS} excerpts, Node ${process.versions.node}`)
lines.push('')
lines.push('work'.padEnd(34) + 'gloss'.padStart(12) + 'raw'.padStart(12) + 'ratio'.padStart(9))
for (const f of figures) {
  lines.push(
    f.name.padEnd(34) +
      `${fmt(f.gloss)} ${f.unit}`.padStart(12) +
      `${fmt(f.raw)} ${f.unit}`.padStart(12) +
      `${(f.gloss / f.raw).toFixed(2)}×`.padStart(9),
  )
}
lines.push('')
lines.push(
  'query (ranked, 50 hits)'.padEnd(34) +
    'gloss p50/p95'.padStart(20) +
    'raw p50/p95'.padStart(20) +
    'p50 ratio'.padStart(11),
)
for (const kind of Object.keys(QUERIES)) {
  const g = [...glossLatency[kind]!].sort((a, b) => a - b)
  const r = [...rawLatency[kind]!].sort((a, b) => a - b)
  lines.push(
    `${kind} ${QUERIES[kind as keyof typeof QUERIES]}`.padEnd(34) +
      `${fmt(percentile(g, 50))} / ${fmt(percentile(g, 95))} ms`.padStart(20) +
      `${fmt(percentile(r, 50))} / ${fmt(percentile(r, 95))} ms`.padStart(20) +
      `${(percentile(g, 50) / percentile(r, 50)).toFixed(2)}×`.padStart(11),
  )
}
lines.push('')
lines.push(
  `database size: gloss ${(glossSize / 1048576).toFixed(1)} MB, raw ${(rawSize / 1048576).toFixed(1)} MB (${(glossSize / rawSize).toFixed(2)}×)`,
)
lines.push(
  'Both search four FTS tables (articles, sections, excerpts, notes) with bm25 and snippets; Gloss adds query parsing, validation, joins and filters (deleted, quarantined, article, tag).',
)
lines.push(
  'Gloss imports parse, section, de-duplicate and quarantine; excerpts are anchored with selectors; both use one transaction per operation.',
)
console.log(lines.join('\n'))
rmSync(dir, { recursive: true, force: true })
