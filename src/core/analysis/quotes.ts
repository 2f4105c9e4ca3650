/**
 * Quoted spans in a paragraph, and which of them are quotations. A span is the text between
 * double quotation marks, straight or typographic (mixed in one article, as pasted text often is);
 * an opening mark left unclosed runs to the paragraph's end (a quotation carried into the next
 * paragraph). Single marks count only inside a double-quoted span (‘nested’ quotations): outside
 * one a ’ is far more often an apostrophe.
 */

export interface QuotedSpan {
  /** offsets of the words inside the marks, in the paragraph */
  start: number
  end: number
  text: string
  /** inside another quotation (its words reproduced by the outer speaker) */
  nested: boolean
  /** the closing mark was missing: the quotation goes on past the paragraph */
  open: boolean
}

const OPEN = '“'
const CLOSE = '”'
const STRAIGHT = '"'

export function findQuotedSpans(paragraph: string): QuotedSpan[] {
  const spans: QuotedSpan[] = []
  let openAt = -1
  const close = (end: number, open: boolean) => {
    const start = openAt + 1
    if (end > start) spans.push({ start, end, text: paragraph.slice(start, end), nested: false, open })
    openAt = -1
  }
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]
    if (c === OPEN) {
      if (openAt >= 0) close(trimEnd(paragraph, i), true)
      openAt = i
    } else if (c === CLOSE) {
      if (openAt >= 0) close(i, false)
    } else if (c === STRAIGHT) {
      if (openAt >= 0) close(i, false)
      else openAt = i
    }
  }
  if (openAt >= 0) close(trimEnd(paragraph, paragraph.length), true)
  const nested = spans.flatMap((span) => nestedSpans(paragraph, span))
  return [...spans, ...nested].sort((a, b) => a.start - b.start)
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  return end
}

function nestedSpans(paragraph: string, outer: QuotedSpan): QuotedSpan[] {
  const spans: QuotedSpan[] = []
  let openAt = -1
  for (let i = outer.start; i < outer.end; i++) {
    const c = paragraph[i]
    const before = i === outer.start ? ' ' : paragraph[i - 1]!
    const after = i + 1 >= outer.end ? ' ' : paragraph[i + 1]!
    if (c === '‘' && /[\s(“"—-]/.test(before)) openAt = i
    else if (c === '’' && openAt >= 0 && !/\p{L}/u.test(after)) {
      spans.push({
        start: openAt + 1,
        end: i,
        text: paragraph.slice(openAt + 1, i),
        nested: true,
        open: false,
      })
      openAt = -1
    }
  }
  return spans
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0
}

const MINOR_WORDS = new Set(
  'a an and as at but by for from in into nor of on or the to with vs via'.split(' '),
)

/** "Deterministic Nonperiodic Flow." or "The Art of War": every word but the minor ones capitalised. */
export function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? []
  if (words.length < 2) return false
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && MINOR_WORDS.has(w.toLowerCase())))
}

/** Words before a quoted span that make it a name or a term, not someone's words. */
const NAMING =
  /\b(?:titled|entitled|dubbed|named|known as|so-called|phrases? like|terms? like|the (?:term|phrase|word|name|title)(?: of)?|bears the name of|the book|the film|the song|the paper|the article|the headline)\s*[,:]?\s*$/i

export type SpanVerdict = 'quotation' | 'short' | 'title' | 'term'

/**
 * Whether a quoted span is a quotation. `cued`: an attribution cue is next to it;
 * `besideQuotation`: other quotations in the same paragraph (a short sentence between two is the same
 * speaker's, "There’s collective amnesia."). Scare quotes, terms and titles are refused.
 */
export function judgeSpan(
  span: QuotedSpan,
  before: string,
  context: { cued: boolean; besideQuotation: boolean },
): SpanVerdict {
  const text = span.text.trim()
  const words = wordCount(text)
  if (words < 3) return 'short'
  if (NAMING.test(before) && !context.cued) return 'title'
  if (isTitleCase(text) && (!context.cued || !/[,?!]$/.test(text))) return 'title'
  if (context.cued || words >= 8) return 'quotation'
  // uncued and short: someone's words when shaped as a sentence of them, not a phrase ("the tip of the iceberg")
  const sentence = /^\p{Lu}/u.test(text) && /[.?!…,]$/.test(text)
  if (sentence && words >= 5) return 'quotation'
  return sentence && context.besideQuotation ? 'quotation' : 'term'
}
