/** A section read for attribution: its quotations, its narrative (quotations blanked), its sentences and clauses. */
import { findQuotedSpans, type QuotedSpan } from '../quotes'
import { tokenize } from '../names'
import type { AnalysisSection } from '../types'
import type { Clause, Paragraph } from './types'

const blank = (s: string) => s.replace(/[^\n]/g, ' ')

export function toParagraph(section: AnalysisSection, index: number): Paragraph {
  const spans = findQuotedSpans(section.text)
  // pieces joined once: a paragraph's quotations blanked in linear time
  const pieces: string[] = []
  let at = 0
  for (const s of spans) {
    if (s.nested) continue
    pieces.push(section.text.slice(at, s.start), blank(s.text))
    at = s.end
  }
  pieces.push(section.text.slice(at))
  const narrative = pieces.join('')
  return { index, ordinal: section.ordinal, start: section.start, text: section.text, narrative, spans }
}

/** Offsets (in the paragraph) just after each sentence's final mark. */
export function sentenceBreaks(narrative: string): number[] {
  const breaks: number[] = []
  const keep = new Set(
    tokenize(narrative)
      .filter((t) => t.text.endsWith('.'))
      .map((t) => t.end - 1),
  )
  for (const m of narrative.matchAll(/[.?!;](?=[\s”"’)]|$)/g))
    if (!keep.has(m.index)) breaks.push(m.index + 1)
  return breaks
}

/** The narrative of the span's sentence before its opening mark, from the quotation before it on. */
export function clauseBefore(
  p: Paragraph,
  span: QuotedSpan,
  prev: QuotedSpan | undefined,
  breaks: number[],
): Clause {
  const openMark = span.start - 1
  const beforeStart = Math.max(prev ? prev.end + 1 : 0, ...breaks.filter((b) => b <= openMark))
  return { text: p.narrative.slice(beforeStart, Math.max(beforeStart, openMark)), at: beforeStart }
}

export const words = (c: Clause) =>
  [...c.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => {
    const word = m[0].replace(/\.$/, '')
    return { word, start: c.at + m.index, end: c.at + m.index + word.length }
  })
