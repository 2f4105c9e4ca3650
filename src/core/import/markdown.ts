import type { Token, Tokens } from 'marked'
import { lazyRequire } from '../lazy'
import { decodeEntities } from './entities'
import { splitFrontMatter } from './frontMatter'
import { MAX_MARKDOWN_DEPTH } from './limits'
import type { ArticleMetadata } from './metadata'
import { markdownDepth } from './nesting'
import type { SectionDraft } from './sectioning'
import { collapseWhitespace, tidyCode } from './text'
import { refuseImport } from './validate'

const marked = lazyRequire<typeof import('marked')>('marked')

export function preloadMarkdownParser(): void {
  marked()
}

/** Plain text of inline tokens: markup goes, the words of emphasis, links and code stay. */
function inlineText(tokens: Token[] | undefined): string {
  if (tokens === undefined) return ''
  return tokens.map(inlineTokenText).join('')
}

function inlineTokenText(token: Token): string {
  switch (token.type) {
    case 'image':
    case 'checkbox':
    case 'html': // inline tags such as <span>: their words arrive as separate text tokens
      return ''
    case 'br':
      return ' '
    case 'codespan':
    case 'escape':
      return token.text as string
    case 'text':
      return token.tokens ? inlineText(token.tokens) : decodeEntities(token.text as string)
    default: {
      // em, strong, del, link and extension tokens: their words are in their children
      const generic = token as Tokens.Generic
      return generic.tokens ? inlineText(generic.tokens) : decodeEntities(String(generic.text ?? ''))
    }
  }
}

function paragraph(text: string): SectionDraft {
  return { kind: 'paragraph', text: collapseWhitespace(text) }
}

/** Words of a raw HTML block, without tags and without script or style bodies. */
function htmlBlockText(html: string): string {
  const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
  return decodeEntities(withoutCode.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
}

/** A list item is one section of its own words; nested lists and paragraphs follow as their own. */
function listItemDrafts(item: Tokens.ListItem, inQuote: boolean): SectionDraft[] {
  const drafts: SectionDraft[] = []
  let words = ''
  const flush = (): void => {
    if (words.trim() !== '') drafts.push(paragraph(words))
    words = ''
  }
  for (const token of item.tokens) {
    if (token.type === 'text' || token.type === 'paragraph' || token.type === 'checkbox') {
      words += ` ${inlineTokenText(token)}`
      if (token.type === 'paragraph') flush()
    } else {
      flush()
      drafts.push(...blockDrafts([token], inQuote))
    }
  }
  flush()
  return drafts
}

function blockDrafts(tokens: Token[], inQuote: boolean): SectionDraft[] {
  const drafts: SectionDraft[] = []
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        // inside a quote a heading is quoted prose, not the article's structure
        drafts.push(
          inQuote
            ? paragraph(inlineText(token.tokens))
            : {
                kind: 'heading',
                level: token.depth as number,
                text: collapseWhitespace(inlineText(token.tokens)),
              },
        )
        break
      case 'paragraph':
      case 'text':
        drafts.push(paragraph(inlineTokenText(token)))
        break
      case 'list':
        for (const item of (token as Tokens.List).items) drafts.push(...listItemDrafts(item, inQuote))
        break
      case 'blockquote':
        drafts.push(...blockDrafts(token.tokens ?? [], true))
        break
      case 'code':
        drafts.push({ kind: 'paragraph', text: tidyCode(token.text as string) })
        break
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows]) {
          drafts.push(paragraph(row.map((cell) => collapseWhitespace(inlineText(cell.tokens))).join(' | ')))
        }
        break
      }
      case 'html':
        drafts.push(paragraph(htmlBlockText(token.text as string)))
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
): { drafts: SectionDraft[]; metadata: ArticleMetadata } {
  const { body, metadata } = splitFrontMatter(markdown)
  const depth = markdownDepth(body)
  if (depth > MAX_MARKDOWN_DEPTH) {
    throw refuseImport(
      source,
      `its lists and quotes nest ${depth.toLocaleString('en-US')} deep; the limit is ${MAX_MARKDOWN_DEPTH}.`,
    )
  }
  return { drafts: blockDrafts(new (marked().Lexer)().lex(body), false), metadata }
}
