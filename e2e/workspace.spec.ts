import { test, expect } from './fixtures/gloss'
import { seedExcerpts, waitForArticle } from './helpers'

test('panes resize from the keyboard and collapse', async ({ page }) => {
  await waitForArticle(page)
  const handle = page.getByRole('separator', { name: 'Resize library' })
  const before = Number(await handle.getAttribute('aria-valuenow'))
  await handle.focus()
  await page.keyboard.press('ArrowRight')
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 16))
  const pane = page.getByRole('complementary', { name: 'Library and tags' })
  expect(Math.round((await pane.boundingBox())!.width)).toBe(before + 16)

  const right = page.getByRole('separator', { name: 'Resize excerpts panel' })
  const rightBefore = Number(await right.getAttribute('aria-valuenow'))
  await right.focus()
  await page.keyboard.press('ArrowLeft') // dragging the right pane's edge left widens it
  await expect(right).toHaveAttribute('aria-valuenow', String(rightBefore + 16))

  await handle.focus()
  await page.keyboard.press('Enter')
  await expect(pane).toHaveCount(0)
  await page.keyboard.press('Control+b')
  await expect(pane).toBeVisible()
  // the width was kept
  await expect(page.getByRole('separator', { name: 'Resize library' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 16),
  )

  await page.getByRole('button', { name: 'Hide excerpts panel' }).click()
  await expect(page.getByRole('complementary', { name: 'Excerpts and notes' })).toHaveCount(0)
  await page.keyboard.press('Control+Shift+E')
  await expect(page.getByRole('complementary', { name: 'Excerpts and notes' })).toBeVisible()
  await page.getByRole('tab', { name: 'Notes' }).click()
  await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible()
})

test('the command palette lists actions with shortcuts and runs them', async ({ page }) => {
  await waitForArticle(page)
  await page.keyboard.press('Control+K')
  const input = page.getByRole('combobox', { name: 'Type a command' })
  await expect(input).toBeFocused()
  const list = page.getByRole('listbox', { name: 'Commands' })
  await expect(list.getByRole('option', { name: /Search.*Ctrl\+Shift\+F/ })).toBeVisible()
  await input.fill('theme dark')
  await expect(list.getByRole('option')).toHaveCount(1)
  await input.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  await page.keyboard.press('Control+K')
  await input.fill('hidden')
  await input.press('ArrowDown') // second match: "Restore all hidden sections"
  await expect(list.getByRole('option', { selected: true })).toHaveText(/Restore all hidden sections/)
  await input.press('ArrowUp')
  await input.press('Enter') // "Show hidden sections"
  await expect(page.locator('article.article').getByText('Login', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(page.getByRole('button', { name: /hidden section/ })).toHaveCount(0)
  await expect(page.locator('article.article .article-body .section-block > [data-ordinal]')).toHaveCount(12)
  await page.locator('body').press('Control+z')
  await expect(page.locator('article.article .article-body .section-block > [data-ordinal]')).toHaveCount(11)
})

test('paste an article as text, and as HTML from the clipboard', async ({ page }) => {
  await waitForArticle(page)
  await page.getByRole('button', { name: 'Paste article…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Paste article' })
  await dialog
    .getByRole('textbox', { name: /Paste the article/ })
    .fill('Gardens of the Moon\n\nA first paragraph about gardens.\n\nA second paragraph about the moon.')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2)
  await expect(page.locator('article.article')).toContainText('A second paragraph about the moon.')

  await page.getByRole('button', { name: 'Paste article…' }).click()
  const area = dialog.getByRole('textbox', { name: /Paste the article/ })
  await area.focus()
  await area.evaluate((element) => {
    const data = new DataTransfer()
    data.setData(
      'text/html',
      '<h1>Harbour Notes</h1><h2>Morning</h2><p>Boats leave at dawn.</p><p>Gulls follow them out.</p>',
    )
    data.setData('text/plain', 'Harbour Notes\nMorning\nBoats leave at dawn.\nGulls follow them out.')
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  })
  await expect(area).toHaveValue(/Boats leave at dawn/)
  await expect(dialog.getByText('Formatting from the web page will be kept')).toBeVisible()
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(
    page.locator('article.article h2.section, article.article h3.section').filter({ hasText: 'Morning' }),
  ).toBeVisible()
})

test('import a file; an empty file and a bad tag are explained in words, work kept', async ({ page }) => {
  await waitForArticle(page)
  const input = page.locator('input[type=file]')
  await input.setInputFiles({
    name: 'field-notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Field notes\n\nThe heron stood still for an hour.\n\n## Later\n\nIt caught a fish.\n',
    ),
  })
  await expect(page.locator('article.article')).toContainText('The heron stood still for an hour.')
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2)

  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) })
  await expect(page.getByRole('alert').filter({ hasText: 'empty.txt' })).toContainText('empty')

  // a highlight with a malformed tag: the error is shown and the typed text stays
  await page.evaluate(() => {
    const node =
      document.querySelector('[data-ordinal] + [data-ordinal]')?.firstChild ??
      document.querySelector('p[data-ordinal]')!.firstChild!
    const range = document.createRange()
    range.setStart(node, 0)
    range.setEnd(node, 10)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(range)
  })
  await page.keyboard.press('t')
  const tag = page
    .locator('[data-excerpt-id][aria-current="true"]')
    .getByRole('combobox', { name: 'Add tag' })
  await expect(tag).toBeFocused()
  await tag.fill('places//harbour')
  await tag.press('Enter')
  await expect(page.getByRole('alert')).toContainText(/empty level/)
  await expect(tag).toHaveValue('places//harbour')
})

test('a search the core refuses is explained inline', async ({ page }) => {
  await waitForArticle(page)
  await page.keyboard.press('Control+Shift+F')
  const box = page.getByRole('combobox', { name: 'Search articles, excerpts and notes' })
  await box.fill('x'.repeat(1001))
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('alert')).toContainText(
    'longer than 1000 characters',
  )
  await box.fill('nothingmatchesthisword')
  await expect(page.getByText('Nothing matches “nothingmatchesthisword”.')).toBeVisible()
})

test('when the notebook cannot be reached, the error is in words and the draft is kept', async ({
  page,
  gloss,
  restartServer,
}) => {
  await seedExcerpts(gloss)
  await page.reload()
  await waitForArticle(page)
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]').first()
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await comment.fill('an unsaved thought')
  // the server this page talks to goes away (a new one starts elsewhere)
  await restartServer({ kill: true })
  await comment.press('Control+Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'Could not reach the Gloss server' })).toBeVisible()
  await expect(comment).toHaveValue('an unsaved thought')
  await expect(card.getByText('Not saved yet')).toBeVisible()
})
