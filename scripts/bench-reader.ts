/**
 * Reader bench: opens long articles in Chromium against `gloss serve` and prints figures.
 * Not a test (nothing here asserts a time). Needs `npm run build:node` and `npm run build:web`.
 *
 *   node_modules/node/bin/node bin/run-ts.mjs scripts/bench-reader.ts [--sections 10000] [--highlights 1000]
 *
 * - open: a 10,000-section text article, from the library click to the first painted frame;
 *   reopen after switching away; the longest task during each.
 * - scroll: wheel steps through the article and a jump to its middle; the longest task, by wall
 *   time (PerformanceObserver) and by the main thread's CPU time (a trace), which a busy machine
 *   does not inflate.
 * - highlights: a 1 MB article with 1,000 excerpts, and a 140-section one with 1,000 all on screen (plain, and in
 *   Markdown with emphasis, code and links every few words); the reader's own `gloss:highlights`
 *   user-timing measures (full draws and the redraw after one excerpt changes colour).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright'
import { launchChromium, startServer } from './webShell'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const SECTIONS = arg('sections', 10_000)
const HIGHLIGHTS = arg('highlights', 1000)

const WORDS =
  'the summit talks between leaders resumed after months of careful preparation while analysts in several capitals weighed what each side might give and what it would ask for in return'.split(
    ' ',
  )
/** A paragraph of 60–90 words, different for every index. */
function paragraph(i: number): string {
  const count = 60 + (i % 31)
  const words: string[] = []
  for (let w = 0; w < count; w++) words.push(WORDS[(i * 7 + w * 13) % WORDS.length]!)
  return `${i}. ${words.join(' ')}.`
}

/** Click the library row of `title`; ms until the reader shows it and a frame is painted, and the longest task. */
async function openArticle(page: Page, title: string): Promise<{ ms: number; longest: number }> {
  return page.evaluate(async (title) => {
    const tasks: number[] = []
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    })
    observer.observe({ type: 'longtask' })
    let row: HTMLButtonElement | undefined
    for (const b of document.querySelectorAll<HTMLButtonElement>('.article-item'))
      if (b.querySelector('.article-item-title')?.textContent === title) row = b
    if (!row) throw new Error(`no library row ${title}`)
    const t0 = performance.now()
    row.click()
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r))
      const article = document.querySelector('article.article')
      if (article?.getAttribute('aria-label') === title && article.querySelector('[data-ordinal]')) break
    }
    // the frame after the one that showed it has been painted
    await new Promise((r) => setTimeout(r, 0))
    const ms = performance.now() - t0
    await new Promise((r) => setTimeout(r, 300))
    observer.disconnect()
    return { ms, longest: Math.max(0, ...tasks) }
  }, title)
}

/**
 * The renderer main thread's tasks while `run` runs, by thread CPU time (a trace's RunTask tdur):
 * on a busy machine a task's wall time includes the time the OS gave other processes, its CPU
 * time does not.
 */
async function taskCpu(page: Page, run: () => Promise<void>): Promise<{ longest: number; over50: number }> {
  const cdp = await page.context().newCDPSession(page)
  const events: Array<{ name: string; ph: string; tid: number; tdur?: number; args?: { name?: string } }> = []
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as typeof events)))
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done))
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  })
  await run()
  await cdp.send('Tracing.end')
  await complete
  await cdp.detach()
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid
  const cpu = events
    .filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask')
    .map((e) => (e.tdur ?? 0) / 1000)
  return { longest: Math.max(0, ...cpu), over50: cpu.filter((ms) => ms > 50).length }
}

/** Wheel through the article, then jump to its middle; the longest task and how many there were. */
async function scrollThrough(
  page: Page,
): Promise<{ longest: number; count: number; cpu: number; cpuOver50: number }> {
  let result = { longest: 0, count: 0 }
  const cpu = await taskCpu(page, async () => {
    result = await wheelThrough(page)
  })
  return { ...result, cpu: cpu.longest, cpuOver50: cpu.over50 }
}

