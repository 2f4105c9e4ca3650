/**
 * Typing bench: keypress-to-paint latency in the note editor, in Chromium against `gloss serve`,
 * an empty note and a 200-page note (headings, paragraphs, a section chip every tenth paragraph)
 * in the same run. Not a test (nothing here asserts a time). Needs `npm run build:node` and
 * `npm run build:web`.
 *
 *   node_modules/node/bin/node bin/run-ts.mjs scripts/bench-typing.ts [--pages 200] [--keys 200]
 *
 * Each key's latency runs from its keydown event's timestamp to the task after the next
 * animation frame (the frame that shows the letter has been painted by then). Keys come 60 ms
 * apart in sentences of 25 with a 600 ms pause after each (the autosave runs in the pauses, as
 * when someone stops to think). Then keys typed as the autosave starts (`--save-keys`, 30 per
 * visit): a save that holds the page's thread shows in those.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Page } from 'playwright'
import { launchChromium, startServer } from './webShell'
import { elementNode, textNode } from '../src/shared/notes/testing/lexicalJson'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const PAGES = arg('pages', 200)
const KEYS = arg('keys', 200)
const SAVE_KEYS = arg('save-keys', 30)
const PARAGRAPHS_PER_PAGE = 12

const WORDS =
  'the committee heard evidence from witnesses about the summit and what each side might give in return for relief while analysts weighed the record'.split(
    ' ',
  )
const words = (i: number, count: number) =>
  Array.from({ length: count }, (_, w) => WORDS[(i * 7 + w * 13) % WORDS.length]!).join(' ')

/** A note of `pages` pages: a heading each, then paragraphs of 40 words; every tenth paragraph cites a section. */
function longNote(pages: number, chip: { articleId: string; sectionId: string; ordinal: number }) {
  const children: unknown[] = []
  let n = 0
  for (let p = 1; p <= pages; p++) {
    children.push(elementNode('heading', [textNode(`Page ${p}`)], { tag: 'h2' }))
    for (let i = 0; i < PARAGRAPHS_PER_PAGE; i++, n++) {
      const runs: unknown[] = [textNode(`${words(n, 40)}. `)]
      if (n % 10 === 0)
        runs.push(
          {
            ...textNode(`¶${chip.ordinal}`),
            mode: 'token',
            type: 'gloss-section-link',
            ...chip,
            label: `¶${chip.ordinal}`,
          },
          textNode(' as the report says.'),
        )
      children.push(elementNode('paragraph', runs, { textFormat: 0, textStyle: '' }))
    }
  }
  children.push(elementNode('paragraph', [], { textFormat: 0, textStyle: '' }))
  return { root: elementNode('root', children) }
}

async function openNote(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Notes' }).click()
  const back = page.getByRole('button', { name: 'All notes' })
  if (await back.count()) await back.first().click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click()
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.waitFor()
  // the caret at the note's end
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.waitForTimeout(1000)
}

/** Records each key's keydown-to-painted-frame latency from here on, in the page. */
async function probeLatency(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchLatencies: number[]; benchListener?: (e: KeyboardEvent) => void }
    w.benchLatencies = []
    if (w.benchListener) document.removeEventListener('keydown', w.benchListener, true)
    w.benchListener = (event: KeyboardEvent) => {
      const start = event.timeStamp
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => w.benchLatencies.push(performance.now() - start)
        channel.port2.postMessage(null)
      })
    }
    document.addEventListener('keydown', w.benchListener, true)
  })
}

const latencies = (page: Page) =>
  page.evaluate(() => (window as unknown as { benchLatencies: number[] }).benchLatencies)

/** Type KEYS letters; each key's keydown-to-painted-frame latency in ms. */
async function typeAndMeasure(page: Page): Promise<number[]> {
  await probeLatency(page)
  const sentence = 'a quick note on the talks '
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(sentence[i % sentence.length]!)
    await page.waitForTimeout((i + 1) % 25 === 0 ? 600 : 60)
  }
  await page.waitForTimeout(1000)
  return latencies(page)
}

