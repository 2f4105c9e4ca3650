import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, type GlossServer } from './fixtures/gloss'
import { callApi, selectInSection, waitForArticle } from './helpers'

const SAMPLE = readFileSync(
  resolve(import.meta.dirname, '..', 'resources/samples/trump-kim-diplomacy.txt'),
  'utf8',
)

const SAME = 'North Korea does not seem to care who is in the White House'
const CHANGED = 'They held three landmark summits between 2018 and 2019'
const REMOVED = 'expanding its arsenal of intercontinental ballistic missiles'
const RUSSIA = 'it signed a mutual defense pact with Russia'

interface Excerpt {
  id: string
  anchorStatus: string
  verbatim: boolean
  deletedAt: string | null
  quote: { exact: string }
}

/** The sample's second version: changed words, a paragraph inserted at the top, one removed. */
function editedSample(): string {
  const paragraphs = SAMPLE.split('\n').filter((p) => p.trim() !== '')
  const edited = paragraphs
    .filter((p) => !p.includes(REMOVED))
    .map((p) =>
      p
        .replace('three landmark summits', 'three historic summits')
        .replace('a mutual defense pact with Russia', 'a sweeping defense treaty with Moscow'),
    )
  return ['An editor’s note added to the top of the story.', ...edited].join('\n')
}

async function seedVersion(gloss: GlossServer) {
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const ids: Record<string, string> = {}
  for (const quote of [SAME, CHANGED, REMOVED, RUSSIA]) {
    ids[quote] = (await callApi<Excerpt>(gloss, 'createExcerpt', { articleId: article!.id, quote })).id
  }
  const result = await callApi<{ version: { number: number; fuzzy: number; orphaned: number } }>(
    gloss,
    'importVersion',
    { articleId: article!.id, content: editedSample(), fileName: 'trump-kim-diplomacy.txt' },
  )
  return { articleId: article!.id, ids, report: result.version }
}

const queue = (page: Page) => page.getByRole('list', { name: 'Review queue' })
const item = (page: Page, text: string) => queue(page).getByRole('listitem').filter({ hasText: text })

