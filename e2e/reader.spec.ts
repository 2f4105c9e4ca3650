import { test, expect } from './fixtures/gloss'
import {
  expectHighlight,
  flashes,
  highlightText,
  recordFlashes,
  selectInSection,
  waitForArticle,
} from './helpers'

const SENTENCE = 'Despite these shifts, the question remains: will Trump seek to re-engage with Kim?'
const COMMENT = 'Pivotal question about renewed summitry'

test('the sample article opens on first start, junk hidden', async ({ page }) => {
  await waitForArticle(page)
  const article = page.locator('article.article')
  await expect(article.locator('.article-body .section-block > [data-ordinal]')).toHaveCount(11)
  await expect(article.getByText('Login', { exact: true })).toHaveCount(0)
  const hidden = page.getByRole('button', { name: '1 hidden section' })
  await expect(hidden).toBeVisible()
  // the library lists it with its counts
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('0 excerpts')

  // the hidden line can be shown (greyed, restorable)
  await hidden.click()
  await expect(article.getByText('Login', { exact: true })).toBeVisible()
  await expect(article.getByRole('button', { name: 'Restore', exact: true })).toBeVisible()
  await expect(article.getByRole('button', { name: 'Restore all' })).toBeVisible()
  // the token is gone from the address bar
  expect(page.url()).not.toContain('token=')
})

test('highlight, comment, tags survive a reload; delete is undone by Ctrl+Z; search opens the excerpt', async ({
  page,
}) => {
  await waitForArticle(page)
  await selectInSection(page, 6, SENTENCE)
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.keyboard.press('h')

  await expectHighlight(page, 'gloss-yellow', 1)
  expect(await highlightText(page, 'gloss-yellow')).toBe(SENTENCE)
  const excerpts = page.getByRole('list', { name: 'Excerpts' })
  const card = excerpts.locator('[data-excerpt-id]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText(SENTENCE)
  await expect(card).toContainText('¶6')

  await page.reload()
  await waitForArticle(page)
  await expectHighlight(page, 'gloss-yellow', 1)
  await expect(card).toHaveCount(1)

  // a comment (saved on Ctrl+Enter) and two tags, one nested
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await comment.fill(COMMENT)
  await comment.press('Control+Enter')
  const tagInput = card.getByRole('combobox', { name: 'Add tag' })
  await tagInput.fill('people/Kim Jong Un')
  await tagInput.press('Enter')
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('people / Kim Jong Un')
  await tagInput.fill('diplomacy')
  await tagInput.press('Enter')
  await expect(card.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(2)

  await page.reload()
  await waitForArticle(page)
  await expect(card.getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT)
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('people / Kim Jong Un')
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('diplomacy')

  // delete, then Ctrl+Z brings it back
  await card.getByRole('button', { name: 'Delete' }).click()
  await expect(card).toHaveCount(0)
  await expectHighlight(page, 'gloss-yellow', 0)
  await expect(page.getByTestId('toast').filter({ hasText: 'Deleted excerpt' })).toBeVisible()
  await page.locator('body').press('Control+z')
  await expect(card).toHaveCount(1)
  await expectHighlight(page, 'gloss-yellow', 1)
  await expect(card.getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT)

  // search finds the comment's words; Enter opens the excerpt, active and flashed
  await page.locator('article.article h1').click()
  await page.keyboard.press('Control+Shift+F')
  const box = page.getByRole('combobox', { name: 'Search articles, excerpts and notes' })
  await expect(box).toBeFocused()
  await box.fill('renewed summitry')
  const hit = page.getByRole('option').filter({ hasText: 'summitry' })
  await expect(hit.first()).toBeVisible()
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('group').first(),
  ).toContainText('Excerpts')
  await recordFlashes(page)
  await box.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Search' })).toHaveCount(0)
  await expect(card).toHaveAttribute('aria-current', 'true')
  await expectHighlight(page, 'gloss-active', 1)
  await expect.poll(() => flashes(page)).toEqual([SENTENCE])
})

test('toolbar colors, c opens the comment, t the tags, Esc closes', async ({ page }) => {
  await waitForArticle(page)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })

  await selectInSection(page, 2, 'These summits were hailed by some as a breakthrough')
  await toolbar.getByRole('button', { name: 'Highlight green' }).click()
  await expectHighlight(page, 'gloss-green', 1)

  await selectInSection(page, 3, 'many supporters of diplomatic engagement')
  await page.keyboard.press('c')
  const comment = page
    .locator('[data-excerpt-id][aria-current="true"]')
    .getByRole('textbox', { name: 'Comment' })
  await expect(comment).toBeFocused()
  await page.keyboard.type('typed straight away')
  await comment.press('Control+Enter')
  await expect(comment).toHaveValue('typed straight away')

  // a mouse selection takes focus out of the comment field; do the same here
  await page.locator('article.article h1').click()
  await selectInSection(page, 4, 'hypersonic weapons')
  await page.keyboard.press('t')
  const tags = page
    .locator('[data-excerpt-id][aria-current="true"]')
    .getByRole('combobox', { name: 'Add tag' })
  await expect(tags).toBeFocused()

  await page.locator('article.article h1').click()
  await selectInSection(page, 5, 'mutual defense pact')
  await expect(toolbar).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(toolbar).toHaveCount(0)
  await expect(page.locator('[data-excerpt-id]')).toHaveCount(3)
  await expectHighlight(page, 'gloss-yellow', 2)

  // creating is undoable too
  await page.locator('body').press('Control+z')
  await expect(page.locator('[data-excerpt-id]')).toHaveCount(2)
  await expectHighlight(page, 'gloss-yellow', 1)
  await page.locator('body').press('Control+Shift+Z')
  await expect(page.locator('[data-excerpt-id]')).toHaveCount(3)
})
