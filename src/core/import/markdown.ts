import type { Token, Tokens } from 'marked'
import type { InlineMark, InlineMarkType, SectionBlock, SectionImage } from '../../shared/model'
import type { LayoutContext } from './htmlSections'
import { absoluteLink, collapsedOffsets, collapseMarks, makeLayout, tidyMarks, type RawMark } from './layout'
import {
  LOCAL_BASE,
  MediaSink,
  pagePictures,
  PLACEHOLDER,
  type PageAddresses,
  type ParsedMedia,
} from './pictures'
import { lazyRequire } from '../lazy'
import { decodeEntities } from './entities'
import { splitFrontMatter } from './frontMatter'
import { MAX_MARKDOWN_DEPTH } from './limits'
import type { ArticleMetadata } from './metadata'
import { markdownDepth } from './nesting'
import type { SectionDraft } from './sectioning'
import { collapseWhitespace, tidyCode } from './text'
import { refuseImport } from './validate'

/**
 * A Markdown file has no address: links only when absolute; pictures as data: URIs, files next to
 * it (a relative address inside its folder) or remote addresses, as a page's (pictures.ts).
 */
function markdownLayout(sink: MediaSink, folder: string | undefined): LayoutContext {
  const at: PageAddresses = {
    domUrl: LOCAL_BASE,
    placeholder: PLACEHOLDER,
    localBase: LOCAL_BASE,
    pageUrl: null,
    folder,
  }
  return { link: absoluteLink, picture: pagePictures(sink, at) }
}

const marked = lazyRequire<typeof import('marked')>('marked')

export function preloadMarkdownParser(): void {
  marked()
}

/** Words of inline tokens as they arrive (before whitespace collapses), with their marks. */
interface Inline {
  raw: string
  marks: RawMark[]
}

/** What one Markdown file's walk shares: its links and pictures, and the pictures not yet placed. */
interface Walk {
  context: LayoutContext
  /** pictures met since the last section with words: they stand before the next one */
  pending: SectionImage[]
}

const TOKEN_MARKS: Record<string, InlineMarkType> = {
  em: 'em',
  strong: 'strong',
  codespan: 'code',
  link: 'link',
}

/** Plain text of inline tokens: markup goes, the words of emphasis, links and code stay. */
function addInline(tokens: Token[] | undefined, into: Inline, walk: Walk): void {
  if (tokens !== undefined) for (const token of tokens) addToken(token, into, walk)
}

function addToken(token: Token, into: Inline, walk: Walk): void {
  const start = into.raw.length
  switch (token.type) {
    case 'image': {
      const picture = walk.context.picture(
        String(token.href ?? ''),
        collapseWhitespace(String(token.text ?? '')),
      )
      if (picture !== null) walk.pending.push(picture)
      return
    }
    case 'checkbox':
    case 'html': // inline tags such as <span>: their words arrive as separate text tokens
      return
    case 'br':
      into.raw += ' '
      return
    case 'codespan':
    case 'escape':
      into.raw += token.text as string
      break
    case 'text':
      if (token.tokens) addInline(token.tokens, into, walk)
      else into.raw += decodeEntities(token.text as string)
      break
    default: {
      // em, strong, del, link and extension tokens: their words are in their children
      const generic = token as Tokens.Generic
      if (generic.tokens) addInline(generic.tokens, into, walk)
      else into.raw += decodeEntities(String(generic.text ?? ''))
    }
  }
  const type = TOKEN_MARKS[token.type]
  if (type === undefined) return
  if (type !== 'link') into.marks.push({ type, start, end: into.raw.length })
  else {
    const href = walk.context.link(String((token as Tokens.Link).href ?? ''))
    if (href !== null) into.marks.push({ type, start, end: into.raw.length, href })
  }
}

function inlineOf(tokens: Token[] | undefined, walk: Walk): Inline {
  const into: Inline = { raw: '', marks: [] }
  addInline(tokens, into, walk)
  return into
}

/** A section of inline words: its text collapsed, its marks on it, the pictures before it. */
function paragraph(inline: Inline, walk: Walk, block?: SectionBlock): SectionDraft {
  const text = collapseWhitespace(inline.raw)
  return withLayout({ kind: 'paragraph', text }, walk, block, collapseMarks(inline.raw, text, inline.marks))
}

function withLayout(
  draft: SectionDraft,
  walk: Walk,
  block?: SectionBlock,
  marks?: InlineMark[],
): SectionDraft {
  if (draft.text === '') return draft
  const layout = makeLayout(
    block,
    marks === undefined ? undefined : tidyMarks(draft.text, marks),
    walk.pending,
  )
  walk.pending = []
  if (layout !== null) draft.layout = layout
  return draft
}

/** Words of a raw HTML block, without tags and without script or style bodies. */
function htmlBlockText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
  return decodeEntities(withoutCode.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
}

/** Where the walk is: inside a quote, and how many lists deep. */
interface Place {
  inQuote: boolean
  lists: number
}