test('a new version: the review queue shows old and new text, and each action settles one', async ({
  page,
  gloss,
}) => {
  const { articleId, ids, report } = await seedVersion(gloss)
  expect(report.number).toBe(2)
  const review = await callApi<unknown[]>(gloss, 'listReview', { articleId })
  expect(review.length).toBeGreaterThanOrEqual(2)
  await page.reload()
  await waitForArticle(page)

  // the library and the tab say how many wait
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText(`${review.length} to review`)
  const tab = page.getByRole('tab', { name: `Review (${review.length})` })
  await tab.click()
  await expect(page.getByRole('status').filter({ hasText: 'to review' })).toHaveText(
    `${review.length} excerpts to review`,
  )

  // changed words: before and after side by side, the difference marked
  const changed = item(page, 'three')
  await expect(changed.getByRole('region', { name: 'Before' }).locator('del')).toContainText('landmark')
  await expect(changed.getByRole('region', { name: 'Now' }).locator('ins')).toContainText('historic')
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: test.info().outputPath(`review-${width}-${scheme}.png`) })
      const results = await new AxeBuilder({ page }).analyze()
      expect(
        results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
        `axe on review ${width} ${scheme}`,
      ).toEqual([])
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Accept takes the new text
  await changed.getByRole('button', { name: 'Accept' }).click()
  await expect(item(page, 'landmark')).toHaveCount(0)
  await expect(page.getByRole('tab', { name: `Review (${review.length - 1})` })).toBeVisible()
  const accepted = (await callApi<Excerpt[]>(gloss, 'listExcerpts', { articleId })).find(
    (e) => e.id === ids[CHANGED],
  )
  expect(accepted?.quote.exact).toContain('historic')

  // Keep as orphan: out of the queue, the card says it is not verbatim
  const removed = item(page, 'ballistic')
  await removed.getByRole('button', { name: 'Keep as orphan' }).click()
  await expect(item(page, 'ballistic')).toHaveCount(0)
  await page.getByRole('tab', { name: 'Excerpts' }).click()
  const orphanCard = page.locator(`[data-excerpt-id="${ids[REMOVED]}"]`)
  await expect(orphanCard).toContainText('Not verbatim in the current version')
  await page.screenshot({ path: test.info().outputPath('excerpts-not-verbatim-1400.png') })
  await expect(page.locator(`[data-excerpt-id="${ids[SAME]}"]`)).not.toContainText('Not verbatim')

  // a note's card of that excerpt says so too
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeVisible()
  await page.getByRole('tab', { name: 'Excerpts' }).click()
  await orphanCard.getByRole('button', { name: 'Insert excerpt into the open note' }).click()
  await page.getByRole('tab', { name: 'Notes' }).click()
  const noteCard = page.locator('.gloss-excerpt-card').filter({ hasText: 'ballistic' })
  await expect(noteCard).toContainText('Not verbatim in the current version')
  await page.screenshot({ path: test.info().outputPath('note-card-not-verbatim-1400.png') })

  // Re-attach: pick it, select the new words in the reader, confirm in the toolbar
  await page.getByRole('tab', { name: /^Review/ }).click()
  const russia = item(page, 'Russia')
  await russia.getByRole('button', { name: 'Re-attach…' }).click()
  await expect(russia.getByRole('status')).toContainText('Select the new text')
  const ordinal = await page
    .locator('article.article [data-ordinal]')
    .filter({ hasText: 'a sweeping defense treaty with Moscow' })
    .getAttribute('data-ordinal')
  await selectInSection(page, Number(ordinal), 'a sweeping defense treaty with Moscow')
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Re-attach here' })
    .click()
  await expect(item(page, 'Russia')).toHaveCount(0)
  const reattached = (await callApi<Excerpt[]>(gloss, 'listExcerpts', { articleId })).find(
    (e) => e.id === ids[RUSSIA],
  )
  expect(reattached?.quote.exact).toBe('a sweeping defense treaty with Moscow')
  expect(reattached?.verbatim).toBe(true)

  expect(await callApi<unknown[]>(gloss, 'listReview', { articleId })).toHaveLength(review.length - 3)
  if (review.length === 3) {
    await expect(page.getByText('Nothing to review.')).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Review', exact: true })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Articles' })).not.toContainText('to review')
  }
})

test('Delete from the review queue, and the versions list shows the older one read-only', async ({
  page,
  gloss,
}) => {
  const { articleId, ids } = await seedVersion(gloss)
  await page.reload()
  await waitForArticle(page)
  // the palette opens the queue
  await page.locator('article.article h1').click()
  await page.keyboard.press('Control+K')
  const box = page.getByRole('combobox', { name: 'Type a command' })
  await box.fill('Review queue')
  await box.press('Enter')
  await expect(page.getByRole('tab', { name: /^Review \(\d\)$/ })).toHaveAttribute('aria-selected', 'true')
  const before = await page.getByRole('list', { name: 'Articles' }).textContent()
  expect(before).toContain('4 excerpts')
  await item(page, 'ballistic').getByRole('button', { name: 'Delete' }).click()
  await expect(item(page, 'ballistic')).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('3 excerpts')
  const excerpts = await callApi<Excerpt[]>(gloss, 'listExcerpts', { articleId })
  expect(excerpts.map((e) => e.id)).not.toContain(ids[REMOVED])

  await page.getByRole('button', { name: 'Version 2 · Versions…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Versions' })
  await expect(dialog.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2)
  await expect(dialog.getByRole('button', { name: /Version 2/ })).toBeDisabled()
  await dialog.getByRole('button', { name: /Version 1/ }).click()
  const old = dialog.getByRole('region', { name: 'Version 1 (read-only)' })
  await expect(old).toContainText('three landmark summits')
  await expect(old).toContainText(REMOVED)
  await page.screenshot({ path: test.info().outputPath('versions-1400.png') })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})
