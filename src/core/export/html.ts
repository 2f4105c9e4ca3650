/**
 * HTML export: one standalone page per scope, with an inline stylesheet that prints well. Every
 * section is anchored (id="p6"; "a-<id end>-p6" where the page holds several articles), every
 * excerpt too ("e-<id end>"); every ¶ reference and excerpt card links to its anchor, and a
 * notebook's page opens with a table of contents. A note's page ends with its sources: the
 * sections it cites, so its links resolve in the file. No scripts of any kind: every piece of text is escaped,
 * links are kept only for http(s)/mailto (with rel="noopener noreferrer"), no element gets an
 * event attribute, and a Content-Security-Policy forbids scripts and remote loads outright.
 *
 * The same page is what the PDF export prints (./pdf.ts here, Electron's printToPDF in the app,
 * which gets it from renderExport).
 */
import type { RenderedFile } from '../../shared/model'
import type { ArticleRecord, NoteRecord, Snapshot } from '../snapshot/records'
import { noteTitle, notesCiting, titleOf, visibleExcerpts, visibleSections } from './visible'
import {
  cardView,
  count,
  excerptLabel,
  excerptPlace,
  findSection,
  refLabel,
  tagCounts,
  type ExcerptView,
} from './layout'
import { quotedIn } from './citation'
import { NOT_VERBATIM } from './markdown'
import { fileStem, safeUrl } from './names'
import { generatorName } from './version'
import { FORMAT, isBlank, noteBlocks, type Block, type Inline, type ListBlock } from './noteTree'

