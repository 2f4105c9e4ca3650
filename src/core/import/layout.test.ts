/** Section layouts from HTML and Markdown: blocks, inline marks on the exact text, pictures. */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { afterAll, describe, expect, it } from 'vitest'
import type { SectionLayout } from '../../shared/model'
import { tempDir } from '../testing/tempNotebook'
import { sectionsFromDom } from './htmlSections'
import { parseArticle } from './index'
import { layoutProblem, readLayout } from './layout'
import { MAX_PICTURE_BYTES } from './limits'
import { dataUriBytes, localPictureBytes, MediaSink } from './pictures'
import { parseDocx } from './docx'
import { parseEpub } from './epub'
import { GIF, makeDocx, makeEpub, PNG, wordParagraph, wordPicture } from './testing/documents'
import type { ParsedArticle } from './types'

const drafts = (html: string) => sectionsFromDom(new JSDOM(`<body>${html}</body>`).window.document.body)
const layouts = (html: string) => drafts(html).map((d) => [d.text, d.layout ?? null])
/** The words each mark of a section covers. */
const marked = (text: string, layout: SectionLayout | null | undefined) =>
  (layout?.marks ?? []).map((m) => [m.type, text.slice(m.start, m.end), ...(m.href ? [m.href] : [])])

const prose = (topic: string): string =>
  `This paragraph about ${topic} has enough words to look like real article prose to Readability. `.repeat(3)

const page = (body: string, head = '') =>
  parseArticle({
    bytes: new TextEncoder().encode(
      `<!doctype html><html><head><title>T</title>${head}</head><body><article>${body}</article></body></html>`,
    ),
    fileName: 'page.html',
  })

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('blocks', () => {
  it('list items: depth, ordered numbers from start and value, the first words of an item only', () => {
    expect(
      layouts(`<ul><li>One<ul><li>One a</li><li>One b<ol start="3"><li>Three</li><li value="7">Seven</li><li>Eight</li></ol></li></ul>
        after the inner list</li><li><p>Two</p><p>Two, more</p></li></ul>`),
    ).toEqual([
      ['One', { block: { type: 'item', ordered: false, depth: 1 } }],
      ['One a', { block: { type: 'item', ordered: false, depth: 2 } }],
      ['One b', { block: { type: 'item', ordered: false, depth: 2 } }],
      ['Three', { block: { type: 'item', ordered: true, depth: 3, number: 3 } }],
      ['Seven', { block: { type: 'item', ordered: true, depth: 3, number: 7 } }],
      ['Eight', { block: { type: 'item', ordered: true, depth: 3, number: 8 } }],
      ['after the inner list', null],
      ['Two', { block: { type: 'item', ordered: false, depth: 1 } }],
      ['Two, more', null],
    ])
  })

  it('quotes, code and table rows with their cell ranges and header', () => {
    const got = drafts(`<blockquote><p>Quoted words.</p><p>More quoted.</p></blockquote>
      <pre>  let x = 1
  x += 2</pre>
      <table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann <em>Lee</em></td><td></td><td>41</td></tr></table>`)
    expect(got.map((d) => [d.text, d.layout])).toEqual([
      ['Quoted words.', { block: { type: 'quote' } }],
      ['More quoted.', { block: { type: 'quote' } }],
      ['  let x = 1\n  x += 2', { block: { type: 'code' } }],
      [
        'Name | Age',
        {
          block: {
            type: 'row',
            header: true,
            cells: [
              [0, 4],
              [7, 10],
            ],
          },
        },
      ],
      [
        'Ann Lee | 41',
        {
          block: {
            type: 'row',
            header: false,
            cells: [
              [0, 7],
              [10, 12],
            ],
          },
          marks: [{ type: 'em', start: 4, end: 7 }],
        },
      ],
    ])
  })

  it('a plain paragraph or heading has no layout', () => {
    expect(layouts('<h2>Title</h2><p>Just words.</p>')).toEqual([
      ['Title', null],
      ['Just words.', null],
    ])
  })
})

