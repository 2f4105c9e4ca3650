import { afterEach, beforeEach, expect, it } from 'vitest'
import { renderExport } from '../export'
import type { NotebookDocument } from '../notebookDocument/schema'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

let source: TempNotebook
let target: TempNotebook
beforeEach(() => {
  source = openTempNotebook()
  target = openTempNotebook({ samplePath: null })
})
afterEach(() => {
  source.cleanup()
  target.cleanup()
})

const speakers = async (nb: TempNotebook, articleId: string) =>
  (await nb.call('listQuotes', { articleId })).map((q) => [q.text.slice(0, 20), q.speaker.name, q.corrected])

it('the notebook document carries the speakers the person set, and its import keeps them', async () => {
  const [article] = await source.call('listArticles', { sort: 'imported', inTrash: false })
  const quotes = await source.call('listQuotes', { articleId: article!.id })
  const continued = quotes.find((q) => q.text.startsWith('And when I was'))!
  await source.call('setQuoteSpeaker', {
    id: continued.id,
    speaker: { kind: 'person', name: 'Donald Trump', description: null },
  })
  const doc = JSON.parse(
    renderExport(source.notebook.db, { scope: { kind: 'notebook' }, format: 'json' }).content,
  ) as NotebookDocument
  expect(doc.articles[0]!.quoteCorrections).toEqual([
    {
      quoteKey: 'and when i was in there i got along great with kim jong un',
      speaker: { kind: 'person', name: 'Donald Trump', description: null },
      correctedAt: expect.any(String),
    },
  ])

  await target.call('importNotebook', { document: doc })
  const got = await speakers(target, article!.id)
  expect(got).toEqual(await speakers(source, article!.id))
  expect(got.find(([text]) => text === 'And when I was in th')).toEqual([
    'And when I was in th',
    'Donald Trump',
    true,
  ])
})

it('an import into a notebook that has the article analysed already shows the speakers set elsewhere', async () => {
  const [article] = await source.call('listArticles', { sort: 'imported', inTrash: false })
  const doc = () =>
    JSON.parse(
      renderExport(source.notebook.db, { scope: { kind: 'notebook' }, format: 'json' }).content,
    ) as NotebookDocument
  await target.call('importNotebook', { document: doc() })
  expect((await speakers(target, article!.id)).some(([, name]) => name === 'Kim Jong Un')).toBe(false)
  const kim = (await source.call('listQuotes', { articleId: article!.id })).find((q) =>
    q.text.startsWith('Kim has made'),
  )!
  await source.call('setQuoteSpeaker', {
    id: kim.id,
    speaker: { kind: 'person', name: 'Kim Jong Un', description: null },
  })
  await target.call('importNotebook', { document: doc() })
  expect(await speakers(target, article!.id)).toEqual(await speakers(source, article!.id))
})
