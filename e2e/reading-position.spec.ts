/**
 * The reading position lives in the notebook: a web shell restarted on another port (another
 * origin, so other page storage) against the same notebook opens the article where it was left.
 * While scrolling, the notebook is written at most once a second.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, openArticle } from './helpers'

const pane = (page: Page) => page.locator('.pane-scroll').first()

/** The ¶ of the first section starting below the reading bar. */
function ordinalAtTop(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector('.reading-bar')!.getBoundingClientRect().bottom
    for (const row of document.querySelectorAll('.article-body > [data-index]')) {
      if (row.getBoundingClientRect().top >= bar - 2)
        return Number(row.querySelector('[data-ordinal]')!.getAttribute('data-ordinal'))
    }
    return -1
  })
}

test('the place in an article survives a restart of the web shell on another port', async ({
  page,
  gloss,
  restartServer,
}) => {
  test.setTimeout(120_000)
  const paragraphs = Array.from(
    { length: 300 },
    (_, i) => `Paragraph ${i + 1}: the committee heard more evidence and adjourned again.`,
  )
  const { article } = await callApi<{ article: { id: string } }>(gloss, 'importContent', {
    content: `# Committee report\n\n${paragraphs.join('\n\n')}`,
    fileName: 'report.md',
    format: 'markdown',
  })
  await page.reload()
  await openArticle(page, article.id)

  // scroll steadily for 3 s: the place is written at most once a second
  const writes: number[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/setReadingPosition')) writes.push(Date.now())
  })
  const started = Date.now()
  for (let i = 1; i <= 30; i++) {
    await pane(page).evaluate((e, step) => e.scrollTo({ top: step * 300 }), i)
    await page.waitForTimeout(100)
  }
  const lastWrite = page.waitForResponse((r) => r.url().endsWith('/api/setReadingPosition'))
  await page.waitForTimeout(400) // scrolling rests: the place is taken
  await lastWrite
  const left = await ordinalAtTop(page)
  expect(left).toBeGreaterThan(50)
  const seconds = (Date.now() - started) / 1000
  expect(writes.length).toBeGreaterThan(0)
  expect(writes.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1)
  for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(900)

  const before = gloss.port
  const restarted = await restartServer()
  expect(restarted.port).not.toBe(before)
  await page.goto(restarted.url)
  // nothing of it in this origin's storage: it comes from the notebook
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gloss.reading.'))),
  ).toEqual([])
  await openArticle(page, article.id)
  await expect.poll(() => ordinalAtTop(page)).toBe(left)
})
