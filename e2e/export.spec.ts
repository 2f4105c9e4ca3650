import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, seedExcerpts, selectInSection, waitForArticle } from './helpers'

const SHOTS = resolve(import.meta.dirname, '..', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

const SENTENCE = 'Despite these shifts, the question remains: will Trump seek to re-engage with Kim?'
const COMMENT = 'Pivotal question about renewed summitry'

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' })
const textPreview = (page: Page) => exportDialog(page).getByLabel('Preview of the export')

async function openExport(page: Page) {
  await page.keyboard.press('Control+E')
  await expect(exportDialog(page)).toBeVisible()
}

async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; bytes: Buffer }> {
  const event = page.waitForEvent('download')
  await click()
  const download = await event
  const path = await download.path()
  return { download, bytes: readFileSync(path) }
}

/** Highlight SENTENCE in ¶6 and give it COMMENT, as a reader would. */
async function highlightWithComment(page: Page) {
  await waitForArticle(page)
  await selectInSection(page, 6, SENTENCE)
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.keyboard.press('h')
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(card).toHaveCount(1)
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await comment.fill(COMMENT)
  await comment.press('Control+Enter')
  await expect(comment).toHaveValue(COMMENT)
}

test('the open article exports as Markdown, HTML and CSV, previewed and downloaded', async ({
  page,
  gloss,
}) => {
  await highlightWithComment(page)
  await expect
    .poll(async () => (await callApi<{ comment: string }[]>(gloss, 'listExcerpts', {}))[0]?.comment)
    .toBe(COMMENT)

  // Ctrl+E opens the dialog, the article is the scope when one is open
  await openExport(page)
  const dialog = exportDialog(page)
  const articleScope = dialog.getByRole('radio', { name: /This article with its excerpts and notes/ })
  await articleScope.check()
  await expect(articleScope).toBeChecked()
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown (Obsidian)' })
  await expect(dialog.getByText(/Quotes as block quotes/)).toBeVisible()

  // the preview is the Markdown itself: block quote lines, the ¶ reference, the comment
  await expect(textPreview(page)).toContainText(COMMENT)
  const markdown = (await textPreview(page).textContent()) ?? ''
  expect(markdown).toMatch(/^> /m)
  expect(markdown).toContain('¶6')
  expect(markdown).toContain(SENTENCE)

  const md = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(md.download.suggestedFilename()).toMatch(/\.md$/)
  const file = md.bytes.toString('utf8')
  expect(file).toContain(`> ${SENTENCE}`)
  expect(file).toContain(COMMENT)
  await expect(
    page.getByTestId('toast').filter({ hasText: `Downloaded ${md.download.suggestedFilename()}` }),
  ).toBeVisible()
  await expect(dialog).toHaveCount(0)

  // HTML: previewed in a sandboxed frame, with no script anywhere
  await openExport(page)
  await dialog.getByLabel('Format').selectOption({ label: 'HTML (printable)' })
  const frame = dialog.locator('iframe[title="Preview of the HTML export"]')
  await expect(frame).toBeVisible()
  await expect(frame).toHaveAttribute('sandbox', '')
  expect((await frame.getAttribute('srcdoc'))?.toLowerCase()).not.toContain('<script')
  const inside = page.frameLocator('iframe[title="Preview of the HTML export"]')
  await expect(inside.locator('blockquote').first()).toContainText(SENTENCE)
  await expect(inside.locator('script')).toHaveCount(0)
  await expect(inside.locator('[onclick], [onload], [onerror]')).toHaveCount(0)

  // CSV: a download that starts with a byte order mark (so spreadsheets read UTF-8)
  await dialog.getByLabel('Format').selectOption({ label: 'CSV of excerpts (spreadsheets)' })
  await expect(textPreview(page)).toContainText(SENTENCE)
  const csv = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(csv.download.suggestedFilename()).toMatch(/\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(csv.bytes.toString('utf8')).toContain(COMMENT)
})

test('scopes: a note by choice, the whole notebook only in single-file formats here', async ({
  page,
  gloss,
}) => {
  await seedExcerpts(gloss)
  await callApi(gloss, 'createNote', { title: 'Summit reading list' })
  await page.reload()
  await waitForArticle(page)
  await openExport(page)
  const dialog = exportDialog(page)

  const noteScope = dialog.getByRole('radio', { name: 'This note' })
  await expect(noteScope).toBeEnabled()
  await dialog.getByLabel('Note to export').selectOption({ label: 'Summit reading list' })
  await expect(noteScope).toBeChecked()
  await expect(textPreview(page)).toContainText('Summit reading list')

  // the whole notebook: Markdown, HTML and PDF are folders or per-item, so not offered in the browser
  await dialog.getByRole('radio', { name: /Whole notebook/ }).check()
  const format = dialog.getByLabel('Format')
  await expect(format).toHaveValue('json')
  for (const label of ['Markdown (Obsidian)', 'HTML (printable)', 'PDF'])
    await expect(format.getByRole('option', { name: label, exact: true })).toBeDisabled()
  await expect(dialog.getByRole('list', { name: 'Not available for this choice' })).toContainText(
    'gloss export',
  )
  await expect(textPreview(page)).toContainText('"articles"')
  const json = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(json.download.suggestedFilename()).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}\.gloss\.json$/)
  const document = JSON.parse(json.bytes.toString('utf8')) as { articles: unknown[]; notes: unknown[] }
  expect(document.articles).toHaveLength(1)
  expect(document.notes).toHaveLength(1)

  // a PDF of the article goes through the browser's print dialog, which is explained
  await openExport(page)
  await dialog.getByRole('radio', { name: /This article/ }).check()
  await format.selectOption({ label: 'PDF' })
  await expect(dialog.getByText(/choose “Save as PDF”/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Print…' })).toBeEnabled()
  await expect(dialog.locator('iframe[title="Preview of the page printed to PDF"]')).toHaveAttribute(
    'sandbox',
    '',
  )
})

test('backup from the palette writes a copy into backups/ beside the notebook', async ({ page, gloss }) => {
  await waitForArticle(page)
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Type a command' }).fill('back up')
  await expect(page.getByRole('option', { name: /Back up notebook…/ })).toBeVisible()
  await page.keyboard.press('Enter')

  const toast = page.getByTestId('toast').filter({ hasText: 'Backed up the notebook to' })
  await expect(toast).toBeVisible()
  const message = (await toast.locator('.toast-message').textContent()) ?? ''
  const path = /Backed up the notebook to (.+\.db) \(/.exec(message)?.[1]
  expect(path, message).toBeTruthy()
  expect(dirname(path!)).toBe(join(dirname(gloss.dbPath), 'backups'))
  expect(path!).toMatch(/manual-\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z\.db$/)
  expect(existsSync(path!)).toBe(true)
  expect(statSync(path!).size).toBeGreaterThan(0)
  expect(readFileSync(path!).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
})

for (const theme of ['light', 'dark'] as const) {
  test(`the export dialog passes axe in the ${theme} theme, and is photographed`, async ({ page, gloss }) => {
    await seedExcerpts(gloss)
    await page.emulateMedia({ colorScheme: theme })
    await page.reload()
    await waitForArticle(page)
    await expect(page.locator('[data-excerpt-id]')).toHaveCount(5)
    await openExport(page)
    await expect(textPreview(page)).toContainText('Singapore, Hanoi, DMZ')
    await page.screenshot({ path: resolve(SHOTS, `export-dialog-${theme}.png`) })

    const results = await new AxeBuilder({ page }).include('dialog').analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
      )
    expect(serious, `axe on the export dialog (${theme})`).toEqual([])

    await page.keyboard.press('Escape')
    await expect(exportDialog(page)).toHaveCount(0)
  })
}
