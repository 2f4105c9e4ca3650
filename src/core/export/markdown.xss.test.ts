/**
 * Markdown exports carry no live HTML, whatever the notebook holds. A notebook is seeded with
 * script payloads everywhere text can reach an export (article titles, bylines, dates, source
 * URLs, section text, excerpt quotes, comments and tags, note titles, note text in every block,
 * link text, URLs and titles, section-chip labels, card snapshots); every Markdown export of it
 * (each note, each article, the notebook folder) is rendered by `marked`, which passes raw HTML
 * through, and the DOM jsdom builds from that may hold only what the exporter writes itself.
 * The front matter must be YAML that reads back to the same values.
 */
import { JSDOM } from 'jsdom'
import { marked } from 'marked'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseDocument } from 'yaml'
import type { RenderedFile } from '../../shared/model'
import { renderExport } from './index'
import { EXPORTED_AT, openSampleNotebook, type SampleNotebook } from '../testing/sampleNotebook'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[x][evil]\n\n[evil]: javascript:alert(1)',
  '<a href="javascript:alert(1)">a</a>',
  '<javascript:alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'a\n\n<script>alert(1)</script>',
  'b\r\r<img src=x onerror=alert(1)>',
  'c\r\n\r\n<img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '<details open ontoggle=alert(1)>',
  '<style>*{display:none}</style>',
  '<!-- x --><b onmouseover=alert(1)>b</b>',
  '```\n<script>alert(1)</script>\n```',
  '~~~\n<script>alert(1)</script>',
  '    <img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '\\<script>alert(1)\\</script>',
  '<<script>>alert(1)<</script>>',
  '*<img src=x onerror=alert(1)>*',
  '`<img src=x onerror=alert(1)>`',
  ']] (javascript:alert(1)) [[',
  '<object data="javascript:alert(1)">',
  '\u2028<script>alert(1)</script>\u2029',
  '\u0085<img src=x onerror=alert(1)>\u009f\u007f',
  '<form action=javascript:alert(1)><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<base href=javascript:alert(1)//>',
  '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
  '<embed src=javascript:alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<a href=" javascript:alert(1)">x</a>',
  '---\n<script>alert(1)</script>\n---',
  'title: "<img src=x onerror=alert(1)>"',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
  '<https://example.org/"onmouseover="alert(1)>',
]

/** Link targets that are http(s) or mailto (so they are kept) but carry payloads. */
const HOSTILE_SAFE_URLS = [
  'https://example.org/"><img src=x onerror=alert(1)>',
  'https://example.org/a)<img src=x onerror=alert(1)>(',
  'https://example.org/a b\n\n<script>alert(1)</script>',
  'mailto:a@example.org?subject=<img src=x onerror=alert(1)>',
  'mailto:a@example.org"onmouseover="alert(1)',
  'mailto:a@example.org\\)<img src=x onerror=alert(1)>',
  'http://example.org/`<img src=x onerror=alert(1)>`',
]
const UNSAFE_URLS = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
]

/** Elements Markdown of the exporter's own making can turn into (GFM task boxes, <u>/<sub>/<sup> marks). */
const ALLOWED_TAGS = new Set(
  'p h1 h2 h3 h4 h5 h6 blockquote ul ol li input code pre hr em strong del a br u sub sup'.split(' '),
)
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title']),
  input: new Set(['type', 'checked', 'disabled']),
  code: new Set(['class']),
  ol: new Set(['start']),
}

/* ---------- the notebook ---------- */

