/**
 * Markdown export, ready for Obsidian (and any CommonMark/GFM reader).
 *
 * - YAML front matter: every value is written as JSON (a JSON string/array/null is valid YAML),
 *   so any YAML reader, and a line-by-line `key: value` reader, gets the same values.
 * - Excerpts are block quotes, the quote then "— Title, ¶N"; the comment follows as its own
 *   paragraph(s), then the tags as #tags.
 * - Tags become Obsidian tags: nesting kept (#people/Kim), spaces turned into "-", other
 *   characters Obsidian refuses into "_" (see `obsidianTag`).
 * - A note's section chip becomes readable text with its reference: “Despite these shifts…”
 *   (¶6, *Article title*), no link, so it survives any tool.
 * - A note's rich text (headings, bold/italic/strike/code/highlight, lists including GFM task
 *   lists, quotes, links, code blocks, rules) is written as standard Markdown; text is escaped
 *   so that nothing a person typed turns into markup.
 */
import type { RenderedFile } from '../../shared/model'
import type { ArticleRecord, NoteRecord, Snapshot } from '../snapshot/records'
import { noteTitle, notesCiting, titleOf, visibleExcerpts, visibleSections } from './visible'
import {
  articlesNewestFirst,
  cardView,
  count,
  findSection,
  notebookFolder,
  excerptLabel,
  excerptPlace,
  refLabel,
  notesNewestFirst,
  tagCounts,
  type ExcerptView,
  type FolderNames,
} from './layout'
import { quotedIn } from './citation'
import { fileStem, obsidianTag, relativeHref, safeUrl } from './names'
import {
  codeSpan,
  ESCAPED_LINK_SHAPE,
  escapeLine,
  escapeMarkdown,
  frontMatter,
  lf,
  linkDestination,
  linkTitle,
} from './markdownText'
import { FORMAT, isBlank, noteBlocks, type Block, type Inline, type ListBlock } from './noteTree'

/* ---------- inline text ---------- */

const MARKS: ReadonlyArray<{ bit: number; open: string; close: string }> = [
  { bit: FORMAT.bold, open: '**', close: '**' },
  { bit: FORMAT.italic, open: '*', close: '*' },
  { bit: FORMAT.strikethrough, open: '~~', close: '~~' },
  { bit: FORMAT.highlight, open: '==', close: '==' },
  { bit: FORMAT.underline, open: '<u>', close: '</u>' },
  { bit: FORMAT.subscript, open: '<sub>', close: '</sub>' },
  { bit: FORMAT.superscript, open: '<sup>', close: '</sup>' },
]

export interface MarkdownContext {
  data: Snapshot
  /** added to a note's heading levels (capped at 6) */
  headingShift: number
  /** the Obsidian vault's links (./obsidian.ts): a chip or card whose target is in the vault; null keeps the plain text */
  vault?: {
    sectionRef(ref: Extract<Inline, { kind: 'sectionRef' }>): string | null
    excerptCard(card: Extract<Block, { kind: 'excerpt' }>): string | null
  }
}

/** "(¶6, *Title*)" preceded by the chip's words. */
function sectionRef(ref: Extract<Inline, { kind: 'sectionRef' }>, ctx: MarkdownContext): string {
  const linked = ctx.vault?.sectionRef(ref)
  if (linked) return linked
  const words = ref.words ? `“${escapeLine(ref.words)}” ` : ''
  const section = findSection(ctx.data, ref.articleId, ref.sectionId)?.section
  const label = refLabel(section ?? ref)
  return `${words}(${label}, *${escapeLine(titleOf(ctx.data, ref.articleId))}*)`
}

/**
 * Inline content. Emphasis markers are opened and closed as the format changes from one text
 * run to the next (a stack, so nesting stays well-formed), and never touch whitespace on their
 * inner side (CommonMark would not see them as emphasis).
 */