/** Text or attribute value made inert. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #3b5bdb;
  --yellow: #fff3a3; --green: #c9f2c7; --blue: #cfe3ff; --pink: #ffd3e6; --purple: #e5d4ff; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.6 Charter, "Iowan Old Style", Georgia, "Times New Roman", serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1, h2, h3, h4, h5, h6 { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.25; margin: 1.8em 0 0.6em; }
h1 { font-size: 1.9rem; margin-top: 0; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
h4, h5, h6 { font-size: 1rem; }
p { margin: 0 0 0.9em; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: 0.9rem; margin-bottom: 2rem; }
.meta span + span::before { content: " · "; }
.excerpt { margin: 0 0 1.6rem; padding: 0.2rem 0 0.2rem 1rem; border-left: 4px solid var(--yellow); break-inside: avoid; }
.excerpt blockquote { margin: 0; }
.excerpt blockquote p { display: inline; background: var(--yellow); padding: 0.05em 0.15em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.excerpt figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
.excerpt .comment { margin-top: 0.5rem; }
.excerpt .comment p { margin: 0 0 0.4em; }
.c-green { border-left-color: #5cb85c; } .c-green blockquote p { background: var(--green); }
.c-blue { border-left-color: #4a90e2; } .c-blue blockquote p { background: var(--blue); }
.c-pink { border-left-color: #e0609a; } .c-pink blockquote p { background: var(--pink); }
.c-purple { border-left-color: #8e5ce0; } .c-purple blockquote p { background: var(--purple); }
.c-yellow { border-left-color: #e6c200; }
.tags { margin: 0.4rem 0 0; }
.tag { display: inline-block; font: 0.8rem/1.4 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #333; background: #eef0f3; border-radius: 999px; padding: 0.05rem 0.55rem; margin: 0 0.3rem 0.3rem 0; }
.ref { color: var(--muted); }
.section-ref { background: #f1f3f9; border-radius: 4px; padding: 0 0.2em; }
.note { margin-bottom: 2.5rem; }
.note > blockquote { margin: 0 0 0.9em; padding-left: 1rem; border-left: 3px solid var(--rule); color: #333; }
.note pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em; }
.note pre { background: #f6f7f9; padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; }
code { background: #f1f2f4; padding: 0.05em 0.3em; border-radius: 3px; }
pre code { background: none; padding: 0; }
mark { background: var(--yellow); }
ul.check { list-style: none; padding-left: 1.2rem; }
ul.check li::before { content: "☐ "; }
ul.check li.checked::before { content: "☑ "; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
.text p { text-align: left; }
.text p.caption { font-size: 0.9rem; font-style: italic; color: var(--muted); }
.pnum { font: 0.75rem/1 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--muted); margin-right: 0.4em; vertical-align: 0.1em; }
.empty { color: var(--muted); font-style: italic; }
.toc li { margin-bottom: 0.3rem; }
a.section-ref, a.ref { color: inherit; text-decoration-color: var(--accent); }
.excerpt .not-verbatim { color: #8a4b00; font-size: 0.9rem; margin: 0.3rem 0 0; }
:target { outline: 2px solid var(--accent); outline-offset: 2px; }
.scope + .scope { border-top: 2px solid var(--rule); margin-top: 3rem; padding-top: 1rem; }
footer { color: var(--muted); font-size: 0.8rem; margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 0.6rem; }
@page { margin: 18mm 16mm; }
@media print {
  html { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: var(--muted); word-break: break-all; }
  h1, h2, h3, h4 { break-after: avoid; }
  .excerpt, .note > blockquote, pre { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

const CSP = // no script, nothing remote; links within the page need nothing
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** A complete page. */
function htmlPage(title: string, body: string, exportedAt: string, generator: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<footer>Exported from ${escapeHtml(generator)} on ${escapeHtml(exportedAt)}</footer>
</main>
</body>
</html>
`
}

/* ---------- anchors ---------- */

/** The anchors a page holds, so a reference becomes a link only when its target is in the page. */
interface Anchors {
  /** section id → "p6" (or "a-<id end>-p6") */
  sections: Map<string, string>
  /** excerpt id → "e-<id end>", for the excerpts listed under their article */
  excerpts: Map<string, string>
  articles: Map<string, string>
  notes: Map<string, string>
}

const idEnd = (id: string) =>
  id
    .slice(-8)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')

/** Anchors for these articles' visible sections (those `shown` keeps) and excerpts, and these notes. */
function anchorsFor(
  data: Snapshot,
  articles: ArticleRecord[],
  notes: NoteRecord[],
  options: { prefixed: boolean; shown?: (sectionId: string) => boolean; excerpts: boolean },
): Anchors {
  const anchors: Anchors = { sections: new Map(), excerpts: new Map(), articles: new Map(), notes: new Map() }
  const taken = new Set<string>()
  const claim = (wanted: string, fallback: string) => {
    const id = taken.has(wanted) ? fallback : wanted
    taken.add(id)
    return id
  }
  for (const a of articles) {
    const article = claim(`a-${idEnd(a.id)}`, `a-${a.id}`)
    anchors.articles.set(a.id, article)
    const prefix = options.prefixed ? `${article}-` : ''
    for (const s of visibleSections(a))
      if (!options.shown || options.shown(s.id))
        anchors.sections.set(s.id, claim(`${prefix}p${s.ordinal}`, `${prefix}${s.id}`))
    if (options.excerpts)
      for (const e of visibleExcerpts(data, a.id))
        anchors.excerpts.set(e.id, claim(`e-${idEnd(e.id)}`, `e-${e.id}`))
  }
  for (const n of notes) anchors.notes.set(n.id, claim(`n-${idEnd(n.id)}`, `n-${n.id}`))
  return anchors
}

/* ---------- inline and block content of notes ---------- */

interface HtmlContext {
  data: Snapshot
  headingShift: number
  anchors: Anchors
}

const INLINE_TAGS: ReadonlyArray<[number, string]> = [
  [FORMAT.code, 'code'],
  [FORMAT.bold, 'strong'],
  [FORMAT.italic, 'em'],
  [FORMAT.strikethrough, 's'],
  [FORMAT.underline, 'u'],
  [FORMAT.subscript, 'sub'],
  [FORMAT.superscript, 'sup'],
  [FORMAT.highlight, 'mark'],
]

function link(href: string, text: string, title?: string | null): string {
  const t = title ? ` title="${escapeHtml(title)}"` : ''
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer"${t}>${text}</a>`
}

/** A link within the page. */
const internal = (anchor: string, html: string, cls: string) =>
  `<a class="${cls}" href="#${escapeHtml(anchor)}">${html}</a>`

function sectionRefHtml(ref: Extract<Inline, { kind: 'sectionRef' }>, ctx: HtmlContext): string {
  const found = findSection(ctx.data, ref.articleId, ref.sectionId)
  const label = refLabel(found?.section ?? ref)
  const words = ref.words ? `“${escapeHtml(ref.words)}” ` : ''
  const inner = `${words}<span class="ref">(${label}, <cite>${escapeHtml(titleOf(ctx.data, ref.articleId))}</cite>)</span>`
  const anchor = found && ctx.anchors.sections.get(found.section.id)
  return anchor ? internal(anchor, inner, 'section-ref') : `<span class="section-ref">${inner}</span>`
}

