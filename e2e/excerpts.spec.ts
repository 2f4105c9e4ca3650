import { test, expect } from './fixtures/gloss'
import { callApi, seedExcerpts, waitForArticle } from './helpers'

interface Section {
  id: string
  kind: string
  start: number
  end: number
}

test('long excerpt lists are windowed; clicking a highlight selects its excerpt', async ({ page, gloss }) => {
  test.setTimeout(120_000)
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const detail = await callApi<{ sections: Section[] }>(gloss, 'getArticle', { id: article!.id })
  const spans: { start: number; end: number }[] = []
  for (const section of detail.sections.filter((s) => s.kind !== 'quarantined')) {
    for (let at = section.start; at + 20 <= section.end && spans.length < 150; at += 44)
      spans.push({ start: at, end: at + 20 })
  }
  expect(spans.length).toBe(150)
  for (const span of spans)
    await callApi(gloss, 'createExcerpt', { articleId: article!.id, ...span, color: 'blue' })

  await page.reload()
  await waitForArticle(page)
  await expect(page.getByText('150 excerpts', { exact: true })).toBeVisible()
  const cards = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(cards.first()).toBeVisible()
  expect(await cards.count()).toBeLessThan(60)
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-blue')?.size ?? 0)).toBe(150)

  // click inside the 120th highlight in the article: that excerpt becomes active and is shown in the list
  const target = spans[119]!
  const excerpts = await callApi<
    { id: string; position: { start: number; end: number }; sectionId: string }[]
  >(gloss, 'listExcerpts', { articleId: article!.id })
  const wanted = excerpts.find((e) => e.position.start === target.start)!
  const sectionStart = detail.sections.find((s) => s.id === wanted.sectionId)!.start
  const box = await page.evaluate(
    ({ sectionId, from, to }) => {
      const element = document.querySelector<HTMLElement>(`article.article [data-section-id="${sectionId}"]`)!
      element.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.setStart(element.firstChild!, from)
      range.setEnd(element.firstChild!, to)
      const rect = range.getClientRects()[0]!
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    },
    {
      sectionId: wanted.sectionId,
      from: wanted.position.start - sectionStart + 5,
      to: wanted.position.start - sectionStart + 10,
    },
  )
  await page.mouse.click(box.x, box.y)
  const active = page.locator(`[data-excerpt-id="${wanted.id}"]`)
  await expect(active).toHaveAttribute('aria-current', 'true')
  await expect(active).toBeInViewport()
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-active')?.size ?? 0)).toBe(1)
})

test('comment editing: Esc cancels, Ctrl+Z in a text field stays the field’s own', async ({
  page,
  gloss,
}) => {
  await seedExcerpts(gloss)
  await page.reload()
  await waitForArticle(page)
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]').first()
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await expect(comment).toHaveValue('Singapore, Hanoi, DMZ')

  await comment.fill('a draft to throw away')
  await comment.press('Escape')
  await expect(comment).toHaveValue('Singapore, Hanoi, DMZ')
  await expect(comment).not.toBeFocused()

  // change the color (an undoable step), then Ctrl+Z inside the comment must not undo it
  await card.getByRole('button', { name: 'Green' }).click()
  await expect(card.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true')
  await comment.click()
  await comment.press('Control+z')
  await expect(card.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true')
  // outside a text field it does
  await comment.press('Escape')
  await page.locator('body').press('Control+z')
  await expect(card.getByRole('button', { name: 'Yellow' })).toHaveAttribute('aria-pressed', 'true')
  await page.locator('body').press('Control+y')
  await expect(card.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true')

  // blur saves
  await comment.fill('Three summits in two years')
  await page.locator('article.article h1').click()
  await page.reload()
  await waitForArticle(page)
  await expect(
    page
      .getByRole('list', { name: 'Excerpts' })
      .locator('[data-excerpt-id]')
      .first()
      .getByRole('textbox', { name: 'Comment' }),
  ).toHaveValue('Three summits in two years')
})

test('a cited excerpt keeps its Insert and Delete buttons inside its card at 1400 and 1024 px', async ({
  page,
  gloss,
}) => {
  await seedExcerpts(gloss)
  const [article] = await callApi<{ id: string }[]>(gloss, 'listArticles')
  const excerpts = await callApi<
    { id: string; articleId: string; sectionOrdinal: number; quote: { exact: string } }[]
  >(gloss, 'listExcerpts', { articleId: article!.id })
  const cards = excerpts.map((e) => ({
    type: 'gloss-excerpt-card',
    version: 1,
    excerptId: e.id,
    articleId: e.articleId,
    ordinal: e.sectionOrdinal,
    snapshot: { quote: e.quote.exact, color: 'yellow', comment: '', tags: [] },
  }))
  const root = { type: 'root', version: 1, children: cards, direction: null, format: '', indent: 0 }
  await callApi(gloss, 'createNote', { title: 'Cites all', content: { root } })
  await callApi(gloss, 'createNote', { title: 'Cites all again', content: { root } })
  for (const width of [1400, 1024]) {
    await page.setViewportSize({ width, height: 900 })
    await page.reload()
    await waitForArticle(page)
    const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]').first()
    await expect(card.getByRole('button', { name: /Cited in 2 notes/ })).toBeVisible()
    await card.hover()
    const box = (await card.boundingBox())!
    for (const name of ['Insert excerpt into the open note', 'Delete']) {
      const button = (await card.getByRole('button', { name, exact: true }).boundingBox())!
      expect(button.x, `${name} at ${width} px`).toBeGreaterThanOrEqual(box.x)
      expect(button.x + button.width, `${name} at ${width} px`).toBeLessThanOrEqual(box.x + box.width)
      expect(button.y + button.height, `${name} at ${width} px`).toBeLessThanOrEqual(box.y + box.height)
    }
    await card.screenshot({ path: `/tmp/reader-cited-card-${width}.png` })
  }
})
