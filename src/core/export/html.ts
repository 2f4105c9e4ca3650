/**
 * HTML export: one standalone page per scope (a folder of pages for the whole notebook), with
 * an inline stylesheet that prints well. No scripts of any kind: every piece of text is escaped,
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
  articlesNewestFirst,
  cardView,
  notebookFolder,
  notesNewestFirst,
  tagCounts,
  type ExcerptView,
  type FolderNames,
} from './layout'
import { fileStem, relativeHref, safeUrl } from './names'
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
.pnum { font: 0.75rem/1 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--muted); margin-right: 0.4em; vertical-align: 0.1em; }
.empty { color: var(--muted); font-style: italic; }
.toc li { margin-bottom: 0.3rem; }
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

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** A complete page. */
function htmlPage(title: string, body: string, exportedAt: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Gloss">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<footer>Exported from Gloss on ${escapeHtml(exportedAt)}</footer>
</main>
</body>
</html>
`
}

/* ---------- inline and block content of notes ---------- */

interface HtmlContext {
  data: Snapshot
  headingShift: number
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

function sectionRefHtml(ref: Extract<Inline, { kind: 'sectionRef' }>, ctx: HtmlContext): string {
  const words = ref.words ? `“${escapeHtml(ref.words)}” ` : ''
  return `<span class="section-ref">${words}<span class="ref">(¶${ref.ordinal}, <cite>${escapeHtml(titleOf(ctx.data, ref.articleId))}</cite>)</span></span>`
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

/** An excerpt as a figure: the highlighted quote, "— Title, ¶N", the comment, the tags. */
function excerptHtml(view: ExcerptView & { color?: string }): string {
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
  return `<figure class="excerpt c-${color}">
<blockquote>${quote}</blockquote>
<figcaption>— <cite>${escapeHtml(view.articleTitle)}</cite>, <span class="ref">¶${view.ordinal}</span></figcaption>
${comment}${tags}
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
      return excerptHtml({ ...cardView(block, ctx.data), color: live?.color ?? block.snapshot.color })
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

function notePage(data: Snapshot, note: NoteRecord): string {
  const body = `<article class="note">
<h1>${escapeHtml(noteTitle(note))}</h1>
<p class="meta"><span>Note</span><span>created ${escapeHtml(note.createdAt.slice(0, 10))}</span><span>updated ${escapeHtml(note.updatedAt.slice(0, 10))}</span></p>
${noteBodyHtml(note, { data, headingShift: 1 })}
</article>`
  return htmlPage(noteTitle(note), body, data.exportedAt)
}

type NotesOption = { embed: true } | { embed: false; hrefOf: (note: NoteRecord) => string }

function articlePage(data: Snapshot, article: ArticleRecord, notesOption: NotesOption): string {
  const excerpts = visibleExcerpts(data, article.id)
  const notes = notesCiting(data, article.id)
  const meta: string[] = []
  if (article.byline) meta.push(`<span>By ${escapeHtml(article.byline)}</span>`)
  if (article.publishedAt) meta.push(`<span>Published ${escapeHtml(article.publishedAt)}</span>`)
  const source = article.sourceUrl ? safeUrl(article.sourceUrl) : null
  if (source) meta.push(`<span>${link(source, 'Source')}</span>`)
  meta.push(`<span>Imported ${escapeHtml(article.importedAt.slice(0, 10))}</span>`)

  const parts = [`<h1>${escapeHtml(article.title)}</h1>`, `<p class="meta">${meta.join('')}</p>`]
  parts.push(`<h2>Excerpts (${excerpts.length})</h2>`)
  if (excerpts.length === 0) parts.push('<p class="empty">No excerpts.</p>')
  for (const e of excerpts) {
    parts.push(
      excerptHtml({
        quote: e.quote.exact,
        articleTitle: article.title,
        ordinal: e.sectionOrdinal,
        comment: e.comment,
        tags: e.tags.map((t) => t.name),
        color: e.color,
      }),
    )
  }
  parts.push(`<h2>Notes (${notes.length})</h2>`)
  if (notes.length === 0) parts.push('<p class="empty">No notes cite this article.</p>')
  else if (notesOption.embed) {
    for (const note of notes) {
      parts.push(
        `<section class="note"><h3>${escapeHtml(noteTitle(note))}</h3>\n${noteBodyHtml(note, { data, headingShift: 3 })}</section>`,
      )
    }
  } else {
    const { hrefOf } = notesOption
    parts.push(
      `<ul class="toc">${notes.map((n) => `<li><a href="${escapeHtml(hrefOf(n))}">${escapeHtml(noteTitle(n))}</a></li>`).join('')}</ul>`,
    )
  }
  parts.push('<h2>Text</h2>', '<div class="text">')
  for (const s of visibleSections(article)) {
    const text = escapeHtml(s.text).replace(/\n/g, '<br>')
    if (s.kind === 'heading') {
      const level = Math.min(6, 2 + (s.level ?? 1))
      parts.push(`<h${level} id="p${s.ordinal}"><span class="pnum">¶${s.ordinal}</span>${text}</h${level}>`)
    } else parts.push(`<p id="p${s.ordinal}"><span class="pnum">¶${s.ordinal}</span>${text}</p>`)
  }
  parts.push('</div>')
  return htmlPage(article.title, parts.join('\n'), data.exportedAt)
}

function indexPage(data: Snapshot, names: FolderNames): string {
  const articles = articlesNewestFirst(data)
  const notes = notesNewestFirst(data)
  const tags = tagCounts(data)
  const a = (href: string, text: string) =>
    `<a href="${escapeHtml(relativeHref(href))}">${escapeHtml(text)}</a>`
  const body = [
    '<h1>Gloss notebook</h1>',
    `<p class="meta"><span>${articles.length} articles</span><span>${visibleExcerpts(data).length} excerpts</span><span>${notes.length} notes</span></p>`,
    `<h2>Articles (${articles.length})</h2>`,
    articles.length
      ? `<ul class="toc">${articles
          .map((art) => {
            const by = art.byline ? ` — ${escapeHtml(art.byline)}` : ''
            const count = visibleExcerpts(data, art.id).length
            return `<li>${a(names.articles.get(art.id)!, art.title)}${by} <span class="ref">(${count} excerpt${count === 1 ? '' : 's'})</span></li>`
          })
          .join('\n')}</ul>`
      : '<p class="empty">No articles.</p>',
    `<h2>Notes (${notes.length})</h2>`,
    notes.length
      ? `<ul class="toc">${notes.map((n) => `<li>${a(names.notes.get(n.id)!, noteTitle(n))}</li>`).join('\n')}</ul>`
      : '<p class="empty">No notes.</p>',
    `<h2>Tags (${tags.length})</h2>`,
    tags.length
      ? `<p class="tags">${tags.map((t) => `<span class="tag">#${escapeHtml(t.name)} (${t.count})</span>`).join('')}</p>`
      : '<p class="empty">No tags.</p>',
  ]
  return htmlPage('Gloss notebook', body.join('\n'), data.exportedAt)
}

/** Every file of an HTML export: one page for a note or an article; a folder of pages for the notebook. */
export function renderHtml(data: Snapshot): RenderedFile[] {
  const scope = data.scope
  if (scope.kind === 'note') {
    const note = data.notes[0]!
    return [{ path: `${fileStem(noteTitle(note), 'note')}.html`, content: notePage(data, note) }]
  }
  if (scope.kind === 'article') {
    const article = data.articles[0]!
    return [
      {
        path: `${fileStem(article.title, 'article')}.html`,
        content: articlePage(data, article, { embed: true }),
      },
    ]
  }
  return notebookFolder(data, '.html', (names) => ({
    article: (art) =>
      articlePage(data, art, { embed: false, hrefOf: (n) => `../${relativeHref(names.notes.get(n.id)!)}` }),
    note: (n) => notePage(data, n),
    index: () => indexPage(data, names),
  }))
}
