import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { marked, type Token, type Tokens } from 'marked'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { renderExport } from './index'
import { escapeMarkdown } from './markdownText'
import { obsidianTag } from './names'
import { expectGolden } from '../testing/golden'
import {
  EXPORTED_AT as AT,
  SAMPLE_TITLE as TITLE,
  IDS,
  normalizeVolatile,
  openSampleNotebook,
  SILENCE_QUOTE,
  type SampleNotebook,
} from '../testing/sampleNotebook'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const render = (scope: Parameters<typeof renderExport>[1]['scope']) =>
  renderExport(nb.notebook.db, { scope, format: 'md' }, { exportedAt: AT })

/** Front matter as key → value, reading each `key: value` line (values are JSON). */
function frontMatter(markdown: string): { fields: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  expect(match, 'starts with front matter').not.toBeNull()
  const fields: Record<string, unknown> = {}
  for (const line of match![1]!.split('\n')) {
    const pair = /^([a-z_]+): (.*)$/.exec(line)
    expect(pair, `front matter line "${line}" is key: value`).not.toBeNull()
    fields[pair![1]!] = JSON.parse(pair![2]!)
  }
  return { fields, body: markdown.slice(match![0].length) }
}

const blockquotes = (tokens: Token[]) => tokens.filter((t): t is Tokens.Blockquote => t.type === 'blockquote')
const paragraphsOf = (quote: Tokens.Blockquote) =>
  quote.tokens.filter((t): t is Tokens.Paragraph => t.type === 'paragraph').map((p) => p.text)
/** The paragraph text with hard breaks ("  \n") as plain newlines. */
const plain = (t: Token | undefined) => (t as Tokens.Paragraph | undefined)?.text.replace(/ {2}\n/g, '\n')
const TAG_LINE = /^(#[\p{L}\p{N}_\-/]+)( #[\p{L}\p{N}_\-/]+)*$/u

describe('Markdown of a note', () => {
  test('front matter, heading, the ¶4 reference, lists, and the ¶6 excerpt card', () => {
    const out = render({ kind: 'note', id: IDS.note })
    expect(out.files).toHaveLength(1)
    expect(out.suggestedName).toBe('Kim, Trump and the next round.md')
    const md = out.content
    expectGolden('note.md', normalizeVolatile(md))

    const { fields, body } = frontMatter(md)
    expect(fields).toMatchObject({
      title: 'Kim, Trump and the next round',
      type: 'gloss-note',
      gloss_id: IDS.note,
      gloss_article_ids: [nb.article.id],
      articles: [TITLE],
    })

    const tokens = marked.lexer(body)
    const types = tokens.filter((t) => t.type !== 'space').map((t) => t.type)
    expect(types).toEqual([
      'heading',
      'heading',
      'paragraph',
      'list',
      'list',
      'blockquote',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading')
    expect(headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'Kim, Trump and the next round'],
      [2, 'Will the talks restart?'],
    ])

    // the section chip: readable words and a ¶ reference, no link
    const paragraph = tokens.find((t) => t.type === 'paragraph')!.raw
    expect(paragraph).toContain(`“Since those initial summits, North…” (¶4, *${TITLE}*)`)
    expect(paragraph).toContain('**not** a *small* change; see [the report](https://example.org/report)')

    const [bullets, tasks] = tokens.filter((t): t is Tokens.List => t.type === 'list')
    expect(bullets!.items.map((i) => i.text)).toEqual(['ICBMs', 'hypersonic weapons'])
    expect(tasks!.items.map((i) => [i.task, i.checked, i.text])).toEqual([
      [true, true, 'read ¶6 again'],
      [true, false, 'find the Fox interview'],
    ])

    const [card] = blockquotes(tokens)
    expect(paragraphsOf(card!)).toEqual([SILENCE_QUOTE, `— ${TITLE}, ¶6`])
    const after = tokens.slice(tokens.indexOf(card!) + 1).filter((t) => t.type !== 'space')
    expect(plain(after[0])).toBe('Silence, again.\n"No comment" is, of course, a comment.')
    expect(plain(after[1])).toBe('Ask: will they, or won’t they?')
    expect(plain(after[2])).toMatch(TAG_LINE)
    expect(plain(after[2])!.split(' ')).toEqual(['#open-questions', '#people/Trump'])
  })

  test('every node the editor can write comes out as standard Markdown', () => {
    const md = render({ kind: 'note', id: IDS.otherNote }).content
    const tokens = marked.lexer(frontMatter(md).body).filter((t) => t.type !== 'space')
    expect(tokens.map((t) => t.type)).toEqual([
      'heading', // title
      'heading',
      'paragraph',
      'list',
      'list',
      'list',
      'blockquote',
      'code',
      'hr',
      'blockquote', // the card
      'paragraph', // its comment
      'paragraph', // its tags
      'heading',
    ])
    const lists = tokens.filter((t): t is Tokens.List => t.type === 'list')
    expect(lists.map((l) => [l.ordered, l.items[0]!.task, l.items[0]!.checked])).toEqual([
      [false, false, undefined],
      [true, false, undefined],
      [false, true, true],
    ])
    const code = tokens.find((t): t is Tokens.Code => t.type === 'code')!
    expect([code.lang, code.text]).toEqual(['js', 'const x = 1'])
    const paragraph = tokens[2]!.raw
    expect(paragraph).toContain('**strongly**')
    expect(paragraph).toContain('[the paper](https://example.org/paper)')
    expect(paragraph).toContain('`code`')
    // references to articles that are not in this notebook still read as ¶ references
    expect(paragraph).toContain('(¶6, *an article not in this notebook*)')
  })
})

describe('Markdown of an article', () => {
  test('excerpts as block quotes with "— Title, ¶N", their comments and #tags; notes citing it; text without hidden sections', () => {
    const md = render({ kind: 'article', id: nb.article.id }).content
    expectGolden('article.md', normalizeVolatile(md))
    const { fields, body } = frontMatter(md)
    expect(fields).toMatchObject({ title: TITLE, type: 'gloss-article', gloss_id: nb.article.id })
    expect(fields.tags).toEqual([
      'people/Kim-Jong-Un',
      'places',
      'open-questions',
      'people/Trump',
      'people/Klingner',
    ])

    const tokens = marked.lexer(body)
    const quotes = blockquotes(tokens).map(paragraphsOf)
    // three excerpts, then the card inside the embedded note
    expect(quotes).toEqual([
      ['three landmark summits between 2018 and 2019', `— ${TITLE}, ¶1`],
      [SILENCE_QUOTE, `— ${TITLE}, ¶6`],
      ['Bruce Klingner', `— ${TITLE}, ¶10`],
      [SILENCE_QUOTE, `— ${TITLE}, ¶6`],
    ])
    const tagLines = tokens.filter((t) => t.type === 'paragraph' && TAG_LINE.test(plain(t)!)).map(plain)
    expect(tagLines).toEqual([
      '#people/Kim-Jong-Un #places',
      '#open-questions #people/Trump',
      '#people/Klingner',
      '#open-questions #people/Trump',
    ])

    const headings = tokens
      .filter((t): t is Tokens.Heading => t.type === 'heading')
      .map((h) => `${h.depth} ${h.text}`)
    expect(headings).toEqual([
      `1 ${TITLE}`,
      '2 Excerpts (3)',
      '2 Notes (1)',
      '3 Kim, Trump and the next round',
      '4 Will the talks restart?',
      '2 Text',
    ])

    // the text: 11 visible paragraphs, numbered; the quarantined "Login" and the trash never appear
    const numbered = body.match(/^\*\*¶(\d+)\*\* /gm)!
    expect(numbered).toHaveLength(11)
    expect(body).not.toMatch(/Login|¶12|TRASHED/)
  })
})

describe('Markdown of the whole notebook', () => {
  test('a folder: index, one file per article and note, relative links that resolve', async () => {
    const out = join(nb.dir, 'vault')
    const result = await nb.call('export', { scope: { kind: 'notebook' }, format: 'md', path: out })
    expect(result).toMatchObject({ path: out, files: 5 })
    expect(readdirSync(out).sort()).toEqual(['articles', 'index.md', 'notes'])
    expect(readdirSync(join(out, 'articles')).sort()).toEqual(['Maps and territories.md', `${TITLE}.md`])
    expect(readdirSync(join(out, 'notes')).sort()).toEqual([
      'Kim, Trump and the next round.md',
      'Loose ends.md',
    ])
    // no temporary folder left beside it
    expect(readdirSync(nb.dir).filter((n) => n.includes('gloss-tmp'))).toEqual([])

    const index = readFileSync(join(out, 'index.md'), 'utf8')
    expectGolden('notebook-index.md', normalizeVolatile(index).replace(/Exported <time>/, 'Exported <time>'))
    const links = [...index.matchAll(/\]\(([^)]+\.md)\)/g)].map((m) => decodeURIComponent(m[1]!))
    expect(links).toHaveLength(4)
    for (const link of links) expect(existsSync(join(out, link)), link).toBe(true)

    // the article links to the note citing it, relatively
    const article = readFileSync(join(out, 'articles', `${TITLE}.md`), 'utf8')
    const noteLink = /\[Kim, Trump and the next round\]\(([^)]+)\)/.exec(article)![1]!
    expect(existsSync(join(out, 'articles', decodeURIComponent(noteLink)))).toBe(true)

    const everything = [
      index,
      article,
      ...readdirSync(join(out, 'notes')).map((n) => readFileSync(join(out, 'notes', n), 'utf8')),
    ].join('\n')
    expect(everything).not.toContain('TRASHED')
  })
})

