import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, flashes, recordFlashes, seedExcerpts, selectInSection, waitForArticle } from './helpers'

const SHOTS = resolve(import.meta.dirname, '..', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

const SENTENCE = 'Despite these shifts, the question remains: will Trump seek to re-engage with Kim?'
const COMMENT = 'Asked in every interview, never answered'

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  )
  expect(report, `axe on ${screen}`).toEqual([])
}

const notesTab = (page: Page) => page.getByRole('tab', { name: 'Notes' })
const excerptsTab = (page: Page) => page.getByRole('tab', { name: 'Excerpts' })
const noteText = (page: Page) => page.getByRole('textbox', { name: 'Note text' })
const excerptCards = (page: Page) => page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
const saveStatus = (page: Page) => page.locator('.gloss-note-status')

/** The Notes tab, a new note with this title, the caret in its text. */
async function newNote(page: Page, title: string): Promise<Locator> {
  await notesTab(page).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill(title)
  const editor = noteText(page)
  await editor.click()
  return editor
}

/** Open a note from the list on the Notes tab. */
async function openNote(page: Page, title: string): Promise<Locator> {
  await notesTab(page).click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click()
  const editor = noteText(page)
  await expect(editor).toBeVisible()
  return editor
}

/** Whether the element's box lies inside the article's scrolling pane (not just the page). */
function inArticleScroller(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const scroller = el.closest('.pane-scroll')!
    const box = scroller.getBoundingClientRect()
    const rect = el.getBoundingClientRect()
    return rect.top >= box.top && rect.top < box.bottom && rect.bottom > box.top
  })
}

