/**
 * The screens this work touched, at 1400 and 1024 px in both themes, through axe: the excerpts
 * panel and a note citing an excerpt that runs from ¶3 into ¶4 (both say ¶3–4), with a section
 * chip and the toolbar.
 */
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, seedExcerpts, waitForArticle } from './helpers'
import { elementNode, textNode } from '../src/shared/notes/testing/lexicalJson'

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${screen}`).toEqual([])
}

for (const theme of ['light', 'dark'] as const) {
  test(`¶3–4 on the excerpt and note cards, ${theme} theme, 1400 and 1024 px`, async ({ page, gloss }) => {
    test.setTimeout(120_000)
    await seedExcerpts(gloss)
    const [article] = await callApi<{ id: string; title: string }[]>(gloss, 'listArticles')
    const sections = await callApi<
      { id: string; ordinal: number; start: number; end: number; text: string }[]
    >(gloss, 'listSections', { articleId: article!.id })
    const s3 = sections.find((s) => s.ordinal === 3)!
    const s4 = sections.find((s) => s.ordinal === 4)!
    const across = await callApi<{ id: string; quote: { exact: string }; sectionOrdinal: number }>(
      gloss,
      'createExcerpt',
      {
        articleId: article!.id,
        // whole words, from the last few of ¶3 into the first few of ¶4
        start: s3.start + s3.text.lastIndexOf(' ', s3.text.length - 30) + 1,
        end: s4.start + s4.text.indexOf(' ', 25),
        color: 'purple',
        comment: 'Runs on.',
      },
    )
    await callApi(gloss, 'createNote', {
      title: 'Across two paragraphs',
      content: {
        root: elementNode('root', [
          elementNode(
            'paragraph',
            [
              textNode('The passage starts in '),
              {
                ...textNode('¶3'),
                mode: 'token',
                type: 'gloss-section-link',
                articleId: article!.id,
                sectionId: s3.id,
                ordinal: 3,
                label: '¶3',
              },
              textNode(' and goes on:'),
            ],
            { textFormat: 0, textStyle: '' },
          ),
          {
            type: 'gloss-excerpt-card',
            version: 1,
            excerptId: across.id,
            articleId: article!.id,
            ordinal: across.sectionOrdinal,
            snapshot: { quote: across.quote.exact, color: 'purple', comment: 'Runs on.', tags: [] },
          },
          elementNode('paragraph', [textNode('More after it.')], { textFormat: 0, textStyle: '' }),
        ]),
      },
    })
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1400, 1024]) {
      await page.setViewportSize({ width, height: 860 })
      await page.reload()
      await waitForArticle(page)
      const card = page.locator(`[data-excerpt-id="${across.id}"]`)
      await expect(card).toHaveAttribute('aria-label', 'Excerpt from ¶3–4')
      await card.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `/tmp/labels-excerpts-${theme}-${width}.png` })
      await expectNoSeriousViolations(page, `excerpts ${theme} ${width}`)

      await page.getByRole('tab', { name: 'Notes' }).click()
      await page
        .getByRole('list', { name: 'All notes' })
        .getByRole('button', { name: /^Across two paragraphs/ })
        .click()
      const editor = page.getByRole('textbox', { name: 'Note text' })
      await expect(editor.locator('.gloss-excerpt-card-ordinal').first()).toHaveText('¶3–4')
      await editor.getByText('More after it.').click()
      await page.screenshot({ path: `/tmp/labels-note-${theme}-${width}.png` })
      await expectNoSeriousViolations(page, `note ${theme} ${width}`)
    }
  })
}