describe('escaping', () => {
  test('text a person typed never turns into Markdown', async () => {
    const nasty =
      '*not emphasis* _nor this_ # not a heading\n- not a list\n1. not numbered\n<b>raw html</b> [x](javascript:alert(1)) `tick` #hashtag $x$ ==mark== ~~strike~~ &amp; back\\slash\n>not a quote'
    await nb.call('updateExcerpt', { id: IDS.klingner, comment: nasty })
    const md = render({ kind: 'article', id: nb.article.id }).content
    const html = await marked.parse(frontMatter(md).body, { async: true })
    const doc = new JSDOM(html).window.document
    const figure = [...doc.querySelectorAll('blockquote')].find((q) =>
      q.textContent!.includes('Bruce Klingner'),
    )!
    // the comment is the paragraph right after the block quote
    const comment = figure.nextElementSibling!
    expect(comment.tagName).toBe('P')
    expect(comment.querySelectorAll('*:not(br)')).toHaveLength(0)
    // each line break of the comment is a hard break
    for (const br of comment.querySelectorAll('br')) br.replaceWith('\n')
    expect(comment.textContent).toBe(nasty)
  })

  test('escapeMarkdown keeps words readable', () => {
    expect(escapeMarkdown('Plain words, with commas.')).toBe('Plain words, with commas.')
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('2. item')).toBe('2\\. item')
  })

  test('Obsidian tags: nesting kept, spaces to "-", other characters to "_", never all digits', () => {
    expect(obsidianTag('people/Kim Jong Un')).toBe('people/Kim-Jong-Un')
    expect(obsidianTag('C++')).toBe('C__')
    expect(obsidianTag('U.S. policy')).toBe('U_S_-policy')
    expect(obsidianTag('2024')).toBe('_2024')
    expect(obsidianTag('années/été')).toBe('années/été')
  })
})