function inlineHtml(nodes: Inline[], ctx: HtmlContext): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') {
        let html = escapeHtml(node.text).replace(/\n/g, '<br>')
        for (const [bit, tag] of INLINE_TAGS) if (node.format & bit) html = `<${tag}>${html}</${tag}>`
        return html
      }
      if (node.kind === 'break') return '<br>'
      if (node.kind === 'sectionRef') return sectionRefHtml(node, ctx)
      const text = inlineHtml(node.children, ctx) || escapeHtml(node.url)
      const href = safeUrl(node.url)
      return href ? link(href, text, node.title) : text
    })
    .join('')
}

function listHtml(list: ListBlock, ctx: HtmlContext): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul'
  const attrs =
    list.listType === 'number' && list.start !== 1
      ? ` start="${list.start}"`
      : list.listType === 'check'
        ? ' class="check"'
        : ''
  const items = list.items
    .map((item) => {
      const cls = item.checked ? ' class="checked"' : ''
      const nested = item.lists.map((l) => listHtml(l, ctx)).join('')
      return `<li${cls}>${inlineHtml(item.children, ctx)}${nested}</li>`
    })
    .join('\n')
  return `<${tag}${attrs}>\n${items}\n</${tag}>`
}

interface ExcerptFigure extends ExcerptView {
  color?: string
  /** its own anchor (an excerpt listed under its article) */
  id?: string
  /** where its "¶N" leads: its section, or for a card its excerpt */
  href?: string | null
  page?: number | null
}

/** An excerpt as a figure: the highlighted quote, "— Title, ¶N", the comment, the tags. */
function excerptHtml(view: ExcerptFigure): string {
  const color = view.color && /^[a-z]+$/.test(view.color) ? view.color : 'yellow'
  const quote = view.quote
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join(' ')
  const comment = view.comment.trim()
    ? `<div class="comment">${view.comment
        .trim()
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
        .join('')}</div>`
    : ''
  const tags = view.tags.length
    ? `<p class="tags">${view.tags.map((t) => `<span class="tag">#${escapeHtml(t)}</span>`).join('')}</p>`
    : ''
  const label = excerptLabel(view)
  const ref = view.href ? internal(view.href, label, 'ref') : `<span class="ref">${label}</span>`
  const warning = view.verbatim === false ? `<p class="not-verbatim">${NOT_VERBATIM}</p>\n` : ''
  const id = view.id ? ` id="${escapeHtml(view.id)}"` : ''
  return `<figure class="excerpt c-${color}"${id}>
<blockquote>${quote}</blockquote>
<figcaption>— ${quotedIn(view.speaker && escapeHtml(view.speaker), `<cite>${escapeHtml(view.articleTitle)}</cite>`, (t) => t)}, ${ref}</figcaption>
${warning}${comment}${tags}
</figure>`
}

function blockHtml(block: Block, ctx: HtmlContext): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + ctx.headingShift)
      return `<h${level}>${inlineHtml(block.children, ctx)}</h${level}>`
    }
    case 'paragraph':
      return `<p>${inlineHtml(block.children, ctx)}</p>`
    case 'quote':
      return `<blockquote><p>${inlineHtml(block.children, ctx)}</p></blockquote>`
    case 'list':
      return listHtml(block, ctx)
    case 'code': {
      const language = block.language
        ? ` class="language-${escapeHtml(block.language.replace(/[^\w+#.-]/g, ''))}"`
        : ''
      return `<pre><code${language}>${escapeHtml(block.text)}</code></pre>`
    }
    case 'hr':
      return '<hr>'
    case 'excerpt': {
      const live = ctx.data.citedExcerpts.get(block.excerptId)
      const section = live && findSection(ctx.data, live.articleId, live.sectionId)
      const href = live
        ? (ctx.anchors.excerpts.get(live.id) ??
          (section ? ctx.anchors.sections.get(section.section.id) : null))
        : null
      return excerptHtml({
        ...cardView(block, ctx.data),
        color: live?.color ?? block.snapshot.color,
        href,
        page: section ? section.section.page : null,
      })
    }
  }
}

function noteBodyHtml(note: NoteRecord, ctx: HtmlContext): string {
  return noteBlocks(note.content)
    .filter((b) => !isBlank(b))
    .map((b) => blockHtml(b, ctx))
    .join('\n')
}

/* ---------- pages ---------- */

const h = (level: number, html: string, id?: string) => {
  const l = Math.min(6, level)
  return `<h${l}${id ? ` id="${escapeHtml(id)}"` : ''}>${html}</h${l}>`
}