describe('marks', () => {
  it('every mark type, on the exact words of the collapsed text', () => {
    const [p] = drafts(`<p>
      An <em>emphasised</em>  and <i>italic</i>, <strong>strong</strong> <b>bold</b>,
      <code>code()</code> <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup> and
      <a href="https://example.com/a">a <em>link</em></a>.  </p>`)
    expect(p!.text).toBe('An emphasised and italic, strong bold, code() Ctrl, H2O, x2 and a link.')
    expect(marked(p!.text, p!.layout)).toEqual([
      ['em', 'emphasised'],
      ['em', 'italic'],
      ['strong', 'strong'],
      ['strong', 'bold'],
      ['code', 'code()'],
      ['code', 'Ctrl'],
      ['sub', '2'],
      ['sup', '2'],
      ['link', 'a link', 'https://example.com/a'],
      ['em', 'link'],
    ])
  })

  it('a mark starting or ending on spaces covers its words only; nested marks of one type are one', () => {
    const [p] = drafts('<p>one<em> two <em>three</em> </em>four</p>')
    expect(p!.text).toBe('one two three four')
    expect(marked(p!.text, p!.layout)).toEqual([['em', 'two three']])
  })

  it('heading marks, kept only when the heading keeps its words', () => {
    const [h] = drafts('<h2>The <em>new</em> rules</h2>')
    expect(marked(h!.text, h!.layout)).toEqual([['em', 'new']])
  })

  it('links: relative ones resolved against the page address, javascript: and relative without an address dropped', () => {
    const body = `<p>${prose('links')} See <a href="/world/summit">the summit</a>, <a href="mailto:desk@example.com">the desk</a>,
      <a href="javascript:alert(1)">a script</a>, <a href="ftp://example.com/x">a file</a> and <a href="#notes">the notes</a>.</p>`
    const withBase = page(body, '<link rel="canonical" href="https://news.example.com/2024/story">')
    const s = withBase.sections.find((x) => x.text.includes('See the summit'))!
    expect(marked(s.text, s.layout)).toEqual([
      ['link', 'the summit', 'https://news.example.com/world/summit'],
      ['link', 'the desk', 'mailto:desk@example.com'],
    ])
    const noBase = page(body)
    const t = noBase.sections.find((x) => x.text.includes('See the summit'))!
    expect(marked(t.text, t.layout)).toEqual([['link', 'the desk', 'mailto:desk@example.com']])
  })

  it('Markdown: emphasis, strong, code, links (absolute only), lists, quotes, code blocks and tables', () => {
    const md = [
      '# The *plan*',
      '',
      'Some *em*, **strong**, `code` and [a link](https://example.com/x) and [relative](notes.md).',
      '',
      '1. first',
      '2. second',
      '   - inner',
      '',
      '> quoted **words**',
      '',
      '```',
      'let a = 1',
      '```',
      '',
      '| Name | Age |',
      '| --- | --- |',
      '| Ann | 41 |',
    ].join('\n')
    const a = parseArticle({ bytes: new TextEncoder().encode(md), fileName: 'n.md' })
    expect(a.sections.map((s) => [s.text, s.layout ?? null, marked(s.text, s.layout)])).toEqual([
      ['The plan', { marks: [{ type: 'em', start: 4, end: 8 }] }, [['em', 'plan']]],
      [
        'Some em, strong, code and a link and relative.',
        expect.anything(),
        [
          ['em', 'em'],
          ['strong', 'strong'],
          ['code', 'code'],
          ['link', 'a link', 'https://example.com/x'],
        ],
      ],
      ['first', { block: { type: 'item', ordered: true, depth: 1, number: 1 } }, []],
      ['second', { block: { type: 'item', ordered: true, depth: 1, number: 2 } }, []],
      ['inner', { block: { type: 'item', ordered: false, depth: 2 } }, []],
      ['quoted words', expect.objectContaining({ block: { type: 'quote' } }), [['strong', 'words']]],
      ['let a = 1', { block: { type: 'code' } }, []],
      [
        'Name | Age',
        {
          block: {
            type: 'row',
            header: true,
            cells: [
              [0, 4],
              [7, 10],
            ],
          },
        },
        [],
      ],
      [
        'Ann | 41',
        {
          block: {
            type: 'row',
            header: false,
            cells: [
              [0, 3],
              [6, 8],
            ],
          },
        },
        [],
      ],
    ])
  })
})