test('a note with a heading, a list, a ¶ link and a dragged excerpt: persistence, links, backlinks, live card', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await waitForArticle(page)

  // an excerpt of ¶6
  await selectInSection(page, 6, SENTENCE)
  await page.keyboard.press('h')
  await expect(excerptCards(page)).toHaveCount(1)
  await expect(excerptCards(page)).toContainText(SENTENCE)

  // write: a heading and a list through markdown shortcuts, then a link to ¶4 through [[
  const editor = await newNote(page, 'Summit diplomacy')
  await page.keyboard.type('# Where things stand')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- Three summits, no deal')
  await page.keyboard.press('Enter')
  await page.keyboard.type('The arsenal keeps growing')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter') // an empty item leaves the list
  await page.keyboard.type('Evidence: [[4')
  const picker = page.getByRole('listbox', { name: 'Link a section or excerpt' })
  await expect(picker.getByRole('option').first()).toContainText('¶4')
  await expect(picker.getByRole('option').first()).toContainText('Since those initial summits')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveCount(0)
  const chip = editor.locator('.gloss-section-link')
  await expect(chip).toHaveCount(1)
  await expect(chip).toHaveAttribute('data-ordinal', '4')
  await expect(chip).toHaveText(/^¶4 · Since those initial summits/)
  await expect(editor.getByRole('heading', { level: 1, name: 'Where things stand' })).toBeVisible()
  await expect(editor.getByRole('listitem')).toHaveText([
    'Three summits, no deal',
    'The arsenal keeps growing',
  ])

  // drag the excerpt's card from the Excerpts tab: resting on the Notes tab opens it, the drop
  // lands in the note (real mouse moves; Chromium runs its drag and drop)
  await excerptsTab(page).click()
  const card = excerptCards(page).first()
  await card.scrollIntoViewIfNeeded()
  const from = (await card.boundingBox())!
  await page.mouse.move(from.x + 10, from.y + 5)
  await page.mouse.down()
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 5 })
  const tab = (await notesTab(page).boundingBox())!
  await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2, { steps: 10 })
  await expect(notesTab(page)).toHaveAttribute('aria-selected', 'true') // after ~300 ms
  await expect(editor).toBeVisible()
  const into = (await editor.boundingBox())!
  await page.mouse.move(into.x + into.width / 2, into.y + into.height - 24, { steps: 10 })
  await page.mouse.up()
  const noteCard = editor.getByRole('figure', { name: 'Excerpt from ¶6' })
  await expect(noteCard).toBeVisible()
  await expect(noteCard).toContainText(SENTENCE)
  await expect(saveStatus(page)).toHaveText('Saved')

  // reload: everything is still there
  await page.reload()
  await waitForArticle(page)
  await openNote(page, 'Summit diplomacy')
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Summit diplomacy')
  await expect(editor.getByRole('heading', { level: 1, name: 'Where things stand' })).toBeVisible()
  await expect(editor.getByRole('listitem')).toHaveText([
    'Three summits, no deal',
    'The arsenal keeps growing',
  ])
  await expect(chip).toHaveAttribute('data-ordinal', '4')
  await expect(chip).toHaveText(/^¶4 · /)
  await expect(noteCard).toContainText(SENTENCE)

  // clicking the ¶4 link scrolls the article to ¶4 and flashes it
  const scroller = page.locator('.pane-center .pane-scroll')
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  const p4 = page.locator('article.article [data-ordinal="4"]')
  await expect.poll(() => inArticleScroller(p4)).toBe(false)
  // the chip may wrap: click inside its first line box
  const onChip = await chip.evaluate((el) => {
    const line = el.getClientRects()[0]!
    return { x: line.left + Math.min(12, line.width / 2), y: line.top + line.height / 2 }
  })
  await recordFlashes(page)
  await page.mouse.click(onChip.x, onChip.y)
  await expect.poll(() => inArticleScroller(p4)).toBe(true)
  await expect(p4).toBeInViewport()
  await expect.poll(() => flashes(page)).toEqual([(await p4.textContent())!])

  // one backlink each: ¶4 in the margin, the excerpt on its card
  const p4Badge = page
    .locator('.section-block')
    .filter({ has: page.locator('[data-ordinal="4"]') })
    .getByRole('button', { name: '1 note link here; show them' })
  await expect(p4Badge).toHaveText('1 note')
  await expect(page.getByRole('button', { name: /link here; show them/ })).toHaveCount(1)
  await excerptsTab(page).click()
  await expect(card.getByRole('button', { name: 'Cited in 1 note; show them' })).toHaveText('Cited in 1 note')

  // the screen, photographed and checked with axe, light and dark (the flash has faded)
  await notesTab(page).click()
  await page.waitForTimeout(1800)
  await page.mouse.move(0, 0)
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await page.screenshot({ path: resolve(SHOTS, `notes-${theme}.png`) })
    await expectNoSeriousViolations(page, `notes with a note open (${theme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // the card in the note shows the excerpt's current comment
  await excerptsTab(page).click()
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await comment.fill(COMMENT)
  await comment.press('Control+Enter')
  await notesTab(page).click()
  await expect(noteCard.locator('.gloss-excerpt-card-comment')).toHaveText(COMMENT)

  // deleting the excerpt leaves the card with its quote, marked "Source deleted"
  await excerptsTab(page).click()
  await card.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(excerptCards(page)).toHaveCount(0)
  await notesTab(page).click()
  await expect(noteCard.getByText('Source deleted')).toBeVisible()
  await expect(noteCard).toContainText(SENTENCE)
  await expect(noteCard.getByRole('button', { name: /Show ¶6/ })).toHaveCount(0)
  await expect(noteCard.locator('.gloss-excerpt-card-comment')).toHaveText(COMMENT) // as it was last
  await page.getByTestId('toast').getByRole('button', { name: 'Dismiss message' }).click()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: resolve(SHOTS, 'notes-deleted-source-light.png') })
  await expectNoSeriousViolations(page, 'notes, source deleted (light)')
})

test('a crash loses at most the last second of typing; blur and leaving the note save at once', async ({
  page,
  restartServer,
}) => {
  test.setTimeout(120_000)
  await waitForArticle(page)
  const editor = await newNote(page, 'Crash test')
  await page.keyboard.type('Typed a second before the crash.')
  await page.waitForTimeout(1000)
  // SIGKILL: no shutdown, no last flush; then a new server on the same notebook file
  const server = await restartServer({ kill: true })
  await page.goto(server.url)
  await waitForArticle(page)
  await openNote(page, 'Crash test')
  await expect(editor).toHaveText('Typed a second before the crash.')

  // a few characters and an immediate blur: saved at once, not after the 400 ms debounce.
  // Typed and blurred inside the page, so test-runner latency cannot blur the timing.
  await editor.click()
  await page.keyboard.press('Control+End')
  const timing = await editor.evaluate(async (el) => {
    const status = () => document.querySelector('.gloss-note-status')?.textContent
    const sent: number[] = []
    const original = window.fetch
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url.endsWith('/saveNote')) sent.push(performance.now())
      return original(input, init)
    }
    try {
      document.execCommand('insertText', false, ' Blur')
      await new Promise((done) => setTimeout(done, 0))
      const before = status()
      const blurredAt = performance.now()
      el.blur()
      await new Promise((done) => setTimeout(done, 150))
      return { before, after: sent.map((at) => Math.round(at - blurredAt)) }
    } finally {
      window.fetch = original
    }
  })
  expect(timing.before).toBe('Unsaved changes') // the debounce had not sent it
  expect(timing.after).toHaveLength(1)
  expect(timing.after[0]).toBeLessThan(150)
  await expect(saveStatus(page)).toHaveText('Saved')

  // a few characters and straight back to the list: saved too
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Switch')
  const onLeave = page.waitForRequest((r) => r.url().endsWith('/api/saveNote'), { timeout: 1000 })
  await page.getByRole('button', { name: 'Back to all notes' }).click()
  await onLeave
  const [summary] = await callApi<{ id: string }[]>(server, 'listNotes')
  await expect
    .poll(async () => JSON.stringify(await callApi(server, 'getNote', { id: summary!.id })))
    .toContain('Typed a second before the crash. Blur Switch')

  await page.reload()
  await waitForArticle(page)
  await openNote(page, 'Crash test')
  await expect(editor).toHaveText('Typed a second before the crash. Blur Switch')
})

test('“Insert” puts an excerpt into the open note; a drop on the Notes tab or on a listed note does too', async ({
  page,
  gloss,
}) => {
  test.setTimeout(120_000)
  await seedExcerpts(gloss)
  await page.reload()
  await waitForArticle(page)
  const cards = excerptCards(page)
  await expect(cards).toHaveCount(5)
  const first = cards.filter({ hasText: 'They held three landmark summits' })
  const insert = first.getByRole('button', { name: 'Insert excerpt into the open note' })
  await expect(insert).toBeDisabled() // no note is open
  await page.mouse.move(0, 0)
  await expect(insert).toHaveCSS('opacity', '0') // shown on hover and focus only

  const editor = await newNote(page, 'Reading list')
  await page.keyboard.type('To read again:')
  await excerptsTab(page).click()
  await expect(insert).toBeEnabled()
  // from the keyboard: Tab from the comment field reaches the button
  await first.getByRole('combobox', { name: 'Add tag' }).focus()
  for (let i = 0; i < 12 && !(await insert.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(insert).toBeFocused()
  await expect(insert).toHaveCSS('opacity', '1')
  await page.keyboard.press('Enter')
  const toast = page.getByTestId('toast').filter({ hasText: 'Inserted the excerpt into the open note' })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Show note' }).click()
  await expect(notesTab(page)).toHaveAttribute('aria-selected', 'true')
  const inserted = editor.getByRole('figure')
  await expect(inserted).toHaveCount(1)
  await expect(inserted).toContainText('They held three landmark summits')
  // after the line the caret was on
  await expect(editor.locator(':scope > *').first()).toHaveText('To read again:')

  // dropped on the Notes tab itself: into the open note, at once
  await excerptsTab(page).click()
  const second = cards.filter({ hasText: 'mutual defense pact' })
  await second.scrollIntoViewIfNeeded()
  // the cards may still move as the panel fills in (their speakers arrive): drag from where it rests
  let last = ''
  await expect
    .poll(async () => {
      const now = JSON.stringify(await second.boundingBox())
      const still = now === last
      last = now
      return still
    })
    .toBe(true)
  const box = (await second.boundingBox())!
  await page.mouse.move(box.x + 10, box.y + 5)
  await page.mouse.down()
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 3 })
  const tab = (await notesTab(page).boundingBox())!
  await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2, { steps: 3 })
  await page.mouse.up()
  await expect(notesTab(page)).toHaveAttribute('aria-selected', 'true')
  await expect(inserted).toHaveCount(2)
  await expect(inserted.nth(1)).toContainText('mutual defense pact')
  await expect(saveStatus(page)).toHaveText('Saved')

  // with the list showing, dropped on a note: it opens with the excerpt at its end
  await page.getByRole('button', { name: 'Back to all notes' }).click()
  await excerptsTab(page).click()
  const third = cards.filter({ hasText: 'Nobel Peace Prize' })
  await third.scrollIntoViewIfNeeded()
  const from = (await third.boundingBox())!
  await page.mouse.move(from.x + 10, from.y + 5)
  await page.mouse.down()
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 3 })
  await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2, { steps: 5 })
  await expect(notesTab(page)).toHaveAttribute('aria-selected', 'true')
  const item = (await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('listitem')
    .first()
    .boundingBox())!
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(editor).toBeVisible()
  await expect(inserted).toHaveCount(3)
  await expect(inserted.nth(2)).toContainText('Nobel Peace Prize')
  await expect(saveStatus(page)).toHaveText('Saved')
})

test('the editor loads on first use, and “New note” puts the caret in the new note', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await page.reload()
  await waitForArticle(page)
  await notesTab(page).click()
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible()
  expect(scripts.some((s) => /NoteEditor/.test(s))).toBe(false)

  await page.getByRole('button', { name: 'New note' }).click()
  const editor = noteText(page)
  await expect(editor).toBeFocused()
  expect(scripts.some((s) => /NoteEditor/.test(s))).toBe(true)
  await page.keyboard.type('Straight into the note')
  await expect(editor).toHaveText('Straight into the note')
  await expect(saveStatus(page)).toHaveText('Saved')
  // an existing note opened from the list does not steal the caret
  await page.getByRole('button', { name: 'Back to all notes' }).click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: /^Untitled/ })
    .click()
  await expect(editor).toHaveText('Straight into the note')
  await expect(editor).not.toBeFocused()
})
