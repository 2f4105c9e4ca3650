import { afterEach, beforeEach, expect, it } from 'vitest'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook()
})
afterEach(() => nb.cleanup())

it('exports carry a quotation excerpt’s speaker: “— Bruce Klingner, in *Title*, ¶10”', async () => {
  const [article] = await nb.call('listArticles', { sort: 'imported', inTrash: false })
  const quotes = await nb.call('listQuotes', { articleId: article!.id })
  const klingner = quotes.find((q) => q.speaker.name === 'Bruce Klingner')!
  await nb.call('createExcerpt', { articleId: article!.id, start: klingner.start, end: klingner.end })
  // an excerpt that is no quotation keeps the plain source line
  await nb.call('createExcerpt', { articleId: article!.id, quote: 'Having good relations with Washington' })

  const markdown = await nb.call('renderExport', {
    scope: { kind: 'article', id: article!.id },
    format: 'md',
  })
  expect(markdown.content).toContain(`> — Bruce Klingner, in *${article!.title}*, ¶10`)
  expect(markdown.content).toContain(`> — ${article!.title}, ¶10`)
  const html = await nb.call('renderExport', { scope: { kind: 'article', id: article!.id }, format: 'html' })
  expect(html.content).toMatch(/<figcaption>— Bruce Klingner, in <cite>The story of Trump/)
})
