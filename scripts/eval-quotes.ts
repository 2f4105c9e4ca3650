/**
 * `npm run eval:quotes [DIR]`: who said what, measured on hand-labelled pages (DIR defaults to
 * ../shared/corpus/quotes; its README says how to score). Each `<page>.txt` (one paragraph a line)
 * is imported into a fresh notebook, as a user would, and analysed there; a found quotation matches a labelled one in the same paragraph by its words, and its
 * speaker is right when the names agree (an unnamed source or an organisation by its kind). Prints
 * quotes found and speakers right by difficulty; the last line is `quotes found F/N, speakers right S/N`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openTempNotebook } from '../src/core/testing/tempNotebook'
import type { ResearchQuote } from '../src/shared/research'

interface Label {
  id: string
  para: number
  text: string
  speaker: string | null
  anonymous: string | null
  organization: string | null
  difficulty: string
}

const args = process.argv.slice(2)
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/quotes')
const verbose = args.includes('--verbose')
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
const name = (s: string) => norm(s.replace(/\b(?:mr|mrs|ms|dr|miss|senator|president)\.?\s/gi, ''))

function matches(found: ResearchQuote, label: Label): boolean {
  if (found.ordinal !== label.para) return false
  const a = norm(found.text)
  const b = norm(label.text)
  if (!a || !b) return false
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return long.includes(short) && short.length / long.length >= 0.6
}

function speakerRight(found: ResearchQuote, label: Label): boolean {
  const s = found.speaker
  if (label.speaker) return s.kind === 'person' && s.name !== null && name(s.name) === name(label.speaker)
  if (label.organization) {
    const org = norm(label.organization)
    const got = norm(s.name ?? s.description ?? '')
    return s.kind === 'organization' && got !== '' && (org.includes(got) || got.includes(org))
  }
  return s.kind === 'unnamed'
}

const rows = new Map<string, { n: number; found: number; right: number }>()
const add = (key: string, found: boolean, right: boolean) => {
  const row = rows.get(key) ?? { n: 0, found: 0, right: 0 }
  row.n++
  if (found) row.found++
  if (right) row.right++
  rows.set(key, row)
}
let extra = 0
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
if (!pages.length) throw new Error(`eval:quotes: no <page>.json in ${dir}`)
const nb = openTempNotebook({ samplePath: null })
const times: number[] = []
for (const file of pages) {
  const page = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { page: string; quotes: Label[] }
  const text = readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8')
  const { article } = await nb.call('importContent', {
    content: text,
    encoding: 'utf8',
    fileName: `${page.page}.txt`,
  })
  // the labels count a paragraph by its line in the text: each section is found again by its words
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
  const paraOf = new Map<number, number>()
  let line = 0
  for (const section of await nb.call('listSections', { articleId: article.id, includeQuarantined: true })) {
    const at = lines.indexOf(section.text, line)
    if (at >= 0) line = at
    paraOf.set(section.ordinal, line + 1)
  }
  const quotes = (await nb.call('listQuotes', { articleId: article.id })).map((q) => ({
    ...q,
    ordinal: paraOf.get(q.ordinal) ?? -1,
  }))
  const row = nb.notebook.db.prepare(`SELECT ms FROM analyses WHERE article_id = ?`).get(article.id) as {
    ms: number
  }
  times.push(row.ms)
  const used = new Set<ResearchQuote>()
  for (const label of page.quotes) {
    const found = quotes.find((q) => !used.has(q) && matches(q, label))
    if (found) used.add(found)
    const right = found ? speakerRight(found, label) : false
    add(label.difficulty, !!found, right)
    if (verbose && !right)
      console.log(
        `  ${label.id} [${label.difficulty}] ${found ? `got ${found.speaker.kind}:${found.speaker.name ?? found.speaker.description} (${found.cue.type} “${found.cue.text}”)` : 'NOT FOUND'} want ${label.speaker ?? label.anonymous ?? label.organization} — “${label.text.slice(0, 50)}”`,
      )
  }
  const unmatched = quotes.filter((q) => !used.has(q))
  extra += unmatched.length
  if (verbose)
    for (const q of unmatched) console.log(`  ${page.page} ¶${q.ordinal} extra: “${q.text.slice(0, 60)}”`)
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)} %` : '–')
console.log('difficulty  quotes  found          speakers right')
const total = { n: 0, found: 0, right: 0 }
const order = ['easy', 'surname', 'pronoun', 'carry', 'other']
const keys = [
  ...order.filter((k) => rows.has(k)),
  ...[...rows.keys()].filter((k) => !order.includes(k)).sort(),
]
for (const key of keys) {
  const row = rows.get(key)!
  total.n += row.n
  total.found += row.found
  total.right += row.right
  console.log(
    `${key.padEnd(11)} ${String(row.n).padStart(6)}  ${`${row.found} (${pct(row.found, row.n)})`.padEnd(14)} ${row.right} (${pct(row.right, row.n)})`,
  )
}
nb.cleanup()
console.log(
  `quoted spans found that are no labelled quotation: ${extra}; analysis at import (each page): ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
)
console.log(`quotes found ${total.found}/${total.n}, speakers right ${total.right}/${total.n}`)