/**
 * Keys typed just as the autosave runs: a word, then a pause of the save's delay (400 ms) plus
 * 0–90 ms, then one key. Its time runs from sending the key to Chromium having handled its
 * keydown and keyup, so a key waiting behind a save counts (a keydown's own timestamp is taken
 * when the page gets to it). The word's keys, timed alike, are the baseline.
 */
async function typeIntoSaves(page: Page): Promise<{ during: number[]; baseline: number[] }> {
  const during: number[] = []
  const baseline: number[] = []
  const press = async (key: string) => {
    const start = performance.now()
    await page.keyboard.press(key)
    return performance.now() - start
  }
  for (let i = 0; i < SAVE_KEYS; i++) {
    for (const key of 'word ') {
      baseline.push(await press(key))
      await page.waitForTimeout(60)
    }
    await page.waitForTimeout(400 + (i % 10) * 10)
    during.push(await press('x'))
    await page.waitForTimeout(300)
  }
  return { during, baseline }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const fmt = (n: number) => `${n.toFixed(1)} ms`

const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'))
const server = await startServer(join(dir, 'gloss.db'))
const browser = await launchChromium()
try {
  const [article] = await server.call<{ id: string }[]>('listArticles', {})
  const sections = await server.call<{ id: string; ordinal: number }[]>('listSections', {
    articleId: article!.id,
  })
  const chip = { articleId: article!.id, sectionId: sections[2]!.id, ordinal: sections[2]!.ordinal }
  const content = longNote(PAGES, chip)
  await server.call('createNote', {
    title: 'Empty note',
    content: { root: elementNode('root', [elementNode('paragraph', [], { textFormat: 0, textStyle: '' })]) },
  })
  await server.call('createNote', { title: 'Long note', content })
  const chars = JSON.stringify(content).length

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(server.url)
  await page.locator('article.article [data-ordinal]').first().waitFor()
  console.log(
    `Chromium ${browser.version()}, viewport 1400×900; ${KEYS} keys per note; the long note: ${PAGES} pages, ${PAGES * PARAGRAPHS_PER_PAGE} paragraphs, ${(chars / 1024).toFixed(0)} KiB of JSON`,
  )
  const results: Record<string, number[]> = {}
  const intoSaves: Record<string, { during: number[]; baseline: number[] }> = {}
  for (const title of ['Empty note', 'Long note', 'Empty note', 'Long note']) {
    await openNote(page, title)
    results[title] = [...(results[title] ?? []), ...(await typeAndMeasure(page))]
    const typed = await typeIntoSaves(page)
    intoSaves[title] = {
      during: [...(intoSaves[title]?.during ?? []), ...typed.during],
      baseline: [...(intoSaves[title]?.baseline ?? []), ...typed.baseline],
    }
  }
  const summary = (title: string) => {
    const values = results[title]!
    return {
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      max: Math.max(...values),
      n: values.length,
    }
  }
  const empty = summary('Empty note')
  const long = summary('Long note')
  for (const [name, s] of [
    ['empty note', empty],
    [`${PAGES}-page note`, long],
  ] as const)
    console.log(
      `${name}: keypress to paint p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)} (${s.n} keys)`,
    )
  for (const [name, title] of [
    ['empty note', 'Empty note'],
    [`${PAGES}-page note`, 'Long note'],
  ] as const) {
    const { during, baseline } = intoSaves[title]!
    console.log(
      `${name}, send to handled: a key as the autosave runs p50 ${fmt(percentile(during, 50))}, p95 ${fmt(percentile(during, 95))}, max ${fmt(Math.max(...during))} (${during.length} keys); other keys p50 ${fmt(percentile(baseline, 50))}, p95 ${fmt(percentile(baseline, 95))}`,
    )
  }
  console.log(
    `ratio ${PAGES}-page / empty: p50 ${(long.p50 / empty.p50).toFixed(2)}×, p95 ${(long.p95 / empty.p95).toFixed(2)}×`,
  )
} finally {
  await browser.close()
  server.stop()
  rmSync(dir, { recursive: true, force: true })
}
