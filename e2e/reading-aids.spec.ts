import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, openArticle, selectInSection, waitForArticle } from './helpers'

const pane = (page: Page) => page.locator('.pane-scroll').first()
const cards = (page: Page) => page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Reading progress' })

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

async function importReport(gloss: { origin: string; token: string }) {
  const parts: string[] = []
  for (let chapter = 1; chapter <= 6; chapter++) {
    parts.push(`## Chapter ${chapter}`)
    for (let i = 1; i <= 50; i++)
      parts.push(`Chapter ${chapter}, paragraph ${i}: the committee heard more evidence and adjourned again.`)
  }
  const { article } = await callApi<{ article: { id: string; title: string } }>(gloss, 'importContent', {
    content: `# Committee report\n\n${parts.join('\n\n')}`,
    fileName: 'report.md',
    format: 'markdown',
  })
  return article
}

test('the reading position is kept per article across switches and reloads; progress shows it', async ({
  page,
  gloss,
}) => {
  const report = await importReport(gloss)
  const [sample] = await callApi<{ id: string }[]>(gloss, 'listArticles').then((list) =>
    list.filter((a) => a.id !== report.id),
  )
  await page.reload()
  await openArticle(page, report.id)
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '0')
  await pane(page).evaluate((e) => e.scrollTo({ top: e.scrollHeight * 0.6 }))
  await expect.poll(() => progress(page).getAttribute('aria-valuenow').then(Number)).toBeGreaterThan(50)
  await page.waitForTimeout(500) // the place is saved once scrolling rests
  const left = await ordinalAtTop(page)
  expect(left).toBeGreaterThan(150)

  await openArticle(page, sample!.id)
  await expect.poll(() => ordinalAtTop(page)).toBe(1)
  await openArticle(page, report.id)
  await expect.poll(() => ordinalAtTop(page)).toBe(left)
  await page.reload()
  await waitForArticle(page)
  await openArticle(page, report.id)
  await expect.poll(() => ordinalAtTop(page)).toBe(left)
  await expect.poll(() => progress(page).getAttribute('aria-valuenow').then(Number)).toBeGreaterThan(50)
})

test('outline from the headings; j/k step through sections, h highlights the current one; n/p through highlights', async ({
  page,
  gloss,
}) => {
  const report = await importReport(gloss)
  await page.reload()
  await openArticle(page, report.id)

  await page.getByRole('button', { name: 'Outline' }).click()
  const outline = page.getByRole('navigation', { name: 'Outline' })
  await expect(outline.getByRole('button', { name: /^Chapter \d$/ })).toHaveCount(6)
  await outline.getByRole('button', { name: 'Chapter 4' }).click()
  await expect(outline).toHaveCount(0)
  const heading = page.locator('.article-body [data-ordinal]').filter({ hasText: /^Chapter 4$/ })
  await expect(heading).toBeVisible()
  const chapter4 = Number(await heading.getAttribute('data-ordinal'))
  await expect.poll(() => ordinalAtTop(page)).toBe(chapter4)

  // j moves on from the heading, k back; the current section is marked
  await page.locator('body').press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  const current = page.locator('.section-current [data-ordinal]')
  await expect(current).toHaveAttribute('data-ordinal', String(chapter4 + 1))
  await expect.poll(() => ordinalAtTop(page)).toBe(chapter4 + 1)

  // h without a selection highlights the current section whole
  await page.keyboard.press('h')
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page)).toContainText('Chapter 4, paragraph 1: the committee heard')
  // c then acts on that active excerpt: the comment field takes what is typed next
  await page.keyboard.press('c')
  const comment = cards(page).getByRole('textbox', { name: 'Comment' })
  await expect(comment).toBeFocused()
  await page.keyboard.type('key evidence')
  await expect(comment).toHaveValue('key evidence')
  await comment.press('Control+Enter')

  // two more highlights, then n/p walk through them in reading order
  await comment.evaluate((e) => (e as HTMLElement).blur())
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('h')
  await page.keyboard.press('j')
  await page.keyboard.press('h')
  await expect(cards(page)).toHaveCount(3)
  await page.keyboard.press('Escape')
  await page.keyboard.press('p')
  const active = page.locator('[data-excerpt-id][aria-current="true"]')
  await expect(active).toContainText('Chapter 4, paragraph 3')
  await page.keyboard.press('p')
  await expect(active).toContainText('Chapter 4, paragraph 1')
  await page.keyboard.press('n')
  await expect(active).toContainText('Chapter 4, paragraph 3')
})