function inlineMarkdown(nodes: Inline[], ctx: MarkdownContext, hardBreak = '  \n'): string {
  let out = ''
  const open: Array<(typeof MARKS)[number]> = []
  let pendingSpace = ''
  const closeFrom = (index: number) => {
    for (let j = open.length - 1; j >= index; j--) out += open[j]!.close
    open.length = Math.max(0, Math.min(open.length, index))
  }
  for (const node of nodes) {
    if (node.kind === 'text') {
      const text = lf(node.text)
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!
      const [, lead = '', core = '', trail = ''] = match
      if (core === '') {
        pendingSpace += text.replace(/\n/g, ' ')
        continue
      }
      pendingSpace += lead
      const wanted = MARKS.filter((m) => node.format & m.bit)
      const firstUnwanted = open.findIndex((m) => !wanted.includes(m))
      if (firstUnwanted >= 0) closeFrom(firstUnwanted)
      out += pendingSpace
      for (const mark of wanted) {
        if (!open.includes(mark)) {
          out += mark.open
          open.push(mark)
        }
      }
      out += node.format & FORMAT.code ? codeSpan(core) : escapeMarkdown(core).replace(/\n/g, hardBreak)
      pendingSpace = trail
      continue
    }
    closeFrom(0)
    out += pendingSpace
    pendingSpace = ''
    if (node.kind === 'break') out += hardBreak
    else if (node.kind === 'sectionRef') out += sectionRef(node, ctx)
    else {
      const text = inlineMarkdown(node.children, ctx, ' ')
      const href = safeUrl(node.url)
      if (!href) out += text
      else {
        const title = node.title?.trim() ? ` ${linkTitle(node.title)}` : ''
        // text from several runs can meet as "\](" only here, across a run boundary
        const label = (text || escapeLine(node.url)).replace(ESCAPED_LINK_SHAPE, '\\]\\(')
        out += `[${label}](${linkDestination(href)}${title})`
      }
    }
  }
  closeFrom(0)
  return out + pendingSpace
}

/* ---------- excerpts ---------- */

/** The comment as Markdown paragraphs: blank lines separate paragraphs, single newlines are kept as line breaks. */
export function commentMarkdown(comment: string): string {
  return lf(comment)
    .trim()
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeMarkdown(line.trim()))
        .filter((line) => line !== '')
        .join('  \n'),
    )
    .filter((para) => para !== '')
    .join('\n\n')
}

export function tagLine(tags: string[]): string {
  return tags.map((t) => `#${obsidianTag(t)}`).join(' ')
}

/** Under an excerpt whose words the article's current version no longer has (Excerpt.verbatim). */
export const NOT_VERBATIM = '⚠ no longer verbatim in the current version'

/** > quote / > — Title, ¶N (/ > ⚠ no longer verbatim…), then the comment, then #tags. */
function excerptMarkdown(view: ExcerptView): string {
  const quote = lf(view.quote)
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n')
  const warning = view.verbatim === false ? `\n>\n> ${NOT_VERBATIM}` : ''
  const parts = [
    `${quote}\n>\n> — ${quotedIn(view.speaker && escapeLine(view.speaker), escapeLine(view.articleTitle), (t) => `*${t}*`)}, ${excerptLabel(view)}${warning}`,
  ]
  if (view.comment.trim()) parts.push(commentMarkdown(view.comment))
  if (view.tags.length) parts.push(tagLine(view.tags))
  return parts.join('\n\n')
}

/* ---------- note blocks ---------- */

/**
 * Markers: "-" / "1." normally. Two lists in a row would merge into one in Markdown, so the
 * second uses the alternative marker ("*" / "1)"), which starts a new list.
 */
function listMarkdown(list: ListBlock, ctx: MarkdownContext, alternate = false): string {
  const bullet = alternate ? '*' : '-'
  const delimiter = alternate ? ')' : '.'
  const lines: string[] = []
  list.items.forEach((item, i) => {
    const marker =
      list.listType === 'number'
        ? `${list.start + i}${delimiter} `
        : list.listType === 'check'
          ? `${bullet} [${item.checked ? 'x' : ' '}] `
          : `${bullet} `
    const indent = ' '.repeat(list.listType === 'number' ? marker.length : 2)
    const text = inlineMarkdown(item.children, ctx).replace(/\n/g, `\n${indent}`)
    lines.push(`${marker}${text}`.trimEnd())
    item.lists.forEach((nested, j) => {
      lines.push(
        listMarkdown(nested, ctx, j % 2 === 1)
          .split('\n')
          .map((l) => (l ? indent + l : l))
          .join('\n'),
      )
    })
  })
  return lines.join('\n')
}

