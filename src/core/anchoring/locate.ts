import { GlossError } from '../../shared/errors'
import { best, contextScore, occurrences } from './context'
import { foldedOccurrences } from './fold'
import type { QuoteQuery, TextRange } from './types'

const PREVIEW_CHARS = 60

export function previewQuote(exact: string): string {
  return exact.length <= PREVIEW_CHARS ? exact : `${exact.slice(0, PREVIEW_CHARS)}…`
}

/** Exact matches, else matches that differ only in whitespace or quote style. */
export function findCandidates(text: string, exact: string): TextRange[] {
  const exactMatches = occurrences(text, exact)
  return exactMatches.length > 0 ? exactMatches : foldedOccurrences(text, exact)
}

/** The candidates that best fit the context, then those nearest the hint (when given). */
export function narrowCandidates(
  text: string,
  candidates: TextRange[],
  query: Omit<QuoteQuery, 'exact'>,
): TextRange[] {
  const inContext = best(candidates, (c) => contextScore(text, c, query.prefix, query.suffix))
  const hint = query.hint
  return hint === undefined ? inContext : best(inContext, (c) => -Math.abs(c.start - hint))
}

/**
 * Where a quote sits in the article. Several matches are told apart by prefix/suffix,
 * then by nearness to `hint`; a tie that remains is an error, never a guess.
 */
export function locateQuote(text: string, query: QuoteQuery): TextRange {
  if (query.exact.trim() === '') throw new GlossError('invalid_input', 'The quote is empty.', 'exact')
  const candidates = findCandidates(text, query.exact)
  if (candidates.length === 0) {
    throw new GlossError(
      'quote_not_found',
      `The quote “${previewQuote(query.exact)}” is not in this article.`,
    )
  }
  const winners = narrowCandidates(text, candidates, query)
  const winner = winners[0]
  if (winners.length > 1 || winner === undefined) {
    throw new GlossError(
      'quote_ambiguous',
      `The quote “${previewQuote(query.exact)}” occurs ${candidates.length} times in this article; ` +
        'give more context (prefix/suffix) or a position.',
    )
  }
  return { start: winner.start, end: winner.end }
}
