import type { Locator, Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures/gloss'
import { callApi, openNote, seedExcerpts } from './helpers'
import { elementNode, paragraphNode, textNode } from '../src/shared/notes/testing/lexicalJson'

/**
 * A long note is edited in pages (src/renderer/src/notes/editor/paging): the keys that join,
 * split and select blocks work across a page's edge as anywhere else, and what is saved is the
 * note's blocks in order, never its pages.
 */

const BLOCKS = 150
const blockText = (i: number) => `Block ${i}`

type Json = { type: string; text?: string; children?: Json[] }
type Server = { origin: string; token: string }

async function openLongNote(page: Page, gloss: Server, count = BLOCKS, title = 'Long') {
  const children = Array.from({ length: count }, (_, i) => paragraphNode(blockText(i)))
  const note = await callApi<{ id: string }>(gloss, 'createNote', {
    title,
    content: { root: elementNode('root', children) },
  })
  return { editor: await openNote(page, title), id: note.id }
}

/** A selection from block `from` at `fromOffset` to block `to` at `toOffset` (negative: from its end), as a drag would make it. */
async function select(editor: Locator, from: string, fromOffset: number, to = from, toOffset = fromOffset) {
  await editor.focus()
  await editor.evaluate(
    (root, [from, fromOffset, to, toOffset]) => {
      const point = (text: string, offset: number): [Text, number] => {
        const block = [...root.querySelectorAll('p')].find((el) => el.textContent === text)
        const node = block?.firstChild?.firstChild
        if (!(node instanceof Text)) throw new Error(`no block "${text}"`)
        block!.scrollIntoView({ block: 'center' })
        return [node, offset < 0 ? node.data.length + offset + 1 : offset]
      }
      const [a, i] = point(from as string, fromOffset as number)
      const [b, j] = point(to as string, toOffset as number)
      getSelection()!.setBaseAndExtent(a, i, b, j)
    },
    [from, fromOffset, to, toOffset] as const,
  )
  await editor.page().waitForTimeout(50) // Lexical takes the selection from selectionchange
}

/** The saved note's top-level blocks as text (after the editor said "Saved"). */
async function savedBlocks(page: Page, gloss: Server, id: string): Promise<string[]> {
  await page.getByRole('textbox', { name: 'Note title' }).focus()
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
  const note = await callApi<{ content: { root: Json } }>(gloss, 'getNote', { id })
  const children = note.content.root.children ?? []
  expect(children.map((c) => c.type)).not.toContain('gloss-page')
  const text = (n: Json): string => n.text ?? (n.children ?? []).map(text).join('')
  return children.map((c) => (c.type === 'heading' ? `# ${text(c)}` : text(c)))
}

const pages = (editor: Locator) => editor.locator('.gloss-note-page')
const expected = () => Array.from({ length: BLOCKS }, (_, i) => blockText(i))

test('Backspace and Delete join blocks across a page’s edge; typing, Enter and Markdown work in a page', async ({
  page,
  gloss,
}) => {
  const { editor, id } = await openLongNote(page, gloss)
  await expect(pages(editor)).toHaveCount(Math.ceil(BLOCKS / 48))
  const want = expected()

  await select(editor, blockText(48), 0) // the first block of the second page
  await page.keyboard.press('Backspace')
  want.splice(47, 2, `${blockText(47)}${blockText(48)}`)
  await select(editor, blockText(95), -1) // the last block of the (now joined) page
  await expect(editor.locator('p', { hasText: /^Block 95$/ })).toHaveCount(1)
  await page.keyboard.press('Delete')
  want.splice(want.indexOf(blockText(95)), 2, `${blockText(95)}${blockText(96)}`)

  await select(editor, blockText(120), -1)
  await page.keyboard.type(' and more')
  await page.keyboard.press('Enter')
  await page.keyboard.type('## A heading in a page')
  want.splice(want.indexOf(blockText(120)), 1, `${blockText(120)} and more`, '# A heading in a page')

  expect(await savedBlocks(page, gloss, id)).toEqual(want)
})

test('a selection across pages is deleted or typed over as one, and undo brings it back', async ({
  page,
  gloss,
}) => {
  const { editor, id } = await openLongNote(page, gloss)
  await select(editor, 'Block 40', 5, 'Block 60', 7)
  await page.keyboard.press('Backspace')
  const joined = expected()
  joined.splice(40, 21, 'Block0')
  expect(await savedBlocks(page, gloss, id)).toEqual(joined)

  await select(editor, 'Block 80', 6, 'Block 130', 6)
  await page.keyboard.type('X')
  const typed = [...joined]
  typed.splice(joined.indexOf('Block 80'), 51, 'Block X130')
  expect(await savedBlocks(page, gloss, id)).toEqual(typed)

  await page.getByRole('textbox', { name: 'Note text' }).focus()
  await page.keyboard.press('Control+z')
  expect(await savedBlocks(page, gloss, id)).toEqual(joined)
  await page.getByRole('textbox', { name: 'Note text' }).focus()
  await page.keyboard.press('Control+z')
  expect(await savedBlocks(page, gloss, id)).toEqual(expected())
})

test('blocks copied across pages paste as blocks; a short note has no pages', async ({ page, gloss }) => {
  const { editor, id } = await openLongNote(page, gloss)
  await select(editor, 'Block 46', 0, 'Block 49', 8)
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+v')
  const saved = await savedBlocks(page, gloss, id)
  expect(saved.slice(0, BLOCKS)).toEqual(expected())
  expect(saved.slice(BLOCKS).filter((t) => t !== '')).toEqual([
    'Block 46',
    'Block 47',
    'Block 48',
    'Block 49',
  ])

  const short = await openLongNote(page, gloss, 20, 'Short')
  await expect(short.editor.locator('p')).toHaveCount(20)
  await expect(pages(short.editor)).toHaveCount(0)
})

for (const theme of ['light', 'dark'] as const) {
  test(`a long note at a page's edge, a card there focused, ${theme} theme, 1400 and 1024 px`, async ({
    page,
    gloss,
  }) => {
    test.setTimeout(120_000)
    await seedExcerpts(gloss)
    const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
    const [excerpt] = await callApi<{ id: string; sectionOrdinal: number; quote: { exact: string } }[]>(
      gloss,
      'listExcerpts',
      { articleId: article!.id },
    )
    const children: unknown[] = []
    for (let i = 0; i < 200; i++) {
      if (i % 12 === 0) children.push(elementNode('heading', [textNode(`Part ${i / 12 + 1}`)], { tag: 'h2' }))
      // the 48th block, the last of the first page, is a card: its focus ring sits at the page's edge
      else if (children.length === 47)
        children.push({
          type: 'gloss-excerpt-card',
          version: 1,
          excerptId: excerpt!.id,
          articleId: article!.id,
          ordinal: excerpt!.sectionOrdinal,
          snapshot: { quote: excerpt!.quote.exact, color: 'yellow', comment: 'At the edge.', tags: [] },
        })
      else children.push(paragraphNode(`Paragraph ${i}: the committee heard evidence about the summit.`))
    }
    await callApi(gloss, 'createNote', { title: 'Long', content: { root: elementNode('root', children) } })
    await page.emulateMedia({ colorScheme: theme })
    for (const width of [1400, 1024]) {
      await page.setViewportSize({ width, height: 860 })
      const editor = await openNote(page, 'Long')
      await expect(editor.locator('.gloss-note-page')).toHaveCount(Math.ceil(children.length / 48))
      const card = editor.locator('.gloss-excerpt-card-host').first()
      await card.scrollIntoViewIfNeeded()
      await card.locator('.gloss-excerpt-card-quote').click()
      await page.screenshot({ path: `/tmp/long-note-${theme}-${width}.png` })
      const results = await new AxeBuilder({ page }).analyze()
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      expect(serious, `axe on the long note ${theme} ${width}`).toEqual([])
    }
  })
}