describe('pictures', () => {
  const dataUri = `data:image/png;base64,${PNG.toString('base64')}`

  it('a data: URI is stored (decoded, by its hash); a remote one keeps alt and address; both stand before the next section', () => {
    const a = page(`<p>${prose('pictures')}</p>
      <figure><img src="${dataUri}" alt="A red dot"><figcaption>The dot, enlarged.</figcaption></figure>
      <p>${prose('more')}</p><img src="https://cdn.example.com/map.jpg" alt="A map"><p>${prose('the map')}</p>
      <img src="data:image/svg+xml;base64,PHN2Zy8+" alt="An SVG"><p>${prose('svg')}</p>`)
    const caption = a.sections.find((s) => s.text === 'The dot, enlarged.')!
    expect(caption.layout?.images).toEqual([{ mediaId: a.media[0]!.sha256, alt: 'A red dot' }])
    expect(a.media).toHaveLength(1)
    expect(a.media[0]!.mime).toBe('image/png')
    expect(Buffer.from(a.media[0]!.bytes).equals(PNG)).toBe(true)
    const mapText = a.sections.find((s) => s.text.includes('about the map'))!
    expect(mapText.layout?.images).toEqual([
      { mediaId: null, alt: 'A map', remoteUrl: 'https://cdn.example.com/map.jpg' },
    ])
    const svg = a.sections.find((s) => s.text.includes('about svg'))!
    expect(svg.layout?.images).toEqual([{ mediaId: null, alt: 'An SVG' }])
  })

  it("a figure's picture after its caption is the caption's", () => {
    const got = drafts(
      '<figure><figcaption>The caption first.</figcaption><img src="https://x.example/a.png" alt="A"></figure><p>Next.</p>',
    )
    expect(got.map((d) => [d.text, d.layout ?? null])).toEqual([
      ['The caption first.', { images: [{ mediaId: null, alt: 'A', remoteUrl: 'https://x.example/a.png' }] }],
      ['Next.', null],
    ])
  })

  it('an HTML file on disk: a picture next to it is stored, one outside its folder (..) is not', () => {
    const dir = tempDir('gloss-layout-')
    dirs.push(dir)
    mkdirSync(join(dir, 'page', 'img'), { recursive: true })
    writeFileSync(join(dir, 'page', 'img', 'dot.gif'), GIF)
    writeFileSync(join(dir, 'secret.png'), PNG)
    const html = `<!doctype html><html><head><title>T</title></head><body><article>
      <p>${prose('files')}</p><img src="img/dot.gif" alt="Dot"><p>${prose('next')}</p>
      <img src="../secret.png" alt="Outside"><p>${prose('escape')}</p>
      <img src="%2e%2e/secret.png" alt="Encoded"><p>${prose('encoded')}</p></article></body></html>`
    writeFileSync(join(dir, 'page', 'page.html'), html)
    const a = parseArticle({
      bytes: new TextEncoder().encode(html),
      fileName: 'page.html',
      folder: join(dir, 'page'),
    })
    const images = a.sections.flatMap((s) => s.layout?.images ?? [])
    expect(images).toEqual([
      { mediaId: a.media[0]!.sha256, alt: 'Dot' },
      { mediaId: null, alt: 'Outside' },
      { mediaId: null, alt: 'Encoded' },
    ])
    expect(a.media.map((m) => m.mime)).toEqual(['image/gif'])
  })

  it('Markdown: a data: URI and a file next to the file stored, a remote one by address', () => {
    const dir = tempDir('gloss-layout-')
    dirs.push(dir)
    writeFileSync(join(dir, 'dot.png'), PNG)
    const md = `# Notes\n\n![Local](dot.png)\n\nAfter the local picture.\n\n![Remote](https://example.com/r.png) and words.\n\n![Up](../x.png)`
    const a = parseArticle({ bytes: new TextEncoder().encode(md), fileName: 'n.md', folder: dir })
    expect(a.sections.map((s) => [s.text, s.layout?.images ?? []])).toEqual([
      ['Notes', []],
      ['After the local picture.', [{ mediaId: a.media[0]!.sha256, alt: 'Local' }]],
      [
        'and words.',
        [
          { mediaId: null, alt: 'Remote', remoteUrl: 'https://example.com/r.png' },
          { mediaId: null, alt: 'Up' },
        ],
      ],
    ])
  })
})

describe('stored layouts read back', () => {
  it('bad JSON, unknown types, offsets past the text and javascript: links are no layout', () => {
    expect(readLayout('{not json', 10)).toBeNull()
    expect(readLayout('{"block":{"type":"poem"}}', 10)).toBeNull()
    expect(readLayout('{"marks":[{"type":"em","start":2,"end":11}]}', 10)).toBeNull()
    expect(
      layoutProblem({ marks: [{ type: 'link', start: 0, end: 2, href: 'javascript:alert(1)' }] }, 10),
    ).toMatch(/http, https or mailto/)
    expect(readLayout('{"marks":[{"type":"em","start":2,"end":10}]}', 10)).toEqual({
      marks: [{ type: 'em', start: 2, end: 10 }],
    })
  })

  it('every layout the import makes is a valid layout of its section', () => {
    const a: ParsedArticle = page(
      `<p>${prose('check')} <a href="https://x.example/">x</a> <em>y</em></p><ul><li>z</li></ul>`,
    )
    for (const s of a.sections) if (s.layout) expect(layoutProblem(s.layout, s.text.length)).toBeNull()
  })
})

