/**
 * Search over many rows at once: several articles, many hits of every kind. Each hit's snippet
 * must be cut from that hit's own text, and the hits must be exactly the rows a plain scan finds.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../shared/model'
import { NOTE_NODES } from '../../shared/notes/nodes'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

const ARTICLES = 6
const PARAGRAPHS = 12

/** Paragraph j of article i: every one mentions "harbor", each in words of its own. */
const paragraph = (i: number, j: number) =>
  `Paragraph ${j} of dispatch ${i}: the harbor at mile ${i * 100 + j} was ${j % 2 ? 'quiet' : 'busy'} on day ${i}-${j}.`

function noteContent(text: string): unknown {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode(text)))
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON()
}

const unmark = (snippet: string) => snippet.replaceAll(SNIPPET_OPEN, '').replaceAll(SNIPPET_CLOSE, '')
/** the pieces between '…' ellipses are verbatim slices of the source text */
function cutFrom(snippet: string, own: string): boolean {
  return unmark(snippet)
    .split('…')
    .filter(Boolean)
    .every((piece) => own.includes(piece))
}
const marked = (snippet: string) =>
  [...snippet.matchAll(new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`, 'g'))].map((m) =>
    m[1]!.toLowerCase(),
  )

let nb: TempNotebook
const own = new Map<string, string>() // hit id → the text its snippet must come from
const articleIds: string[] = []

beforeAll(async () => {
  nb = openTempNotebook({ samplePath: null })
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from({ length: PARAGRAPHS }, (_, j) => paragraph(i, j)).join('\n\n')
    const { article } = await nb.call('importContent', {
      content: `# Harbor report ${i}\n\n${body}`,
      format: 'markdown',
    })
    articleIds.push(article.id)
    own.set(article.id, article.title)
    const detail = await nb.call('getArticle', { id: article.id })
    for (const section of detail.sections) own.set(section.id, section.text)
    for (const section of detail.sections.filter((s) => s.kind === 'paragraph').slice(0, 5)) {
      const excerpt = await nb.call('createExcerpt', {
        articleId: article.id,
        start: section.start,
        end: section.end,
        comment: `harbor comment ${i}/${section.ordinal}`,
        tags: [i % 2 ? 'ports/odd' : 'ports/even'],
      })
      own.set(excerpt.id, `${excerpt.quote.exact}\n${excerpt.comment}`)
    }
    for (let k = 0; k < 3; k++) {
      const text = `Note ${i}.${k} on the harbor of dispatch ${i}, written ${k} days later.`
      const note = await nb.call('createNote', { title: `Harbor note ${i}.${k}`, content: noteContent(text) })
      own.set(note.id, `${note.title}\n${text}`)
    }
  }
})
afterAll(() => nb.cleanup())

function expectOwnSnippets(hits: SearchHit[]) {
  for (const hit of hits) {
    const text = own.get(hit.id)
    expect(text, `${hit.kind} ${hit.id}`).toBeDefined()
    expect(cutFrom(hit.snippet, text!), `${hit.kind} snippet "${hit.snippet}" not from "${text}"`).toBe(true)
    expect(marked(hit.snippet)).toContain('harbor')
  }
}

describe('search over many rows', () => {
  test('every hit of every kind carries the snippet of its own row', async () => {
    const { hits } = await nb.call('search', { query: 'harbor', limit: 200 })
    const byKind = (kind: SearchHit['kind']) => hits.filter((h) => h.kind === kind)
    expect(byKind('article')).toHaveLength(ARTICLES)
    expect(byKind('section')).toHaveLength(ARTICLES * (PARAGRAPHS + 1)) // + the heading
    expect(byKind('excerpt')).toHaveLength(ARTICLES * 5)
    expect(byKind('note')).toHaveLength(ARTICLES * 3)
    expectOwnSnippets(hits)
    // distinct rows, distinct snippets: the bug this guards against gave every hit the first's
    const sections = byKind('section')
    expect(new Set(sections.map((h) => h.snippet)).size).toBe(sections.length)
  })

  test('each section hit names its own article and ordinal', async () => {
    const { hits } = await nb.call('search', { query: 'mile', kinds: ['section'], limit: 200 })
    expect(hits).toHaveLength(ARTICLES * PARAGRAPHS)
    for (const hit of hits) {
      const [, j, i] = /Paragraph (\d+) of dispatch (\d+)/.exec(own.get(hit.id)!)!.map(Number)
      expect(hit.articleId).toBe(articleIds[i!])
      expect(hit.articleTitle).toBe(`Harbor report ${i}`)
      expect(hit.sectionOrdinal).toBe(j! + 2) // after the heading
      expect(unmark(hit.snippet)).toContain(`mile ${i! * 100 + j!}`)
    }
  })

  test('the limit keeps the best hits, in rank order, each kind on its own', async () => {
    const all = (await nb.call('search', { query: 'harbor', kinds: ['section'], limit: 200 })).hits
    const top = (await nb.call('search', { query: 'harbor', kinds: ['section'], limit: 7 })).hits
    expect(top.map((h) => h.id)).toEqual(all.slice(0, 7).map((h) => h.id))
    // each limit is its own statement: asking again with another limit, and the first again
    for (const limit of [3, 12, 7, 1]) {
      const hits = (await nb.call('search', { query: 'harbor', kinds: ['section'], limit })).hits
      expect(hits.map((h) => h.id)).toEqual(all.slice(0, limit).map((h) => h.id))
    }
    const ranks = all.map((h) => h.rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  test('filters by article and tag keep each hit its own snippet', async () => {
    const one = await nb.call('search', { query: 'harbor', articleId: articleIds[3]!, limit: 200 })
    expect(one.hits.filter((h) => h.kind === 'section')).toHaveLength(PARAGRAPHS + 1)
    expect(one.hits.every((h) => h.kind === 'note' || h.articleId === articleIds[3])).toBe(true)
    expectOwnSnippets(one.hits)

    const odd = await nb.call('search', { query: 'harbor', tag: 'ports/odd', kinds: ['excerpt'], limit: 200 })
    expect(odd.hits).toHaveLength((ARTICLES / 2) * 5)
    expect(odd.hits.every((h) => articleIds.indexOf(h.articleId!) % 2 === 1)).toBe(true)
    expectOwnSnippets(odd.hits)
    const parent = await nb.call('search', { query: 'harbor', tag: 'ports', kinds: ['excerpt'], limit: 200 })
    expect(parent.hits).toHaveLength(ARTICLES * 5)
  })

  test('a phrase and a prefix find exactly the rows that hold them', async () => {
    const phrase = await nb.call('search', { query: '"was quiet"', kinds: ['section'], limit: 200 })
    expect(phrase.hits).toHaveLength(ARTICLES * (PARAGRAPHS / 2))
    expect(phrase.hits.every((h) => own.get(h.id)!.includes('was quiet'))).toBe(true)
    const prefix = await nb.call('search', { query: 'dispat*', kinds: ['section'], limit: 200 })
    expect(prefix.hits).toHaveLength(ARTICLES * PARAGRAPHS)
    for (const hit of prefix.hits) expect(marked(hit.snippet)).toContain('dispatch')
  })
})
