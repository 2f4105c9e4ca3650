import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, openNote, seedExcerpts } from './helpers'
import { elementNode, paragraphNode, textNode } from '../src/shared/notes/testing/lexicalJson'

/**
 * The caret around every custom node of a note (excerpt card, section chip, horizontal rule):
 * no keystroke is lost and none lands somewhere else.
 */

const heading = (value: string) => elementNode('heading', [textNode(value)], { tag: 'h2' })

interface Seeded {
  card: Record<string, unknown>
  chip: Record<string, unknown>
}

async function seed(gloss: { origin: string; token: string }): Promise<Seeded> {
  await seedExcerpts(gloss)
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const [excerpt] = await callApi<
    { id: string; articleId: string; sectionId: string; sectionOrdinal: number; quote: { exact: string } }[]
  >(gloss, 'listExcerpts', { articleId: article!.id })
  return {
    card: {
      type: 'gloss-excerpt-card',
      version: 1,
      excerptId: excerpt!.id,
      articleId: excerpt!.articleId,
      ordinal: excerpt!.sectionOrdinal,
      snapshot: { quote: excerpt!.quote.exact, color: 'yellow', comment: '', tags: [] },
    },
    chip: {
      ...textNode('¶3'),
      mode: 'token',
      type: 'gloss-section-link',
      articleId: excerpt!.articleId,
      sectionId: excerpt!.sectionId,
      ordinal: excerpt!.sectionOrdinal,
      label: '¶3',
    },
  }
}

async function openNoteWith(page: Page, gloss: { origin: string; token: string }, children: unknown[]) {
  await callApi(gloss, 'createNote', { title: 'Caret', content: { root: elementNode('root', children) } })
  return openNote(page, 'Caret')
}

/** The note's blocks as text, one per top-level element ('[card]' for a card, '[hr]' for a rule). */
function blocks(page: Page) {
  return page.getByRole('textbox', { name: 'Note text' }).evaluate(
    (root) =>
      [...root.children]
        .map((el) =>
          el.classList.contains('gloss-excerpt-card-host')
            ? '[card]'
            : el.tagName === 'HR'
              ? '[hr]'
              : el.textContent,
        )
        .filter((_, i) => root.children[i]!.tagName !== 'IMG'), // Lexical's caret boundary after a block
  )
}

const quoteOf = (page: Page) =>
  page.getByRole('textbox', { name: 'Note text' }).locator('.gloss-excerpt-card-quote')

test('a card clicked, then Ctrl+End or Ctrl+Home: typing lands at the note’s end or start', async ({
  page,
  gloss,
}) => {
  const { card } = await seed(gloss)
  await openNoteWith(page, gloss, [heading('Plan'), paragraphNode('First line'), card])
  await quoteOf(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('tail')
  await expect.poll(() => blocks(page)).toEqual(['Plan', 'First line', '[card]', 'tail'])

  // a card in the middle: the end is the last paragraph's end, the start the heading's start
  await page.keyboard.press('Enter')
  await page.keyboard.type('after')
  await quoteOf(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('!')
  await quoteOf(page).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('My ')
  await expect.poll(() => blocks(page)).toEqual(['My Plan', 'First line', '[card]', 'tail', 'after!'])
  await expect(page.locator('.gloss-note-status')).toHaveText('Saved')
  await page.reload()
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: /^Caret/ })
    .click()
  await expect.poll(() => blocks(page)).toEqual(['My Plan', 'First line', '[card]', 'tail', 'after!'])
})

