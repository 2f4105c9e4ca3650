/**
 * `npm run eval:import [DIR] [--verbose] [--page NAME] [--dump OUT]`: imports every saved web page
 * of a corpus (DIR/<page>/source.html; DIR defaults to ../shared/corpus/readability) through the
 * real pipeline (parseArticle) and scores what a reader would see against the hand labels in
 * eval/labels/<page>.json:
 *
 *   { "headline": "…", "byline": "Jane Roe, John Doe" | null,
 *     "junk": ["text of a chrome line", …], "captions": ["text of an image caption", …], "notes": "…" }
 *
 * Per page and in total: headline and byline right, sections shown and hidden, junk hidden (labelled
 * junk lines that are quarantined, of those the import has at all), prose hidden (quarantined
 * paragraphs that are neither junk nor caption, of all such paragraphs), captions found (labelled
 * captions given role "caption"), headings still carrying "[edit]", and the parse's CPU time in ms
 * (this thread's, so other work on the machine counts less; the first page pays the warm-up). A
 * labelled line the import no longer has is counted apart ("absent"): it is neither shown nor hidden. This is an evaluation,
 * not a test: the corpus is not part of the project, and nothing here fails the build.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticle, type ParsedArticle, type ParsedSection } from '../src/core/import/index'

interface PageLabel {
  headline: string
  byline: string | null
  junk: string[]
  captions: string[]
  notes?: string
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const LABELS = join(ROOT, 'eval', 'labels')

const args = process.argv.slice(2)
const flag = (name: string): boolean => args.includes(name)
const option = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i === -1 ? undefined : args[i + 1]
}
const optionValues = new Set(['--page', '--dump'].map(option).filter((v) => v !== undefined))
const positional = args.filter((a) => !a.startsWith('--') && !optionValues.has(a))
const corpus = resolve(positional[0] ?? '../shared/corpus/readability')
const verbose = flag('--verbose')
const onlyPage = option('--page')
const dumpDir = option('--dump')

/** Text compared loosely: case, quotes, dashes, punctuation and spacing aside. */
function norm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Titles compared exactly but for spacing, quote style and dash style. */
function normTitle(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

const nameSplit = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/i
function names(byline: string | null): string[] {
  if (byline === null) return []
  return byline
    .split(nameSplit)
    .map((n) => norm(n))
    .filter(Boolean)
    .sort()
}

function sameNames(a: string | null, b: string | null): boolean {
  const x = names(a)
  const y = names(b)
  return x.length === y.length && x.every((n, i) => n === y[i])
}

/** A section matches a label when their loose texts are equal, or one holds the other and is nearly as long. */
function matches(section: ParsedSection, label: string): boolean {
  const s = norm(section.text)
  const l = norm(label)
  if (s === l) return true
  if (l.length < 12 || s.length < 12) return false
  const [short, long] = s.length < l.length ? [s, l] : [l, s]
  return long.includes(short) && short.length >= 0.85 * long.length
}

interface PageScore {
  page: string
  headline: string
  headlineRight: boolean
  byline: string | null
  bylineExpected: string | null
  bylineRight: boolean
  shown: number
  hidden: number
  junk: number
  junkHidden: number
  junkAbsent: number
  prose: number
  proseHidden: number
  captions: number
  captionsFound: number
  captionsAbsent: number
  falseCaptions: number
  /** quarantined headings no label names as junk */
  headingsHidden: number
  editMarks: number
  problems: string[]
}

function isHidden(s: ParsedSection): boolean {
  return s.kind === 'quarantined'
}

function score(page: string, article: ParsedArticle, label: PageLabel): PageScore {
  const used = new Set<number>()
  const problems: string[] = []
  const claim = (text: string): number => {
    const exact = article.sections.findIndex((s, i) => !used.has(i) && norm(s.text) === norm(text))
    const i = exact !== -1 ? exact : article.sections.findIndex((s, j) => !used.has(j) && matches(s, text))
    if (i !== -1) used.add(i)
    return i
  }
  let junkHidden = 0
  let junkAbsent = 0
  for (const text of label.junk) {
    const i = claim(text)
    if (i === -1) junkAbsent++
    else if (isHidden(article.sections[i]!)) junkHidden++
    else problems.push(`junk shown ¶${i + 1}: ${text.slice(0, 100)}`)
  }
  let captionsFound = 0
  let captionsAbsent = 0
  const captionIndexes = new Set<number>()
  for (const text of label.captions) {
    const i = claim(text)
    if (i === -1) {
      captionsAbsent++
      continue
    }
    captionIndexes.add(i)
    const s = article.sections[i]!
    if (s.role === 'caption' && !isHidden(s)) captionsFound++
    else if (isHidden(s)) problems.push(`caption hidden ¶${i + 1}: ${text.slice(0, 100)}`)
    else problems.push(`caption not marked ¶${i + 1}: ${text.slice(0, 100)}`)
  }
  let prose = 0
  let proseHidden = 0
  let falseCaptions = 0
  let headingsHidden = 0
  article.sections.forEach((s, i) => {
    if (used.has(i)) return
    if (s.kind === 'quarantined' && s.level !== undefined) {
      headingsHidden++
      problems.push(`HEADING HIDDEN ¶${i + 1} (${s.quarantineReason}): ${s.text.slice(0, 120)}`)
      return
    }
    if (s.kind === 'heading') return
    prose++
    if (isHidden(s)) {
      proseHidden++
      problems.push(`PROSE HIDDEN ¶${i + 1} (${s.quarantineReason}): ${s.text.slice(0, 120)}`)
    } else if (s.role === 'caption') {
      falseCaptions++
      problems.push(`not a labelled caption ¶${i + 1}: ${s.text.slice(0, 100)}`)
    }
  })
  const editMarks = article.sections.filter(
    (s) => s.kind === 'heading' && /\[\s*edit\s*\]/i.test(s.text),
  ).length
  const headlineRight = normTitle(article.title) === normTitle(label.headline)
  if (!headlineRight) problems.push(`headline: got "${article.title}", want "${label.headline}"`)
  const bylineRight = sameNames(article.byline, label.byline)
  if (!bylineRight)
    problems.push(`byline: got ${JSON.stringify(article.byline)}, want ${JSON.stringify(label.byline)}`)
  const hidden = article.sections.filter(isHidden).length
  return {
    page,
    headline: article.title,
    headlineRight,
    byline: article.byline,
    bylineExpected: label.byline,
    bylineRight,
    shown: article.sections.length - hidden,
    hidden,
    junk: label.junk.length - junkAbsent,
    junkHidden,
    junkAbsent,
    prose,
    proseHidden,
    captions: label.captions.length - captionsAbsent,
    captionsFound,
    captionsAbsent,
    falseCaptions,
    headingsHidden,
    editMarks,
    problems,
  }
}

function dump(out: string, page: string, article: ParsedArticle): void {
  const lines = [
    `title: ${article.title}`,
    `byline: ${article.byline}`,
    `published: ${article.publishedAt}`,
    `url: ${article.sourceUrl}`,
    '',
    ...article.sections.map((s, i) => {
      const tag =
        s.kind === 'heading'
          ? `h${s.level}`
          : s.kind === 'quarantined'
            ? `Q[${s.quarantineReason}]`
            : s.role === 'caption'
              ? 'cap'
              : 'p'
      return `${i + 1}\t${tag}\t${s.text}`
    }),
  ]
  writeFileSync(join(out, `${page}.txt`), lines.join('\n') + '\n')
}

const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1)}%`)

function main(): void {
  if (!existsSync(corpus)) {
    console.error(`eval:import: no corpus at ${corpus}`)
    process.exit(1)
  }
  if (dumpDir !== undefined) mkdirSync(dumpDir, { recursive: true })
  const pages = readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(corpus, d.name, 'source.html')))
    .map((d) => d.name)
    .filter((name) => onlyPage === undefined || name === onlyPage)
    .sort()
  const scores: PageScore[] = []
  const unlabelled: string[] = []
  const cpuMs = new Map<string, number>()
  for (const page of pages) {
    const bytes = readFileSync(join(corpus, page, 'source.html'))
    const started = process.cpuUsage()
    const article = parseArticle({ bytes, fileName: 'source.html' })
    const used = process.cpuUsage(started)
    cpuMs.set(page, (used.user + used.system) / 1000)
    if (dumpDir !== undefined) dump(dumpDir, page, article)
    const labelPath = join(LABELS, `${page}.json`)
    if (!existsSync(labelPath)) {
      unlabelled.push(page)
      continue
    }
    const label = JSON.parse(readFileSync(labelPath, 'utf8')) as PageLabel
    scores.push(score(page, article, label))
  }

  const header = [
    'page',
    'head',
    'byline',
    'shown',
    'hidden',
    'junk hidden',
    'prose hidden',
    'captions',
    '[edit]',
    'ms',
  ]
  const rows = scores.map((s) => [
    s.page,
    s.headlineRight ? 'ok' : 'WRONG',
    s.bylineRight ? 'ok' : 'WRONG',
    String(s.shown),
    String(s.hidden),
    `${s.junkHidden}/${s.junk}${s.junkAbsent ? ` (+${s.junkAbsent} absent)` : ''}`,
    `${s.proseHidden}/${s.prose}`,
    `${s.captionsFound}/${s.captions}${s.falseCaptions ? ` (+${s.falseCaptions} false)` : ''}`,
    String(s.editMarks),
    (cpuMs.get(s.page) ?? 0).toFixed(0),
  ])
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)))
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))

  const sum = (f: (s: PageScore) => number): number => scores.reduce((n, s) => n + f(s), 0)
  const withByline = scores.filter((s) => s.bylineExpected !== null)
  const withoutByline = scores.filter((s) => s.bylineExpected === null)
  const junk = sum((s) => s.junk)
  const junkHidden = sum((s) => s.junkHidden)
  const prose = sum((s) => s.prose)
  const proseHidden = sum((s) => s.proseHidden)
  const captions = sum((s) => s.captions)
  const captionsFound = sum((s) => s.captionsFound)
  console.log('')
  console.log(
    `pages             ${scores.length}${unlabelled.length ? ` (unlabelled: ${unlabelled.join(', ')})` : ''}`,
  )
  console.log(`headlines right   ${scores.filter((s) => s.headlineRight).length} of ${scores.length}`)
  console.log(
    `bylines right     ${withByline.filter((s) => s.bylineRight).length} of ${withByline.length} pages with an author` +
      `; ${withoutByline.filter((s) => s.bylineRight).length} of ${withoutByline.length} without one left empty`,
  )
  console.log(`sections          ${sum((s) => s.shown)} shown, ${sum((s) => s.hidden)} hidden`)
  console.log(
    `junk hidden       ${junkHidden} of ${junk} (${pct(junkHidden, junk)}); ${junk - junkHidden} shown, ${sum((s) => s.junkAbsent)} labelled lines absent`,
  )
  console.log(
    `prose hidden      ${proseHidden} of ${prose} (${pct(proseHidden, prose)}); headings hidden that are no junk: ${sum((s) => s.headingsHidden)}`,
  )
  console.log(
    `captions found    ${captionsFound} of ${captions} (${pct(captionsFound, captions)}); ${sum((s) => s.falseCaptions)} other sections marked caption, ${sum((s) => s.captionsAbsent)} labelled captions absent`,
  )
  console.log(`headings [edit]   ${sum((s) => s.editMarks)}`)
  const slowest = [...cpuMs].sort((a, b) => b[1] - a[1])[0]
  const total = [...cpuMs.values()].reduce((a, b) => a + b, 0)
  console.log(
    `parse time        ${(total / 1000).toFixed(1)} s CPU for ${cpuMs.size} pages${slowest ? `; slowest ${slowest[0]} ${(slowest[1] / 1000).toFixed(1)} s` : ''}`,
  )
  if (verbose) {
    for (const s of scores) {
      if (s.problems.length === 0) continue
      console.log(`\n${s.page}`)
      for (const p of s.problems) console.log(`  ${p}`)
    }
  }
}

main()
