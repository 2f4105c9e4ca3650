/**
 * `npm run eval:analysis-speed -- [DIR] [--rounds N]`: how long the research
 * analysis (quotations, speakers, entities, timeline, stored) takes per article, on real pages.
 * Each `<page>/source.html` of DIR (default ../shared/corpus/readability) is imported into a fresh
 * notebook as a user would (its analysis at import, stored, is timed by the notebook), then its
 * sections analysed again N times (default 3, the fastest kept: the machine is shared). Prints each
 * page's size and both times, then the median, p95 and max of each. The goal is under 200 ms for a
 * typical article.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyzeArticle } from '../src/core/analysis'
import { openTempNotebook } from '../src/core/testing/tempNotebook'

const args = process.argv.slice(2)
const roundsAt = args.indexOf('--rounds')
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && i !== roundsAt + 1) ?? '../shared/corpus/readability',
)
const pages = readdirSync(dir)
  .filter((p) => existsSync(join(dir, p, 'source.html')))
  .sort()
if (!pages.length) throw new Error(`eval-quotes-speed: no <page>/source.html in ${dir}`)

const nb = openTempNotebook({ samplePath: null })
const rows: { page: string; chars: number; imported: number; best: number }[] = []
for (const page of pages) {
  const content = readFileSync(join(dir, page, 'source.html'), 'utf8')
  const { article } = await nb.call('importContent', { content, encoding: 'utf8', fileName: `${page}.html` })
  const { ms: imported } = nb.notebook.db
    .prepare(`SELECT ms FROM analyses WHERE article_id = ?`)
    .get(article.id) as { ms: number }
  const sections = (await nb.call('listSections', { articleId: article.id })).map((s) => ({
    ordinal: s.ordinal,
    text: s.text,
    start: s.start,
    kind: s.kind,
  }))
  const input = { sections, publishedAt: article.publishedAt, importedAt: article.importedAt }
  let best = Infinity
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    analyzeArticle(input)
    best = Math.min(best, performance.now() - t0)
  }
  const chars = sections.reduce((n, s) => n + s.text.length, 0)
  rows.push({ page, chars, imported, best })
  console.log(
    `${page.padEnd(22)} ${String(chars).padStart(7)} chars  at import ${imported.toFixed(1).padStart(6)} ms  best of ${rounds} ${best.toFixed(1).padStart(6)} ms`,
  )
}
nb.cleanup()
const stats = (values: number[]) => {
  const ms = [...values].sort((a, b) => a - b)
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(1)
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${ms.at(-1)!.toFixed(1)} ms`
}
console.log(`analysis at import (stored) over ${rows.length} pages: ${stats(rows.map((r) => r.imported))}`)
console.log(`analysis alone, best of ${rounds}: ${stats(rows.map((r) => r.best))}`)