function blockMarkdown(block: Block, ctx: MarkdownContext, alternate = false): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level + ctx.headingShift))} ${inlineMarkdown(block.children, ctx, ' ').trim()}`
    case 'paragraph':
      return inlineMarkdown(block.children, ctx).trim()
    case 'quote':
      return inlineMarkdown(block.children, ctx)
        .trim()
        .split('\n')
        .map((line) => (line.trim() ? `> ${line}` : '>'))
        .join('\n')
    case 'list':
      return listMarkdown(block, ctx, alternate)
    case 'code': {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length))
      const fence = '`'.repeat(longest + 1)
      const language = (block.language ?? '').replace(/[^\w+#.-]/g, '')
      return `${fence}${language}\n${block.text}\n${fence}`
    }
    case 'hr':
      return '---'
    case 'excerpt':
      return ctx.vault?.excerptCard(block) ?? excerptMarkdown(cardView(block, ctx.data))
  }
}

/** A note's content as Markdown blocks separated by blank lines. */
export function noteBodyMarkdown(note: NoteRecord, ctx: MarkdownContext): string {
  const out: string[] = []
  let previous: Block | null = null
  let alternate = false
  for (const block of noteBlocks(note.content)) {
    if (isBlank(block)) continue
    alternate = block.kind === 'list' && previous?.kind === 'list' ? !alternate : false
    const text = blockMarkdown(block, ctx, alternate)
    if (text === '') continue
    out.push(text)
    previous = block
  }
  return out.join('\n\n')
}

/* ---------- documents ---------- */

export function uniqueTags(names: string[]): string[] {
  const seen = new Set<string>()
  return names
    .map(obsidianTag)
    .filter((t) => (seen.has(t.toLowerCase()) ? false : (seen.add(t.toLowerCase()), true)))
}

