import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

const SHOTS = '/tmp/pw-excerpt-speaker-shots'
mkdirSync(SHOTS, { recursive: true })

interface Quote {
  start: number
  end: number
  speaker: { name: string | null }
}

test('an excerpt that is a quotation shows its speaker on its card; another does not', async ({
  page,
  gloss,
}) => {
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const quotes = await callApi<Quote[]>(gloss, 'listQuotes', { articleId: article!.id })
  const klingner = quotes.find((q) => q.speaker.name === 'Bruce Klingner')!
  await callApi(gloss, 'createExcerpt', { articleId: article!.id, start: klingner.start, end: klingner.end })
  await callApi(gloss, 'createExcerpt', {
    articleId: article!.id,
    quote: 'Having good relations with Washington',
  })

  await page.reload()
  await waitForArticle(page)
  const cards = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(cards).toHaveCount(2)
  const quoted = cards.filter({ hasText: 'Kim could pitch' })
  await expect(quoted.locator('.quote-ordinal')).toHaveText('— Bruce Klingner · ¶10')
  await expect(cards.filter({ hasText: 'Having good relations' }).locator('.excerpt-speaker')).toHaveCount(0)

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await quoted.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/excerpt-speaker-${width}-${theme}.png` })
      const results = await new AxeBuilder({ page }).include('.excerpts-panel').analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(
        serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `axe at ${width} (${theme})`,
      ).toEqual([])
    }
  }
})
