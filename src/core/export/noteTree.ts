/**
 * A note's Lexical JSON, read into a small document tree that the Markdown and HTML exporters
 * both render. We walk the JSON ourselves (after `upgradeNoteContent` has validated it against
 * NOTE_NODES) instead of going through an editor: no DOM is needed, the output is
 * deterministic, and the two Gloss nodes get exactly the rendering we want.
 */
import { upgradeNoteContent } from '../../shared/notes/schema'
import { EXCERPT_CARD_TYPE, parseExcerptSnapshot } from '../../shared/notes/nodes/ExcerptCardNode'
import type { ExcerptSnapshot } from '../../shared/notes/nodes/decorators'
import { SECTION_LINK_TYPE } from '../../shared/notes/nodes/SectionLinkNode'

/** Lexical's text format bits (lexical/LexicalConstants). */
export const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const

export type Inline =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'break' }
  | { kind: 'link'; url: string; title: string | null; children: Inline[] }
  /** a section chip: `words` is the label without its "¶N · " prefix */
  | { kind: 'sectionRef'; articleId: string; sectionId: string; ordinal: number; words: string }

export interface ListItem {
  checked: boolean | null
  children: Inline[]
  lists: ListBlock[]
}

export interface ListBlock {
  kind: 'list'
  listType: 'bullet' | 'number' | 'check'
  start: number
  items: ListItem[]
}

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'quote'; children: Inline[] }
  | ListBlock
  | { kind: 'code'; language: string | null; text: string }
  | { kind: 'hr' }
  | { kind: 'excerpt'; excerptId: string; articleId: string; ordinal: number; snapshot: ExcerptSnapshot }

type JsonNode = Record<string, unknown> & { type: string; children?: unknown[] }

const childrenOf = (node: JsonNode): JsonNode[] =>
  Array.isArray(node.children) ? (node.children as JsonNode[]) : []
const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** "¶6 · Despite these shifts…" → "Despite these shifts…" */
function sectionLabelWords(label: string, ordinal: number): string {
  const prefix = `¶${ordinal}`
  let words = label.trim()
  if (words.startsWith(prefix)) words = words.slice(prefix.length).replace(/^\s*·\s*/, '')
  return words.trim()
}

function inlines(nodes: JsonNode[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    switch (node.type) {
      case SECTION_LINK_TYPE: {
        const ordinal = typeof node.ordinal === 'number' ? node.ordinal : 0
        out.push({
          kind: 'sectionRef',
          articleId: str(node.articleId),
          sectionId: str(node.sectionId),
          ordinal,
          words: sectionLabelWords(str(node.text) || str(node.label), ordinal),
        })
        break
      }
      case 'text':
      case 'code-highlight':
        out.push({
          kind: 'text',
          text: str(node.text),
          format: typeof node.format === 'number' ? node.format : 0,
        })
        break
      case 'tab':
        out.push({ kind: 'text', text: '\t', format: 0 })
        break
      case 'linebreak':
        out.push({ kind: 'break' })
        break
      case 'link':
      case 'autolink':
        out.push({
          kind: 'link',
          url: str(node.url),
          title: typeof node.title === 'string' && node.title ? node.title : null,
          children: inlines(childrenOf(node)),
        })
        break
      default:
        // an element where inline content was expected: keep its text
        out.push(...inlines(childrenOf(node)))
    }
  }
  return out
}

/** Plain text of inline content (code blocks, headings in file names). */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) =>
      n.kind === 'text'
        ? n.text
        : n.kind === 'break'
          ? '\n'
          : n.kind === 'link'
            ? inlineText(n.children)
            : `¶${n.ordinal}`,
    )
    .join('')
}

function list(node: JsonNode): ListBlock {
  const listType = node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet'
  const start =
    typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0 ? node.start : 1
  const items: ListItem[] = []
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item)
    const nested = kids.filter((k) => k.type === 'list').map(list)
    const content = inlines(kids.filter((k) => k.type !== 'list'))
    const checked = listType === 'check' ? item.checked === true : null
    // Lexical nests a list in an item of its own, right after the item it belongs to
    const previous = items[items.length - 1]
    if (content.length === 0 && nested.length > 0 && previous) previous.lists.push(...nested)
    else items.push({ checked, children: content, lists: nested })
  }
  return { kind: 'list', listType, start, items }
}

function blocks(nodes: JsonNode[]): Block[] {
  const out: Block[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = Number(/^h([1-6])$/.exec(str(node.tag))?.[1] ?? 1)
        out.push({ kind: 'heading', level, children: inlines(childrenOf(node)) })
        break
      }
      case 'quote':
        out.push({ kind: 'quote', children: inlines(childrenOf(node)) })
        break
      case 'list':
        out.push(list(node))
        break
      case 'code':
        out.push({
          kind: 'code',
          language: typeof node.language === 'string' && node.language ? node.language : null,
          text: inlineText(inlines(childrenOf(node))),
        })
        break
      case 'horizontalrule':
        out.push({ kind: 'hr' })
        break
      case EXCERPT_CARD_TYPE:
        out.push({
          kind: 'excerpt',
          excerptId: str(node.excerptId),
          articleId: str(node.articleId),
          ordinal: typeof node.ordinal === 'number' ? node.ordinal : 0,
          snapshot: parseExcerptSnapshot(node.snapshot),
        })
        break
      case 'paragraph':
        out.push({ kind: 'paragraph', children: inlines(childrenOf(node)) })
        break
      default: {
        // inline content at block level (not written by the editor, but valid JSON): a paragraph
        const children = inlines([node])
        if (children.length > 0) out.push({ kind: 'paragraph', children })
      }
    }
  }
  return out
}

/** The note as blocks; throws GlossError (invalid_input / future_schema) for content that is not a Gloss note. */
export function noteBlocks(content: unknown): Block[] {
  const state = upgradeNoteContent(content)
  return blocks(childrenOf(state.root as unknown as JsonNode))
}

/** True when a paragraph holds nothing but whitespace (Lexical leaves empty ones around). */
export function isBlank(block: Block): boolean {
  return (
    block.kind === 'paragraph' &&
    inlineText(block.children).trim() === '' &&
    !block.children.some((c) => c.kind === 'sectionRef')
  )
}