function noteMeta(note: NoteRecord): string {
  return `<p class="meta"><span>Note</span><span>created ${escapeHtml(note.createdAt.slice(0, 10))}</span><span>updated ${escapeHtml(note.updatedAt.slice(0, 10))}</span></p>`
}

/** An article's sections (those `shown` keeps), each anchored; headings at `level` + their own level. */
function sectionsHtml(
  article: ArticleRecord,
  anchors: Anchors,
  level: number,
  shown?: (id: string) => boolean,
) {
  const parts: string[] = ['<div class="text">']
  for (const s of visibleSections(article)) {
    if (shown && !shown(s.id)) continue
    const text = escapeHtml(s.text).replace(/\n/g, '<br>')
    const pnum = `<span class="pnum">${refLabel(s)}</span>`
    const id = anchors.sections.get(s.id)!
    if (s.kind === 'heading') parts.push(h(level + (s.level ?? 1), `${pnum}${text}`, id))
    else {
      const caption = s.role === 'caption' ? ' class="caption"' : '' // a picture's caption (the picture is not exported)
      parts.push(`<p id="${escapeHtml(id)}"${caption}>${pnum}${text}</p>`)
    }
  }
  parts.push('</div>')
  return parts
}

/** An article: title at `level`, meta, excerpts, the notes citing it (embedded, or links), its text. */
function articleHtml(
  data: Snapshot,
  article: ArticleRecord,
  anchors: Anchors,
  level: number,
  embedNotes: boolean,
): string[] {
  const excerpts = visibleExcerpts(data, article.id)
  const notes = notesCiting(data, article.id)
  const meta: string[] = []
  if (article.byline) meta.push(`<span>By ${escapeHtml(article.byline)}</span>`)
  if (article.publishedAt) meta.push(`<span>Published ${escapeHtml(article.publishedAt)}</span>`)
  const source = article.sourceUrl ? safeUrl(article.sourceUrl) : null
  if (source) meta.push(`<span>${link(source, 'Source')}</span>`)
  meta.push(`<span>Imported ${escapeHtml(article.importedAt.slice(0, 10))}</span>`)
  const id = level > 1 ? anchors.articles.get(article.id) : undefined

  const parts = [h(level, escapeHtml(article.title), id), `<p class="meta">${meta.join('')}</p>`]
  parts.push(h(level + 1, `Excerpts (${excerpts.length})`))
  if (excerpts.length === 0) parts.push('<p class="empty">No excerpts.</p>')
  for (const e of excerpts) {
    parts.push(
      excerptHtml({
        quote: e.quote.exact,
        articleTitle: article.title,
        ...excerptPlace(data, e),
        comment: e.comment,
        tags: e.tags.map((t) => t.name),
        verbatim: e.verbatim,
        speaker: e.speaker,
        color: e.color,
        id: anchors.excerpts.get(e.id),
        href: anchors.sections.get(e.sectionId),
      }),
    )
  }
  parts.push(h(level + 1, `Notes (${notes.length})`))
  if (notes.length === 0) parts.push('<p class="empty">No notes cite this article.</p>')
  else if (embedNotes) {
    for (const note of notes) {
      parts.push(
        `<section class="note" id="${escapeHtml(anchors.notes.get(note.id)!)}">${h(level + 2, escapeHtml(noteTitle(note)))}\n${noteBodyHtml(note, { data, headingShift: level + 2, anchors })}</section>`,
      )
    }
  } else {
    parts.push(
      `<ul class="toc">${notes.map((n) => `<li>${internal(anchors.notes.get(n.id)!, escapeHtml(noteTitle(n)), 'note-link')}</li>`).join('')}</ul>`,
    )
  }
  parts.push(h(level + 1, 'Text'), ...sectionsHtml(article, anchors, level + 1))
  return parts
}

function articlePage(data: Snapshot, article: ArticleRecord, generator: string): string {
  const notes = notesCiting(data, article.id)
  const anchors = anchorsFor(data, [article], notes, { prefixed: false, excerpts: true })
  return htmlPage(
    article.title,
    articleHtml(data, article, anchors, 1, true).join('\n'),
    data.exportedAt,
    generator,
  )
}