function noteMarkdown(data: Snapshot, note: NoteRecord): string {
  const articleIds = [
    ...new Set(data.noteLinks.filter((l) => l.noteId === note.id).map((l) => l.articleId)),
  ].filter((id) => data.articleTitles.has(id))
  const ctx: MarkdownContext = { data, headingShift: 1 }
  const body = noteBodyMarkdown(note, ctx)
  return (
    [
      frontMatter({
        title: noteTitle(note),
        type: 'gloss-note',
        created: note.createdAt,
        updated: note.updatedAt,
        articles: articleIds.map((id) => titleOf(data, id)),
        gloss_id: note.id,
        gloss_article_ids: articleIds,
      }),
      `# ${escapeLine(noteTitle(note))}`,
      body,
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  )
}

interface ArticleMarkdownOptions {
  /** the notes citing the article: embedded in full, or linked (folder export: note file paths relative to the article's) */
  notes: { embed: true } | { embed: false; hrefOf: (note: NoteRecord) => string }
}

export function bylineLine(article: ArticleRecord): string {
  const parts: string[] = []
  if (article.byline) parts.push(`By ${escapeLine(article.byline)}`)
  if (article.publishedAt) parts.push(`Published ${escapeLine(article.publishedAt)}`)
  const url = article.sourceUrl ? safeUrl(article.sourceUrl) : null
  if (url) parts.push(`[Source](${linkDestination(url)})`)
  return parts.join(' · ')
}

function articleMarkdown(data: Snapshot, article: ArticleRecord, options: ArticleMarkdownOptions): string {
  const excerpts = visibleExcerpts(data, article.id)
  const notes = notesCiting(data, article.id)
  const parts: string[] = [
    frontMatter({
      title: article.title,
      type: 'gloss-article',
      source: article.sourceUrl,
      byline: article.byline,
      date: article.publishedAt,
      imported: article.importedAt,
      tags: uniqueTags(excerpts.flatMap((e) => e.tags.map((t) => t.name))),
      gloss_id: article.id,
    }),
    `# ${escapeLine(article.title)}`,
  ]
  const byline = bylineLine(article)
  if (byline) parts.push(byline)

  parts.push(`## Excerpts (${excerpts.length})`)
  if (excerpts.length === 0) parts.push('*No excerpts.*')
  for (const e of excerpts) {
    parts.push(
      excerptMarkdown({
        quote: e.quote.exact,
        articleTitle: article.title,
        ...excerptPlace(data, e),
        comment: e.comment,
        tags: e.tags.map((t) => t.name),
        verbatim: e.verbatim,
        speaker: e.speaker,
      }),
    )
  }

  parts.push(`## Notes (${notes.length})`)
  if (notes.length === 0) parts.push('*No notes cite this article.*')
  else if (options.notes.embed) {
    for (const note of notes) {
      parts.push(`### ${escapeLine(noteTitle(note))}`)
      const body = noteBodyMarkdown(note, { data, headingShift: 3 })
      if (body) parts.push(body)
    }
  } else {
    const { hrefOf } = options.notes
    parts.push(notes.map((n) => `- [${escapeLine(noteTitle(n))}](${hrefOf(n)})`).join('\n'))
  }

  parts.push('## Text')
  for (const s of visibleSections(article)) {
    parts.push(
      s.kind === 'heading'
        ? `${'#'.repeat(Math.min(6, 2 + (s.level ?? 1)))} ${escapeLine(s.text)} (${refLabel(s)})`
        : `**${refLabel(s)}** ${escapeMarkdown(s.text).replace(/\n/g, '  \n')}`,
    )
  }
  return parts.join('\n\n') + '\n'
}

/** Every file of a Markdown export: one file for a note or an article; a folder for the notebook. */
export function renderMarkdown(data: Snapshot): RenderedFile[] {
  const scope = data.scope
  if (scope.kind === 'note') {
    const note = data.notes[0]!
    return [{ path: `${fileStem(noteTitle(note), 'note')}.md`, content: noteMarkdown(data, note) }]
  }
  if (scope.kind === 'article') {
    const article = data.articles[0]!
    return [
      {
        path: `${fileStem(article.title, 'article')}.md`,
        content: articleMarkdown(data, article, { notes: { embed: true } }),
      },
    ]
  }
  return notebookFolder(data, '.md', (names) => ({
    article: (a) =>
      articleMarkdown(data, a, {
        notes: { embed: false, hrefOf: (n) => `../${relativeHref(names.notes.get(n.id)!)}` },
      }),
    note: (n) => noteMarkdown(data, n),
    index: () => indexMarkdown(data, names),
  }))
}

function indexMarkdown(data: Snapshot, names: FolderNames): string {
  const articles = articlesNewestFirst(data)
  const notes = notesNewestFirst(data)
  const tags = tagCounts(data)
  const parts = [
    frontMatter({ title: 'Gloss notebook', type: 'gloss-index', exported: data.exportedAt }),
    '# Gloss notebook',
    `Exported ${data.exportedAt}: ${count(articles.length, 'article')}, ${count(visibleExcerpts(data).length, 'excerpt')}, ${count(notes.length, 'note')}.`,
    `## Articles (${articles.length})`,
    articles.length
      ? articles
          .map((a) => {
            const count = visibleExcerpts(data, a.id).length
            const by = a.byline ? ` — ${escapeLine(a.byline)}` : ''
            return `- [${escapeLine(a.title)}](${relativeHref(names.articles.get(a.id)!)})${by} (${count} excerpt${count === 1 ? '' : 's'})`
          })
          .join('\n')
      : '*No articles.*',
    `## Notes (${notes.length})`,
    notes.length
      ? notes
          .map((n) => `- [${escapeLine(noteTitle(n))}](${relativeHref(names.notes.get(n.id)!)})`)
          .join('\n')
      : '*No notes.*',
    `## Tags (${tags.length})`,
    tags.length ? tags.map((t) => `- #${obsidianTag(t.name)} (${t.count})`).join('\n') : '*No tags.*',
  ]
  return parts.join('\n\n') + '\n'
}
