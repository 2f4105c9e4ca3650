import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { waitForArticle } from './helpers'

/**
 * The reader places its rows by measured height (a virtual list): a row measured before its
 * text settled (a font, a wider or narrower column) would leave its last line under the next.
 */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('article.article .section-row')]
    const found: string[] = []
    const boxes = rows.map((row) => {
      const text = row.querySelector<HTMLElement>('[data-ordinal]')
      return { row, ordinal: text?.dataset.ordinal, box: (text ?? row).getBoundingClientRect() }
    })
    boxes.sort((a, b) => a.box.top - b.box.top)
    for (let i = 1; i < boxes.length; i++) {
      const [above, below] = [boxes[i - 1]!, boxes[i]!]
      if (above.box.bottom > below.box.top + 0.5)
        found.push(
          `¶${above.ordinal} ends at ${above.box.bottom.toFixed(1)}, ¶${below.ordinal} starts at ${below.box.top.toFixed(1)}`,
        )
    }
    return found
  })
}

test('rows never overlap, at either width, with the side panel open or closed', async ({ page }) => {
  for (const width of [1400, 1024]) {
    await page.setViewportSize({ width, height: 860 })
    await page.reload()
    await waitForArticle(page)
    await expect.poll(() => overlaps(page)).toEqual([])
    // the panel takes width from the column: every row wraps anew
    await page.getByRole('button', { name: 'Excerpts', exact: true }).click()
    await expect.poll(() => overlaps(page)).toEqual([])
    await page.getByRole('button', { name: 'Excerpts', exact: true }).click()
    await expect.poll(() => overlaps(page)).toEqual([])
  }
})

test('rows never overlap after the font size or the line width changes', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 860 })
  await page.reload()
  await waitForArticle(page)
  await page.getByRole('button', { name: 'Aa Reading settings' }).click()
  const settings = page.getByRole('group', { name: 'Reading settings' })
  for (const name of ['A+ Larger text', 'A+ Larger text', 'A− Smaller text']) {
    await settings.getByRole('button', { name }).click()
    await expect.poll(() => overlaps(page)).toEqual([])
  }
  for (const button of await settings.getByRole('group', { name: 'Line width' }).getByRole('button').all()) {
    await button.click()
    await expect.poll(() => overlaps(page)).toEqual([])
  }
})
