/**
 * `npm run eval:quotes [DIR]`: who said what, measured on hand-labelled pages (DIR defaults to
 * ../shared/corpus/quotes; its README says how to score). Each `<page>.txt` (one paragraph a line)
 * is analysed; a found quotation matches a labelled one in the same paragraph by its words, and its
 * speaker is right when the names agree (an unnamed source or an organisation by its kind). Prints
 * quotes found and speakers right by difficulty; the last line is `quotes found F/N, speakers right S/N`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyzeArticle } from '../src/core/analysis'
import type { Quote } from '../src/core/analysis/types'

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

function matches(found: Quote, label: Label): boolean {
  if (found.place.ordinal !== label.para) return false
  const a = norm(found.text)
  const b = norm(label.text)
  if (!a || !b) return false
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return long.includes(short) && short.length / long.length >= 0.6
}

function speakerRight(found: Quote, label: Label): boolean {
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
let ms = 0
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
if (!pages.length) throw new Error(`eval:quotes: no <page>.json in ${dir}`)
for (const file of pages) {
  const page = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { page: string; quotes: Label[] }
  const lines = readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8').split('\n')
  let start = 0
  const sections = lines.map((text, i) => {
    const section = { ordinal: i + 1, text, start }
    start += text.length + 1
    return section
  })
  const t0 = performance.now()
  const { quotes } = analyzeArticle({ sections, publishedAt: null, importedAt: new Date().toISOString() })
  ms += performance.now() - t0
  const used = new Set<Quote>()
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
    for (const q of unmatched)
      console.log(`  ${page.page} ¶${q.place.ordinal} extra: “${q.text.slice(0, 60)}”`)
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
console.log(
  `quoted spans found that are no labelled quotation: ${extra}; analysis ${ms.toFixed(0)} ms for ${pages.length} pages`,
)
console.log(`quotes found ${total.found}/${total.n}, speakers right ${total.right}/${total.n}`)
