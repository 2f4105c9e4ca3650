/**
 * How many notebook calls the screen makes for everyday steps: opening an article,
 * highlighting a passage, and autosaving a note (one of plain text, one linking the open
 * article). Each store is updated from the result of the write that changed it, so these stay
 * small; a second fetch of the same thing (or a poll) shows up here. Before the stores
 * (issue 9) they were 5, 2, 2 and 2 calls.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, selectInSection, waitForArticle } from './helpers'

/** Calls after the step has had time for any follow-up (the backlinks debounce is 150 ms). */
const SETTLE_MS = 1500

/**
 * Every /api/<operation> the page sends while `step` runs and settles, by name, sorted; but the
 * reader's place, written once scrolling rests (selectInSection scrolls), which
 * e2e/reading-position.spec.ts counts.
 */
async function callsDuring(page: Page, step: () => Promise<void>): Promise<string[]> {
  const names: string[] = []
  const record = (request: { url(): string }) => {
    const match = /\/api\/([A-Za-z]+)$/.exec(request.url())
    if (match && match[1] !== 'setReadingPosition') names.push(match[1]!)
  }
  page.on('request', record)
  try {
    await step()
    await page.waitForTimeout(SETTLE_MS)
  } finally {
    page.off('request', record)
  }
  return names.sort()
}

/** Type into the note and wait for the autosave it causes. */
async function typeAndSave(page: Page, text: string): Promise<void> {
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/saveNote'))
  await page.keyboard.type(text)
  await saved
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
}

test('opening an article, highlighting and autosaving make one call per thing that changed', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  const sample = (await callApi<{ id: string; title: string }[]>(gloss, 'listArticles'))[0]!
  await callApi(gloss, 'importContent', {
    content: '# A second article\n\nIts only paragraph.\n',
    fileName: 'second.md',
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'A second article' })).toBeVisible()

  const opening = await callsDuring(page, async () => {
    await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: sample.title }).click()
    await waitForArticle(page)
    await expect(page.getByRole('heading', { level: 1, name: sample.title })).toBeVisible()
  })
  expect.soft(opening).toEqual(['getArticle', 'getBacklinks', 'listExcerpts'])

  const highlighting = await callsDuring(page, async () => {
    await selectInSection(page, 6, 'will Trump seek to re-engage with Kim?')
    await page.keyboard.press('h')
    await expect(page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')).toHaveCount(1)
  })
  // the article's first excerpt also loads its quotations, once, for the speakers on the cards
  expect.soft(highlighting).toEqual(['createExcerpt', 'listQuotes'])
  const highlightingAgain = await callsDuring(page, async () => {
    await selectInSection(page, 3, 'many supporters of diplomatic engagement')
    await page.keyboard.press('h')
    await expect(page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')).toHaveCount(2)
  })
  expect.soft(highlightingAgain).toEqual(['createExcerpt'])
  // the article's count went up without listing every article again
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('2 excerpts ·')

  // a note, first of plain text: its saves cannot change any backlinks
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.click()
  await typeAndSave(page, 'Evidence:')
  const plainSave = await callsDuring(page, () => typeAndSave(page, ' see'))
  expect.soft(plainSave).toEqual(['saveNote'])

  // then linking ¶4 of the open article: each save may change its backlinks, fetched once
  await page.keyboard.type(' [[4')
  await page.getByRole('listbox', { name: 'Link a section or excerpt' }).getByRole('option').first().waitFor()
  await page.keyboard.press('Enter')
  // saved, and the backlinks that save changed are on screen
  await expect(page.getByRole('button', { name: '1 note link here; show them' })).toBeVisible()
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')

  const linkedSave = await callsDuring(page, () => typeAndSave(page, ' and more'))
  expect.soft(linkedSave).toEqual(['getBacklinks', 'saveNote'])
})