async function wheelThrough(page: Page): Promise<{ longest: number; count: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTasks: number[] }
    w.benchTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.benchTasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  const box = await page.locator('.pane-scroll').first().boundingBox()
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 900)
    await page.waitForTimeout(16)
  }
  await page.evaluate(() => {
    const scroller = document.querySelector('.pane-scroll')!
    scroller.scrollTop = scroller.scrollHeight / 2
  })
  await page.waitForTimeout(200)
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, -900)
    await page.waitForTimeout(16)
  }
  await page.waitForTimeout(300)
  return page.evaluate(() => {
    const tasks = (window as unknown as { benchTasks: number[] }).benchTasks
    return { longest: Math.max(0, ...tasks), count: tasks.length }
  })
}

const highlightMeasures = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('gloss:highlights').map((e) => ({
      ms: e.duration,
      drawn: (e as PerformanceMeasure).detail as { ranges: number; changed: number } | null,
    })),
  )

const fmt = (n: number) => `${n.toFixed(1)} ms`

const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'))
const server = await startServer(join(dir, 'gloss.db'))
const browser = await launchChromium()
try {
  const long = Array.from({ length: SECTIONS }, (_, i) => paragraph(i)).join('\n\n')
  const longTitle = (
    await server.call<{ article: { title: string } }>('importContent', {
      content: long,
      fileName: 'long.txt',
      format: 'text',
    })
  ).article.title
  // about 1 MB with one excerpt on every other paragraph
  const mediumSections = Math.round(1_000_000 / 480)
  const medium = Array.from({ length: mediumSections }, (_, i) => paragraph(i + 50_000)).join('\n\n')
  const imported = await server.call<{ article: { id: string; title: string } }>('importContent', {
    content: medium,
    fileName: 'highlighted.txt',
    format: 'text',
  })
  const detail = await server.call<{ sections: { start: number; end: number; kind: string }[] }>(
    'getArticle',
    {
      id: imported.article.id,
    },
  )
  const hlTitle = imported.article.title
  const readable = detail.sections.filter((s) => s.kind === 'paragraph')
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple']
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const s = readable[(i * 2) % readable.length]!
    const start = s.start + 4 + ((i * 17) % 40)
    await server.call('createExcerpt', {
      articleId: imported.article.id,
      start,
      end: Math.min(s.end, start + 60),
      color: colors[i % 5],
    })
  }

  // 140 paragraphs (all rendered: short articles are not windowed) with 1,000 excerpts on them;
  // again in Markdown with marks every few words (each range crossing several elements)
  const seedDense = async (content: string, fileName: string, format: 'text' | 'markdown') => {
    const imported = await server.call<{ article: { id: string; title: string } }>('importContent', {
      content,
      fileName,
      format,
    })
    const { sections } = await server.call<{ sections: { start: number; end: number; kind: string }[] }>(
      'getArticle',
      { id: imported.article.id },
    )
    const readable = sections.filter((s) => s.kind === 'paragraph')
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const s = readable[i % readable.length]!
      const start = s.start + 6 + Math.floor(i / readable.length) * 40
      if (start + 30 > s.end) continue
      await server.call('createExcerpt', {
        articleId: imported.article.id,
        start,
        end: start + 30,
        color: colors[i % 5],
      })
    }
    return imported
  }
  const denseParagraphs = Array.from({ length: 140 }, (_, i) => paragraph(i + 90_000))
  const dense = await seedDense(denseParagraphs.join('\n\n'), 'dense.txt', 'text')
  const marked = (text: string) =>
    text
      .split(' ')
      .map((w, i) =>
        i % 13 === 12
          ? `[${w}](https://example.org/${i})`
          : i % 7 === 3
            ? `**${w}**`
            : i % 5 === 1
              ? `*${w}*`
              : i % 11 === 6
                ? `\`${w}\``
                : w,
      )
      .join(' ')
  const denseMarked = await seedDense(
    `# Marked\n\n${denseParagraphs.map(marked).join('\n\n')}`,
    'dense-marked.md',
    'markdown',
  )

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(server.url)
  await page.locator('article.article [data-ordinal]').first().waitFor()
  console.log(`Chromium ${browser.version()}, viewport 1400×900`)

  const first = await openArticle(page, longTitle)
  console.log(`open ${SECTIONS}-section article: ${fmt(first.ms)} (longest task ${fmt(first.longest)})`)
  const scroll = await scrollThrough(page)
  console.log(
    `scroll it: longest task ${fmt(scroll.longest)} (${scroll.count} tasks over 50 ms); by thread CPU time ${fmt(scroll.cpu)} (${scroll.cpuOver50} over 50 ms)`,
  )
  const away = await openArticle(page, hlTitle)
  const back = await openArticle(page, longTitle)
  console.log(`reopen after a switch: ${fmt(back.ms)} (longest task ${fmt(back.longest)})`)

  await page.evaluate(() => performance.clearMeasures('gloss:highlights'))
  const hl = await openArticle(page, hlTitle)
  await page.waitForTimeout(300)
  const draws = await highlightMeasures(page)
  console.log(
    `open ${HIGHLIGHTS}-excerpt article: ${fmt(hl.ms)} (before ${fmt(away.ms)}), longest task ${fmt(hl.longest)}`,
  )
  for (const d of draws) console.log(`  highlight draw: ${fmt(d.ms)} ${JSON.stringify(d.drawn)}`)
  await page.evaluate(() => performance.clearMeasures('gloss:highlights'))
  const hlScroll = await scrollThrough(page)
  const scrollDraws = await highlightMeasures(page)
  const worst = Math.max(0, ...scrollDraws.map((d) => d.ms))
  console.log(
    `scroll it: longest task ${fmt(hlScroll.longest)} (CPU ${fmt(hlScroll.cpu)}); ${scrollDraws.length} highlight draws, slowest ${fmt(worst)}`,
  )

  // every excerpt on screen at once: the full draw
  await page.evaluate(() => performance.clearMeasures('gloss:highlights'))
  const denseOpen = await openArticle(page, dense.article.title)
  await page.waitForTimeout(300)
  const full = await highlightMeasures(page)
  console.log(`open a 140-section article with its excerpts all rendered: ${fmt(denseOpen.ms)}`)
  for (const d of full) console.log(`  highlight draw: ${fmt(d.ms)} ${JSON.stringify(d.drawn)}`)
  await page.evaluate(() => performance.clearMeasures('gloss:highlights'))
  const markedOpen = await openArticle(page, denseMarked.article.title)
  await page.waitForTimeout(300)
  const marks = await page.evaluate(
    () => document.querySelectorAll('article.article [data-section-id] *').length,
  )
  console.log(`the same with marks (${marks} inline elements), excerpts all rendered: ${fmt(markedOpen.ms)}`)
  for (const d of await highlightMeasures(page))
    console.log(`  highlight draw: ${fmt(d.ms)} ${JSON.stringify(d.drawn)}`)
  await openArticle(page, hlTitle)

  // one excerpt changes colour (from its card): only it is redrawn
  await page.evaluate(() => document.querySelector('.pane-scroll')!.scrollTo({ top: 0 }))
  await page.waitForTimeout(300)
  const card = page.locator('[data-excerpt-id]').first()
  await card.click()
  await page.waitForTimeout(200)
  await page.evaluate(() => performance.clearMeasures('gloss:highlights'))
  const swatch = card.getByRole('button', { name: /green/i }).first()
  if (await swatch.count()) {
    await swatch.click()
    await page.waitForTimeout(400)
    for (const d of await highlightMeasures(page))
      console.log(`  recolour one: ${fmt(d.ms)} ${JSON.stringify(d.drawn)}`)
  } else console.log('  (no colour button on the card to recolour with)')
} finally {
  await browser.close()
  server.stop()
  rmSync(dir, { recursive: true, force: true })
}