test('reading settings: font size, line width and typeface, remembered', async ({ page }) => {
  await waitForArticle(page)
  const article = page.locator('article.article')
  const style = () =>
    article.evaluate((e) => {
      const s = getComputedStyle(e)
      return { size: s.fontSize, width: s.maxWidth, face: s.fontFamily }
    })
  const before = await style()
  await page.getByRole('button', { name: 'Aa Reading settings' }).click()
  const menu = page.getByRole('group', { name: 'Reading settings' })
  await menu.getByRole('button', { name: 'Larger text' }).click()
  await menu.getByRole('button', { name: 'Wide' }).click()
  await menu.getByRole('button', { name: 'Sans' }).click()
  await expect(menu.getByRole('button', { name: 'Sans' })).toHaveAttribute('aria-pressed', 'true')
  const after = await style()
  expect(parseFloat(after.size)).toBeGreaterThan(parseFloat(before.size))
  expect(parseFloat(after.width)).toBeGreaterThan(parseFloat(before.width))
  expect(after.face).toContain('system-ui')
  const results = await new AxeBuilder({ page }).include('.reading-bar').analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await page.reload()
  await waitForArticle(page)
  expect(await style()).toEqual(after)
})

test('a selection snaps to whole words; one spanning ¶3 and ¶4 is labelled ¶3–4', async ({ page }) => {
  await waitForArticle(page)
  // "ring this time, many supp" → "During this time, many supporters"
  await selectInSection(page, 3, 'ring this time, many supp')
  await page.keyboard.press('h')
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).locator('.quote-text')).toHaveText('During this time, many supporters')
  await expect(cards(page)).toContainText('¶3')

  await page.evaluate(() => {
    const a = document.querySelector('[data-ordinal="3"]')!.firstChild as Text
    const b = document.querySelector('[data-ordinal="4"]')!.firstChild as Text
    const range = document.createRange()
    range.setStart(a, a.data.length - 30)
    range.setEnd(b, 'Since those initial summits'.length)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(range)
  })
  await page.keyboard.press('h')
  await expect(cards(page)).toHaveCount(2)
  const spanning = cards(page).filter({ hasText: 'Since those initial summits' })
  await expect(spanning.locator('.quote-ordinal')).toHaveText('¶3–4')
  await expect(spanning).toHaveAttribute('aria-label', 'Excerpt from ¶3–4')

  // cited in a note, its card says ¶3–4 too
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused()
  await page.getByRole('tab', { name: 'Excerpts' }).click()
  await spanning.hover()
  await spanning.getByRole('button', { name: 'Insert excerpt into the open note' }).click()
  await page.getByRole('tab', { name: 'Notes' }).click()
  const card = page
    .getByRole('textbox', { name: 'Note text' })
    .getByRole('figure', { name: 'Excerpt from ¶3–4' })
  await expect(card).toBeVisible()
  await expect(card.getByRole('button', { name: 'Show ¶3–4 in the article' })).toHaveText('¶3–4')
})

test('a picture’s caption is set as a caption, not as body text', async ({ page, gloss }) => {
  const html = `<!doctype html><html><head><title>Harbour life</title></head><body><article>
    <h1>Harbour life</h1>
    <p>The boats come in before sunrise, and the market opens as soon as the first crates are on the quay.</p>
    <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Boats"><figcaption>Fishing boats moored in the old harbour at dawn.</figcaption></figure>
    <p>By nine the quay is empty again and the gulls have it to themselves until the afternoon boats return.</p>
  </article></body></html>`
  const { article } = await callApi<{ article: { id: string } }>(gloss, 'importContent', {
    content: html,
    fileName: 'harbour.html',
    format: 'html',
  })
  const detail = await callApi<{ sections: { role: string | null; text: string }[] }>(gloss, 'getArticle', {
    id: article.id,
  })
  const caption = detail.sections.find((s) => s.role === 'caption')
  expect(caption?.text).toContain('Fishing boats moored')
  await page.reload()
  await openArticle(page, article.id)
  const shown = page.locator('.section-caption')
  await expect(shown).toHaveText(caption!.text)
  const body = page.locator('.article-body p.section:not(.section-caption)').first()
  const [captionSize, bodySize] = await Promise.all([
    shown.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    body.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
  ])
  expect(captionSize).toBeLessThan(bodySize)
})