test('typing or Enter on a selected card starts a paragraph after it; arrows leave the first and last card', async ({
  page,
  gloss,
}) => {
  const { card } = await seed(gloss)
  await openNoteWith(page, gloss, [card, paragraphNode('middle'), card])
  const quotes = quoteOf(page)
  await quotes.first().click()
  await page.keyboard.type('one')
  await expect.poll(() => blocks(page)).toEqual(['[card]', 'one', 'middle', '[card]'])

  await quotes.last().click()
  await page.keyboard.press('Enter')
  await page.keyboard.type('two')
  await expect.poll(() => blocks(page)).toEqual(['[card]', 'one', 'middle', '[card]', 'two'])

  // ArrowUp on the first card: a paragraph before it; ArrowDown on the last: one after it
  await quotes.first().click()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.type('zero')
  await quotes.last().click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('three')
  await expect.poll(() => blocks(page)).toEqual(['zero', '[card]', 'one', 'middle', '[card]', 'threetwo'])
})

test('arrows through a card between paragraphs, and a rule at the end', async ({ page, gloss }) => {
  const { card } = await seed(gloss)
  const editor = await openNoteWith(page, gloss, [
    paragraphNode('above'),
    card,
    paragraphNode('below'),
    { type: 'horizontalrule', version: 1 },
  ])
  await editor.getByText('above').click()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowDown') // onto the card
  await page.keyboard.press('ArrowDown') // past it
  await page.keyboard.type('>')
  await expect.poll(() => blocks(page)).toEqual(['above', '[card]', '>below', '[hr]'])
  await page.keyboard.press('ArrowUp') // onto the card
  await page.keyboard.press('ArrowUp') // past it, into the paragraph above
  await page.keyboard.type('^')
  await expect.poll(() => blocks(page).then((b) => b[0])).toMatch(/\^/)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('end')
  await expect.poll(() => blocks(page).then((b) => b.slice(1))).toEqual(['[card]', '>below', '[hr]', 'end'])
})

test('the caret steps over a section chip as one unit; typing beside it never enters it', async ({
  page,
  gloss,
}) => {
  const { chip } = await seed(gloss)
  const editor = await openNoteWith(page, gloss, [
    elementNode('paragraph', [textNode('see '), chip, textNode(' here')], { textFormat: 0, textStyle: '' }),
  ])
  await expect.poll(() => blocks(page)).toEqual(['see ¶3 here'])
  await editor.getByText('here').click()
  await page.keyboard.press('End')
  for (let i = 0; i < ' here'.length; i++) await page.keyboard.press('ArrowLeft')
  // right after the chip: the letter goes after it
  await page.keyboard.type('A')
  // back over 'A', then one step over the chip (never into its text)
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('B')
  await expect.poll(() => blocks(page)).toEqual(['see B¶3A here'])
  await expect(editor.locator('.gloss-section-link')).toHaveText('¶3')
  await page.keyboard.press('Control+End')
  await page.keyboard.type('.')
  await expect.poll(() => blocks(page)).toEqual(['see B¶3A here.'])
  await expect(editor.locator('.gloss-section-link')).toHaveCount(1)
})

test('keys that arrive before the caret they moved is reported still step over the chip', async ({
  page,
  gloss,
}) => {
  const { chip } = await seed(gloss)
  const editor = await openNoteWith(page, gloss, [
    elementNode('paragraph', [textNode('see '), chip, textNode(' here')], { textFormat: 0, textStyle: '' }),
  ])
  await expect.poll(() => blocks(page)).toEqual(['see ¶3 here'])
  await editor.getByText('here').click()
  await page.keyboard.press('End')
  for (let i = 0; i < ' here'.length; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('A')
  // sent at once, as on a loaded machine: the second ← comes before the page's selectionchange
  // for the first (the chip was replaced by B: "see BA here")
  await Promise.all([
    page.keyboard.press('ArrowLeft'),
    page.keyboard.press('ArrowLeft'),
    page.keyboard.type('B'),
  ])
  await expect.poll(() => blocks(page)).toEqual(['see B¶3A here'])
  await Promise.all([page.keyboard.press('ArrowRight'), page.keyboard.type('C')])
  await expect.poll(() => blocks(page)).toEqual(['see B¶3CA here'])
  await expect(editor.locator('.gloss-section-link')).toHaveText('¶3')
})
