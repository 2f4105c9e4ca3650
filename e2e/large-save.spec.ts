import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, openNote } from './helpers'
import { elementNode, paragraphNode } from '../src/shared/notes/testing/lexicalJson'

/**
 * A request body of 64 KB or more (a long note's save) is sent from a worker
 * (src/renderer/src/api/postWorker.ts), not from the page's thread; smaller ones from the page.
 * The page's own resource timeline lists only what the page fetched itself, which tells the two
 * apart. Either way the save lands, and a save that cannot reach the server keeps the work.
 */

const words = (i: number) => Array.from({ length: 40 }, (_, w) => `word${(i * 7 + w * 13) % 997}`).join(' ')
/** ~900 KB of note JSON */
const longContent = () => ({
  root: elementNode(
    'root',
    Array.from({ length: 3000 }, (_, i) => paragraphNode(`${i}: ${words(i)}.`)),
  ),
})

/** How many /api/saveNote requests the page's thread sent itself. */
const pageSaves = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/saveNote')).length,
  )

async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
  await page.getByRole('textbox', { name: 'Note title' }).focus() // leaving the text saves at once
}

const savedText = async (gloss: { origin: string; token: string }, id: string) =>
  (await callApi<{ text: string }>(gloss, 'getNote', { id })).text

test('a long note saves from the worker and a short one from the page; both land', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  const long = await callApi<{ id: string }>(gloss, 'createNote', { title: 'Long', content: longContent() })
  const short = await callApi<{ id: string }>(gloss, 'createNote', {
    title: 'Short',
    content: { root: elementNode('root', [paragraphNode('A few words.')]) },
  })

  await openNote(page, 'Long')
  await typeAtEnd(page, ' qzx')
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
  expect(await savedText(gloss, long.id)).toMatch(/qzx$/)
  expect(await pageSaves(page)).toBe(0)

  await page.getByRole('button', { name: 'All notes' }).click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: /^Short/ })
    .click()
  await typeAtEnd(page, ' jvk')
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
  expect(await savedText(gloss, short.id)).toBe('A few words. jvk')
  expect(await pageSaves(page)).toBeGreaterThan(0)
})

test('a long note’s save that cannot reach the server says so, keeps the work, and goes once it can', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  const long = await callApi<{ id: string }>(gloss, 'createNote', { title: 'Long', content: longContent() })
  await openNote(page, 'Long')
  const before = await savedText(gloss, long.id)

  await page.context().route('**/api/saveNote', (route) => route.abort())
  await typeAtEnd(page, ' qzx')
  await expect(page.locator('.gloss-note-status [role=status]')).toHaveText(
    /^Not saved: Could not reach the Gloss server/,
  )
  expect(await savedText(gloss, long.id)).toBe(before)

  await page.context().unroute('**/api/saveNote')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
  expect(await savedText(gloss, long.id)).toMatch(/qzx$/)
})
