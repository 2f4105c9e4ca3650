import { test, expect } from './fixtures/gloss'
import { seedExcerpts, waitForArticle } from './helpers'

test.beforeEach(async ({ page, gloss }) => {
  await seedExcerpts(gloss)
  await page.reload()
  await waitForArticle(page)
  await page.getByRole('tab', { name: 'Tags' }).click()
})

/** Row actions show for the focused (or hovered) row: reach them as a keyboard user would. */
async function focusTag(page: import('@playwright/test').Page, name: string) {
  await page.getByRole('tabpanel', { name: 'Tags' }).getByRole('button', { name, exact: true }).focus()
}

const chips = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Excerpts' }).getByRole('list', { name: 'Tags' })

test('rename a tag (children follow) and undo it', async ({ page }) => {
  const tags = page.getByRole('tabpanel', { name: 'Tags' })
  await focusTag(page, 'people')
  await page.keyboard.press('Tab') // from the name to its Rename button
  await expect(tags.getByRole('button', { name: 'Rename people', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  const field = tags.getByRole('textbox', { name: 'New name for people' })
  await field.fill('persons')
  await field.press('Enter')
  await expect(tags.getByRole('button', { name: 'persons', exact: true })).toBeVisible()
  await expect(chips(page).filter({ hasText: 'persons / Kim Jong Un' })).toHaveCount(1)

  await page.locator('body').press('Control+z')
  await expect(tags.getByRole('button', { name: 'people', exact: true })).toBeVisible()
  await expect(chips(page).filter({ hasText: 'people / Kim Jong Un' })).toHaveCount(1)

  await page.locator('body').press('Control+Shift+z')
  await expect(tags.getByRole('button', { name: 'persons', exact: true })).toBeVisible()
})

test('merge a tag into another and undo it', async ({ page }) => {
  const tags = page.getByRole('tabpanel', { name: 'Tags' })
  await focusTag(page, 'summits')
  await tags.getByRole('button', { name: 'Merge summits into another tag' }).click()
  await tags.getByRole('combobox', { name: 'Merge “summits” into' }).selectOption({ label: 'alliances' })
  await tags.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(tags.getByRole('button', { name: 'summits', exact: true })).toHaveCount(0)
  await expect(chips(page).filter({ hasText: 'alliances' })).toHaveCount(2)
  await expect(page.getByTestId('toast').filter({ hasText: 'Merged' })).toBeVisible()

  await page.locator('body').press('Control+z')
  await expect(tags.getByRole('button', { name: 'summits', exact: true })).toBeVisible()
  await expect(chips(page).filter({ hasText: 'alliances' })).toHaveCount(1)
  await expect(chips(page).filter({ hasText: 'summits' })).toHaveCount(1)
})

test('delete a tag with its children and undo it; recolor and undo', async ({ page }) => {
  const tags = page.getByRole('tabpanel', { name: 'Tags' })
  await focusTag(page, 'people')
  await tags.getByRole('button', { name: 'Delete people', exact: true }).click()
  await expect(tags.getByRole('button', { name: 'Kim Jong Un', exact: true })).toHaveCount(0)
  await expect(chips(page).filter({ hasText: 'Kim Jong Un' })).toHaveCount(0)
  // the toast's Undo button does the same as Ctrl+Z
  await page
    .getByTestId('toast')
    .filter({ hasText: 'Deleted tag' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(tags.getByRole('button', { name: 'Kim Jong Un', exact: true })).toBeVisible()
  await expect(chips(page).filter({ hasText: 'people / Kim Jong Un' })).toHaveCount(1)
  await expect(chips(page).filter({ hasText: 'people / Donald Trump' })).toHaveCount(1)

  await tags.getByLabel('Color of alliances').fill('#cc3366')
  await expect(chips(page).locator('.chip-dot')).toHaveCount(1)
  await page.locator('body').press('Control+z')
  await expect(chips(page).locator('.chip-dot')).toHaveCount(0)
})

test('clicking a tag filters the excerpts panel, nested tags included', async ({ page }) => {
  const tags = page.getByRole('tabpanel', { name: 'Tags' })
  await tags.getByRole('button', { name: 'people', exact: true }).click()
  const cards = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(cards).toHaveCount(2)
  await expect(page.getByText('2 of 5 excerpts')).toBeVisible()
  await page.getByRole('combobox', { name: 'Color' }).selectOption('green')
  await expect(cards).toHaveCount(1)
  await page.getByRole('button', { name: 'Clear' }).click()
  await expect(cards).toHaveCount(5)
})