/** A list item is one section of its own words; nested lists and paragraphs follow as their own. */
function listItemDrafts(
  item: Tokens.ListItem,
  block: SectionBlock,
  place: Place,
  walk: Walk,
): SectionDraft[] {
  const drafts: SectionDraft[] = []
  let words: Inline = { raw: '', marks: [] }
  let first = true
  const flush = (): void => {
    if (words.raw.trim() !== '') {
      drafts.push(paragraph(words, walk, first ? block : place.inQuote ? { type: 'quote' } : undefined))
      first = false
    }
    words = { raw: '', marks: [] }
  }
  for (const token of item.tokens) {
    if (token.type === 'text' || token.type === 'paragraph' || token.type === 'checkbox') {
      words.raw += ' '
      addToken(token, words, walk)
      if (token.type === 'paragraph') flush()
    } else {
      flush()
      drafts.push(...blockDrafts([token], place, walk))
    }
  }
  flush()
  return drafts
}

/** A table row: its cells' words joined by " | ", each cell's range in the text. */
function rowDraft(cells: Tokens.TableCell[], header: boolean, walk: Walk): SectionDraft {
  const raw: Inline = { raw: '', marks: [] }
  const ranges: number[] = []
  cells.forEach((cell, i) => {
    if (i > 0) raw.raw += ' | '
    const own = inlineOf(cell.tokens, walk)
    const text = collapseWhitespace(own.raw)
    const start = raw.raw.length
    for (const m of collapseMarks(own.raw, text, own.marks)) {
      raw.marks.push({ ...m, start: m.start + start, end: m.end + start })
    }
    raw.raw += text
    ranges.push(start, raw.raw.length)
  })
  const text = collapseWhitespace(raw.raw)
  const at = collapsedOffsets(raw.raw, text, ranges)
  const block: SectionBlock = {
    type: 'row',
    header,
    cells: cells.map((_, i): [number, number] => [at[2 * i]!, at[2 * i + 1]!]),
  }
  return withLayout({ kind: 'paragraph', text }, walk, block, collapseMarks(raw.raw, text, raw.marks))
}

function blockDrafts(tokens: Token[], place: Place, walk: Walk): SectionDraft[] {
  const drafts: SectionDraft[] = []
  const quote: SectionBlock | undefined = place.inQuote ? { type: 'quote' } : undefined
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        // inside a quote a heading is quoted prose, not the article's structure
        const inline = inlineOf(token.tokens, walk)
        if (place.inQuote) drafts.push(paragraph(inline, walk, quote))
        else {
          const text = collapseWhitespace(inline.raw)
          const heading: SectionDraft = { kind: 'heading', level: token.depth as number, text }
          drafts.push(withLayout(heading, walk, undefined, collapseMarks(inline.raw, text, inline.marks)))
        }
        break
      }
      case 'paragraph':
      case 'text': {
        const inline: Inline = { raw: '', marks: [] }
        addToken(token, inline, walk)
        drafts.push(paragraph(inline, walk, quote))
        break
      }
      case 'list': {
        const list = token as Tokens.List
        const start = typeof list.start === 'number' ? list.start : 1
        const inner = { ...place, lists: place.lists + 1 }
        list.items.forEach((item, i) => {
          const block: SectionBlock = { type: 'item', ordered: list.ordered, depth: inner.lists }
          if (list.ordered) block.number = start + i
          drafts.push(...listItemDrafts(item, block, inner, walk))
        })
        break
      }
      case 'blockquote':
        drafts.push(...blockDrafts(token.tokens ?? [], { ...place, inQuote: true }, walk))
        break
      case 'code':
        drafts.push(
          withLayout({ kind: 'paragraph', text: tidyCode(token.text as string) }, walk, { type: 'code' }),
        )
        break
      case 'table': {
        const table = token as Tokens.Table
        drafts.push(rowDraft(table.header, true, walk))
        for (const row of table.rows) drafts.push(rowDraft(row, false, walk))
        break
      }
      case 'html':
        drafts.push(paragraph({ raw: htmlBlockText(token.text as string), marks: [] }, walk, quote))
        break
      default: // space, hr, def: no words of their own
        break
    }
  }
  return drafts.filter((d) => d.text !== '')
}

/**
 * Markdown to section drafts plus front-matter metadata (front matter is never a section).
 * Nesting is measured before marked runs: its lexer is recursive and slow on deep lists.
 */
export function parseMarkdown(
  markdown: string,
  source: string,
  options: { folder?: string } = {},
): { drafts: SectionDraft[]; metadata: ArticleMetadata; media: ParsedMedia[] } {
  const { body, metadata } = splitFrontMatter(markdown)
  const depth = markdownDepth(body)
  if (depth > MAX_MARKDOWN_DEPTH) {
    throw refuseImport(
      source,
      `its lists and quotes nest ${depth.toLocaleString('en-US')} deep; the limit is ${MAX_MARKDOWN_DEPTH}.`,
    )
  }
  const sink = new MediaSink()
  const walk: Walk = { context: markdownLayout(sink, options.folder), pending: [] }
  const drafts = blockDrafts(new (marked().Lexer)().lex(body), { inQuote: false, lists: 0 }, walk)
  // pictures after the last words stand with the last section
  const last = drafts[drafts.length - 1]
  if (walk.pending.length > 0 && last !== undefined) {
    last.layout = { ...last.layout, images: [...(last.layout?.images ?? []), ...walk.pending] }
  }
  return { drafts, metadata, media: sink.media }
}