describe('pictures inside books and Word documents', () => {
  it('an EPUB: its images stored (relative to the chapter), a remote one by address; the HTML kept is the text', () => {
    const book = makeEpub(
      {
        title: 'Pictures',
        creators: ['A. Writer'],
        chapters: [
          {
            id: 'c1',
            title: 'One',
            body: `<h1>One</h1><figure><img src="../images/dot.png" alt="The dot"/><figcaption>A dot.</figcaption></figure>
              <p>Text with <em>emphasis</em>.</p><img src="https://example.com/far.gif" alt="Far"/><p>After.</p>
              <img src="../images/missing.png" alt="Missing"/><p>End.</p>`,
          },
        ],
      },
      { 'OEBPS/images/dot.png': PNG },
    )
    const a = parseEpub(book, '"pictures.epub"')
    expect(a.drafts.map((d) => [d.text, d.layout ?? null])).toEqual([
      ['One', null],
      ['A dot.', { images: [{ mediaId: a.media[0]!.sha256, alt: 'The dot' }] }],
      ['Text with emphasis.', { marks: [{ type: 'em', start: 10, end: 18 }] }],
      ['After.', { images: [{ mediaId: null, alt: 'Far', remoteUrl: 'https://example.com/far.gif' }] }],
      ['End.', { images: [{ mediaId: null, alt: 'Missing' }] }],
    ])
    expect(a.media.map((m) => m.mime)).toEqual(['image/png'])
    expect(a.contentHtml).not.toContain('<img')
  })

  it('a .docx: its pictures stored with their description as alt', async () => {
    const doc = makeDocx(
      [
        wordParagraph('Before the picture.'),
        wordPicture('dot.gif', 'A small dot'),
        wordParagraph('The caption line.'),
      ],
      {},
      { 'dot.gif': GIF },
    )
    const a = await parseDocx(doc, '"pictures.docx"')
    expect(a.drafts.map((d) => [d.text, d.layout ?? null])).toEqual([
      ['Before the picture.', null],
      ['The caption line.', { images: [{ mediaId: a.media[0]!.sha256, alt: 'A small dot' }] }],
    ])
    expect(a.media.map((m) => [m.mime, Buffer.from(m.bytes).equals(GIF)])).toEqual([['image/gif', true]])
    expect(a.contentHtml).not.toContain('<img')
  })
})

describe('what a picture may be', () => {
  it('its bytes decide: png, jpeg, gif, webp only, whatever the data: URI says; past the cap it is not decoded', () => {
    const sink = new MediaSink()
    expect(sink.add(dataUriBytes(`data:image/png;base64,${GIF.toString('base64')}`)!)).not.toBeNull()
    expect(sink.media.map((m) => m.mime)).toEqual(['image/gif'])
    expect(dataUriBytes('data:image/svg+xml,<svg onload="x()"/>')).toBeNull()
    expect(sink.add(new Uint8Array(Buffer.from('<svg/>')))).toBeNull()
    expect(dataUriBytes(`data:image/png;base64,${'A'.repeat(12 * 1024 * 1024)}`)).toBeNull()
    expect(sink.add(new Uint8Array(MAX_PICTURE_BYTES + 1))).toBeNull()
  })

  it('a file next to the import: inside its folder only, no link out of it, no absolute path', () => {
    const dir = tempDir('gloss-layout-')
    dirs.push(dir)
    mkdirSync(join(dir, 'folder'))
    writeFileSync(join(dir, 'outside.png'), PNG)
    writeFileSync(join(dir, 'folder', 'inside.png'), PNG)
    symlinkSync(join(dir, 'outside.png'), join(dir, 'folder', 'link.png'))
    const folder = join(dir, 'folder')
    expect(localPictureBytes(folder, 'inside.png')).not.toBeNull()
    expect(localPictureBytes(folder, '../outside.png')).toBeNull()
    expect(localPictureBytes(folder, 'link.png')).toBeNull()
    expect(localPictureBytes(folder, join(dir, 'outside.png'))).toBeNull()
    expect(localPictureBytes(folder, '.')).toBeNull()
  })
})