/** A note, then its sources: the sections it cites (its chips' and its cards'), so every link resolves in the page. */
function notePage(data: Snapshot, note: NoteRecord, generator: string): string {
  const cited = new Set<string>()
  for (const l of data.noteLinks) {
    if (l.noteId !== note.id) continue
    if (l.targetType === 'section') cited.add(l.targetId)
    else {
      const e = data.citedExcerpts.get(l.targetId)
      if (e) cited.add(e.sectionId)
    }
  }
  const shown = (id: string) => cited.has(id)
  const articles = data.articles.filter((a) => visibleSections(a).some((s) => shown(s.id)))
  const anchors = anchorsFor(data, articles, [note], {
    prefixed: articles.length > 1,
    shown,
    excerpts: false,
  })
  const parts = [
    `<article class="note">`,
    h(1, escapeHtml(noteTitle(note))),
    noteMeta(note),
    noteBodyHtml(note, { data, headingShift: 1, anchors }),
    '</article>',
  ]
  if (articles.length) {
    parts.push('<section class="sources">', h(2, 'Sources'))
    for (const a of articles) {
      parts.push(h(3, escapeHtml(a.title), anchors.articles.get(a.id)), ...sectionsHtml(a, anchors, 3, shown))
    }
    parts.push('</section>')
  }
  return htmlPage(noteTitle(note), parts.join('\n'), data.exportedAt, generator)
}

/** The whole notebook in one page: a table of contents, every article, every note. */
function notebookPage(data: Snapshot, generator: string): string {
  const anchors = anchorsFor(data, data.articles, data.notes, { prefixed: true, excerpts: true })
  const tags = tagCounts(data)
  const toc = (items: Array<{ anchor: string; title: string; extra?: string }>) =>
    `<ol class="toc">${items.map((i) => `<li>${internal(i.anchor, escapeHtml(i.title), 'toc-link')}${i.extra ?? ''}</li>`).join('\n')}</ol>`
  const parts = [
    h(1, 'Gloss notebook'),
    `<p class="meta"><span>${count(data.articles.length, 'article')}</span><span>${count(visibleExcerpts(data).length, 'excerpt')}</span><span>${count(data.notes.length, 'note')}</span></p>`,
    '<nav aria-label="Contents">',
    h(2, 'Contents'),
    h(3, `Articles (${data.articles.length})`),
    data.articles.length
      ? toc(
          data.articles.map((a) => {
            const count = visibleExcerpts(data, a.id).length
            const by = a.byline ? ` — ${escapeHtml(a.byline)}` : ''
            return {
              anchor: anchors.articles.get(a.id)!,
              title: a.title,
              extra: `${by} <span class="ref">(${count} excerpt${count === 1 ? '' : 's'})</span>`,
            }
          }),
        )
      : '<p class="empty">No articles.</p>',
    h(3, `Notes (${data.notes.length})`),
    data.notes.length
      ? toc(data.notes.map((n) => ({ anchor: anchors.notes.get(n.id)!, title: noteTitle(n) })))
      : '<p class="empty">No notes.</p>',
    h(3, `Tags (${tags.length})`),
    tags.length
      ? `<p class="tags">${tags.map((t) => `<span class="tag">#${escapeHtml(t.name)} (${t.count})</span>`).join('')}</p>`
      : '<p class="empty">No tags.</p>',
    '</nav>',
  ]
  for (const a of data.articles)
    parts.push('<section class="scope">', ...articleHtml(data, a, anchors, 2, false), '</section>')
  for (const n of data.notes) {
    parts.push(
      `<section class="scope note" id="${escapeHtml(anchors.notes.get(n.id)!)}">`,
      h(2, escapeHtml(noteTitle(n))),
      noteMeta(n),
      noteBodyHtml(n, { data, headingShift: 2, anchors }),
      '</section>',
    )
  }
  return htmlPage('Gloss notebook', parts.join('\n'), data.exportedAt, generator)
}

/** An HTML export: one page for a note, an article or the whole notebook. */
export function renderHtml(data: Snapshot, options: { generator?: string } = {}): RenderedFile[] {
  const generator = options.generator ?? generatorName()
  const scope = data.scope
  if (scope.kind === 'note') {
    const note = data.notes[0]!
    return [{ path: `${fileStem(noteTitle(note), 'note')}.html`, content: notePage(data, note, generator) }]
  }
  if (scope.kind === 'article') {
    const article = data.articles[0]!
    return [
      { path: `${fileStem(article.title, 'article')}.html`, content: articlePage(data, article, generator) },
    ]
  }
  return [
    { path: `Gloss notebook ${data.exportedAt.slice(0, 10)}.html`, content: notebookPage(data, generator) },
  ]
}