const text = (t: string, format = 0) => ({
  type: 'text',
  text: t,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const paragraph = (...children: unknown[]) => element('paragraph', children, { textFormat: 0, textStyle: '' })
const link = (url: string, title: string | null, label: string) =>
  element('link', [text(label)], { url, title, rel: null, target: null })

/** A note using every block and inline the exporter renders, each holding payloads. */
function hostileNote(payloads: string[], article: { id: string; sectionId: string }, excerptId: string) {
  const p = (i: number) => payloads[i % payloads.length]!
  const FORMATS = [0, 1, 2, 4, 8, 16, 32, 64, 128, 1 | 2, 16 | 1]
  return {
    root: element('root', [
      element('heading', [text(p(0))], { tag: 'h1' }),
      element('heading', [text(p(1), 1), text(p(2), 16)], { tag: 'h3' }),
      paragraph(...payloads.map((payload, i) => text(payload, FORMATS[i % FORMATS.length]))),
      paragraph(
        ...HOSTILE_SAFE_URLS.map((url, i) => link(url, p(i), p(i + 1))),
        ...UNSAFE_URLS.map((url, i) => link(url, p(i + 3), p(i + 4))),
        link('https://example.org/title', 'a\n\n<img src=x onerror=alert(1)>\n\n', 'blank-line title'),
        link('https://example.org/title2', '"><img src=x onerror=alert(1)>\\', 'quote title'),
        link('https://example.org/empty', null, ''),
        text(' code: '),
        text('x\r\r<img src=x onerror=alert(1)>', 16),
        text('y\n\n<script>alert(1)</script>', 16),
        { type: 'linebreak', version: 1 },
        {
          ...text(`¶3 · ${p(5)}`),
          type: 'gloss-section-link',
          mode: 'token',
          articleId: article.id,
          sectionId: article.sectionId,
          ordinal: 3,
          label: `¶3 · ${p(5)}`,
        },
      ),
      element(
        'list',
        payloads.slice(0, 6).map((payload, i) => element('listitem', [text(payload)], { value: i + 1 })),
        { listType: 'bullet', start: 1, tag: 'ul' },
      ),
      element(
        'list',
        payloads.slice(6, 10).map((payload, i) => element('listitem', [text(payload)], { value: i + 1 })),
        { listType: 'number', start: 1, tag: 'ol' },
      ),
      element(
        'list',
        payloads
          .slice(10, 14)
          .map((payload, i) => element('listitem', [text(payload)], { value: i + 1, checked: i % 2 === 0 })),
        { listType: 'check', start: 1, tag: 'ul' },
      ),
      element('quote', [text(p(14)), { type: 'linebreak', version: 1 }, text(p(15))]),
      element('code', [text(payloads.join('\n'))], { language: '"><script>alert(1)</script>' }),
      element('code', [text('````\n<script>alert(1)</script>\n`````')], { language: null }),
      { type: 'horizontalrule', version: 1 },
      // a card whose excerpt is gone: the snapshot the note kept is what gets exported
      {
        type: 'gloss-excerpt-card',
        version: 1,
        excerptId: '00000000-0000-4000-8000-00000000dead',
        articleId: article.id,
        ordinal: 2,
        snapshot: { quote: p(16), color: 'red', comment: p(17), tags: [p(18), p(19)] },
      },
      // and one citing a live excerpt
      {
        type: 'gloss-excerpt-card',
        version: 1,
        excerptId,
        articleId: article.id,
        ordinal: 1,
        snapshot: { quote: 'old', color: 'yellow', comment: '', tags: [] },
      },
    ]),
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
/** A tag name the contract accepts: no empty level between slashes. */
const tagFrom = (s: string) =>
  oneLine(s)
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '')
    .slice(0, 200) || 'x'

let nb: SampleNotebook
const articleIds: string[] = []
const noteIds: string[] = []
const titles = new Map<string, string>()

beforeAll(async () => {
  nb = await openSampleNotebook()
  // an article whose every paragraph is a payload, labelled so each quote is unique
  const paragraphs = PAYLOADS.map((payload, i) => `P${i}: ${oneLine(payload)}`)
  const plain = await nb.call('importContent', {
    content: paragraphs.join('\n\n'),
    fileName: 'payloads.txt',
    format: 'text',
  })
  const articleTitle = `${PAYLOADS[1]} \u0085\u2028 ${PAYLOADS[9]}`
  await nb.call('renameArticle', { id: plain.article.id, title: articleTitle })
  titles.set(plain.article.id, articleTitle)
  articleIds.push(plain.article.id)

  // Markdown with front matter: the byline and date come from it
  const withMeta = await nb.call('importContent', {
    content: [
      '---',
      `title: ${JSON.stringify(oneLine(PAYLOADS[3]!))}`,
      `author: ${JSON.stringify(oneLine(PAYLOADS[1]!))}`,
      `date: ${JSON.stringify(oneLine(PAYLOADS[4]!))}`,
      '---',
      '',
      '# Heading',
      '',
      PAYLOADS.map((payload) => payload.replace(/[<>]/g, '')).join('\n\n'),
    ].join('\n'),
    fileName: 'meta.md',
    sourceUrl: 'https://example.org/src?a="><img src=x onerror=alert(1)>&b=(1)',
  })
  articleIds.push(withMeta.article.id)
  const meta = await nb.call('getArticle', { id: withMeta.article.id })
  titles.set(meta.id, meta.title)

  const detail = await nb.call('getArticle', { id: plain.article.id })
  const excerptIds: string[] = []
  for (const [i, quote] of paragraphs.entries()) {
    const excerpt = await nb.call('createExcerpt', {
      articleId: detail.id,
      quote,
      comment: PAYLOADS[(i + 1) % PAYLOADS.length]!,
      tags: [tagFrom(PAYLOADS[(i + 2) % PAYLOADS.length]!), tagFrom(`people/${PAYLOADS[i]}`)],
    })
    excerptIds.push(excerpt.id)
  }

  for (const [i, title] of [PAYLOADS[0]!, oneLine(PAYLOADS[11]!), PAYLOADS[29]!].entries()) {
    const note = await nb.call('createNote', {
      title,
      content: hostileNote(
        PAYLOADS.slice(i * 5).concat(PAYLOADS.slice(0, i * 5)),
        { id: detail.id, sectionId: detail.sections[2]!.id },
        excerptIds[i]!,
      ),
    })
    noteIds.push(note.id)
    titles.set(note.id, title.trim())
  }
})
afterAll(() => nb.cleanup())

/* ---------- the checks ---------- */

const render = (scope: Parameters<typeof renderExport>[1]['scope']): RenderedFile[] => {
  const out = renderExport(nb.notebook.db, { scope, format: 'md' }, { exportedAt: EXPORTED_AT })
  return out.files ?? [{ path: out.suggestedName, content: out.content }]
}

function splitFrontMatter(markdown: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  expect(match, 'starts with front matter').not.toBeNull()
  return { yaml: match![1]!, body: markdown.slice(match![0].length) }
}

/** Every element and attribute in the rendered page is one the exporter itself writes. */
function expectInert(markdown: string, where: string) {
  const html = marked.parse(markdown, { async: false, gfm: true })
  const body = new JSDOM(html).window.document.body
  for (const el of body.querySelectorAll('*')) {
    const tag = el.localName
    expect(ALLOWED_TAGS.has(tag), `${where}: <${tag}> in ${el.outerHTML.slice(0, 200)}`).toBe(true)
    for (const attr of el.attributes) {
      expect(ALLOWED_ATTRIBUTES[tag]?.has(attr.name), `${where}: <${tag} ${attr.name}="${attr.value}">`).toBe(
        true,
      )
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? ''
      // web and mail links, or the export's own relative links between its files
      expect(
        /^(https?:\/\/|mailto:)/i.test(href) || /^(\.\.\/)?[^:]*\.md$/.test(href),
        `${where}: link to ${JSON.stringify(href)}`,
      ).toBe(true)
    }
    if (tag === 'input') expect(el.getAttribute('type'), where).toBe('checkbox')
    if (tag === 'code' && el.hasAttribute('class'))
      expect(el.getAttribute('class'), where).toMatch(/^language-[\w+#.-]+$/)
  }
  return body
}

function checkFile(file: RenderedFile) {
  const { yaml, body } = splitFrontMatter(file.content)
  // the front matter is strict YAML…
  const doc = parseDocument(yaml, { strict: true, uniqueKeys: true, prettyErrors: false })
  expect(doc.errors.map(String), `${file.path}: YAML errors`).toEqual([])
  expect(doc.warnings.map(String), `${file.path}: YAML warnings`).toEqual([])
  const fields = doc.toJS() as Record<string, unknown>
  // …that reads back the very title (where the id tells which)
  const id = fields.gloss_id as string | undefined
  if (id && titles.has(id)) expect(fields.title, `${file.path}: title`).toBe(titles.get(id))
  // the body as Obsidian shows it, and the whole file as a reader that knows no front matter does
  const rendered = expectInert(body, `${file.path} (body)`)
  expectInert(file.content, `${file.path} (whole file)`)
  return rendered.textContent ?? ''
}

describe('every Markdown export of a notebook full of script payloads is inert', () => {
  test('each note', () => {
    for (const id of noteIds) {
      const [file] = render({ kind: 'note', id })
      const shown = checkFile(file!)
      // the payloads are there, as text
      expect(shown).toContain('<script>alert(1)</script>')
      expect(shown).toContain('<img src=x onerror=alert(1)>')
    }
  })

  test('each article', () => {
    for (const id of articleIds) {
      const [file] = render({ kind: 'article', id })
      const shown = checkFile(file!)
      expect(shown).toContain('alert(1)')
    }
    const [plain] = render({ kind: 'article', id: articleIds[0]! })
    const shown = checkFile(plain!)
    // every payload paragraph reads as typed (marked's GFM autolink keeps the "\\" of the "\\>"
    // that follows a bare URL in its text: a display quirk, the link itself is https)
    const readable = shown.replace(/\\>/g, '>')
    for (const [i, payload] of PAYLOADS.entries()) expect(readable).toContain(`P${i}: ${oneLine(payload)}`)
  })

  test('the notebook folder: index, articles and notes', () => {
    const files = render({ kind: 'notebook' })
    expect(files.length).toBe(1 + 4 + 5) // index, 4 articles, 5 notes (2 from the sample, 3 here)
    for (const file of files) checkFile(file)
  })
})

test('links keep their safe targets, with the payloads percent-encoded, and lose unsafe ones', () => {
  const [file] = render({ kind: 'note', id: noteIds[0]! })
  const body = expectInert(splitFrontMatter(file!.content).body, 'note')
  const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href')!)
  for (const url of HOSTILE_SAFE_URLS)
    expect(hrefs).toContain(
      new URL(url.trim()).href.replace(
        /[\s"<>()\\`]/g,
        (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
      ),
    )
  expect(hrefs.some((h) => /javascript|data:|vbscript/i.test(h))).toBe(false)
  const titled = [...body.querySelectorAll('a')].find((a) => a.textContent === 'blank-line title')!
  expect(titled.getAttribute('title')).toBe('a <img src=x onerror=alert(1)>')
})
