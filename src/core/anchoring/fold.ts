import { occurrences } from './context'
import type { TextRange } from './types'

// Typographic quotes and their straight twins count as the same character.
const SINGLE_QUOTES = /[‘’‚‛′`]/
const DOUBLE_QUOTES = /[“”„‟″«»]/

interface FoldedText {
  folded: string
  /** for each folded character, the original range it stands for */
  starts: number[]
  ends: number[]
}

/** Whitespace runs become one space and curly quotes straight, remembering where each came from. */
function fold(text: string): FoldedText {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < text.length;) {
    const ch = text[i] ?? ''
    if (/\s/.test(ch)) {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j] ?? '')) j++
      folded += ' '
      starts.push(i)
      ends.push(j)
      i = j
      continue
    }
    folded += SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : ch
    starts.push(i)
    ends.push(i + 1)
    i++
  }
  return { folded, starts, ends }
}

/**
 * Matches of `quote` that differ from the text only in whitespace or quote style,
 * as ranges of the original text.
 */
export function foldedOccurrences(text: string, quote: string): TextRange[] {
  const needle = fold(quote.trim()).folded
  if (needle === '') return []
  const haystack = fold(text)
  return occurrences(haystack.folded, needle).map((m) => ({
    start: haystack.starts[m.start] ?? 0,
    end: haystack.ends[m.end - 1] ?? text.length,
  }))
}
