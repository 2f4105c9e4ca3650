/**
 * An excerpt running from one section into the next is cited "¶2–3" by every export and the CLI,
 * each excerpt among single-section ones with its own label: Markdown, HTML, the Obsidian vault
 * and CSV's ¶ column (src/cli/format.test.ts: `gloss excerpts`).
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $getRoot } from 'lexical'
import Papa from 'papaparse'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { ArticleDetail, Excerpt } from '../../shared/model'
import { paragraphsLabel } from '../../shared/notes/labels'
import { $createExcerptCardNode, NOTE_NODES } from '../../shared/notes/nodes'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

let nb: TempNotebook
let article: ArticleDetail
/** in reading order: ¶1 alone, ¶2 into ¶3, ¶4 alone */
let excerpts: Excerpt[]

beforeAll(async () => {
  nb = openTempNotebook({ samplePath: null })
  const paragraphs = [
    'Rivers carry sediment down to the sea.',
    'The tides sort it by size along the coast.',
    'Deltas grow where the river brings more than the sea takes.',
    'Some deltas shrink when dams hold the sediment back.',
  ]
  const imported = await nb.call('importContent', {
    content: paragraphs.join('\n\n') + '\n',
    fileName: 'rivers.txt',
    format: 'text',
  })
  article = await nb.call('getArticle', { id: imported.article.id })
  const [s1, s2, s3, s4] = article.sections
  expect(article.sections.map((s) => s.ordinal)).toEqual([1, 2, 3, 4])
  const span = (from: number, to: number) => ({ articleId: article.id, start: from, end: to })
  excerpts = [
    await nb.call('createExcerpt', span(s1!.start, s1!.start + 6)),
    // "along the coast.\n\nDeltas grow": from ¶2 into ¶3
    await nb.call('createExcerpt', span(s2!.end - 16, s3!.start + 11)),
    await nb.call('createExcerpt', span(s4!.start, s4!.start + 11)),
  ]
  expect(excerpts.map((e) => e.sectionOrdinal)).toEqual([1, 2, 4])

  const editor = createHeadlessEditor({ nodes: NOTE_NODES, onError: (error) => expect(error).toBeNull() })
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          ...excerpts.map((e) =>
            $createExcerptCardNode({
              excerptId: e.id,
              articleId: e.articleId,
              ordinal: e.sectionOrdinal,
              snapshot: { quote: e.quote.exact, color: e.color, comment: '', tags: [] },
            }),
          ),
          $createParagraphNode(),
        )
    },
    { discrete: true },
  )
  await nb.call('createNote', { title: 'Sediment', content: editor.getEditorState().toJSON() })
})
afterAll(() => nb.cleanup())

const render = async (format: 'md' | 'html' | 'csv' | 'obsidian') =>
  (await nb.call('renderExport', { scope: { kind: 'notebook' }, format })).files
const LABELS = ['¶1', '¶2–3', '¶4']

test('the label: ¶3, ¶3–4, with the page where known', () => {
  expect(paragraphsLabel(3)).toBe('¶3')
  expect(paragraphsLabel(3, 3)).toBe('¶3')
  expect(paragraphsLabel(3, 4)).toBe('¶3–4')
  expect(paragraphsLabel(3, 4, 2)).toBe('p. 2, ¶3–4')
  expect(paragraphsLabel(3, 3, 2)).toBe('p. 2, ¶3')
  expect(paragraphsLabel(3, 4, null)).toBe('¶3–4')
})

test('Markdown: each excerpt block quote ends with its own ¶, in the article and in the note', async () => {
  const files = await render('md')
  const articleFile = files.find((f) => f.path.startsWith('articles/'))!.content
  const noteFile = files.find((f) => f.path.startsWith('notes/'))!.content
  for (const text of [articleFile, noteFile]) {
    const cites = [...text.matchAll(/^> — .+, (\S+)$/gm)].map((m) => m[1])
    expect(cites).toEqual(LABELS)
  }
})

test('HTML: each excerpt figure’s caption cites its own ¶', async () => {
  const html = (await render('html'))[0]!.content
  const captions = [...html.matchAll(/<figcaption>— <cite>[^<]+<\/cite>, <a [^>]*>([^<]+)<\/a>/g)].map(
    (m) => m[1],
  )
  // the article's excerpts, then the note's cards
  expect(captions).toEqual([...LABELS, ...LABELS])
})

test('Obsidian: each callout’s link says its ¶ (to the block of the ¶ it starts in)', async () => {
  const files = await render('obsidian')
  const articleFile = files.find((f) => f.path.startsWith('Articles/'))!.content
  const links = [...articleFile.matchAll(/\[\[#\^p(\d+)\|([^\]]+)\]\]/g)].map((m) => [m[1], m[2]])
  expect(links).toEqual([
    ['1', '¶1'],
    ['2', '¶2–3'],
    ['4', '¶4'],
  ])
})

test('CSV: the ¶ column of each row is its own: 1, 2–3, 4', async () => {
  const text = (await render('csv'))[0]!.content
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data
  expect(rows.map((r) => [r['¶'], r.quote])).toEqual(
    excerpts.map((e, i) => [['1', '2–3', '4'][i], e.quote.exact]),
  )
})
