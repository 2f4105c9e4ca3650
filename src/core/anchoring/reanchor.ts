import search from 'approx-string-match'
import { best, contextScore } from './context'
import { findCandidates, narrowCandidates } from './locate'
import type { QuoteSelector, Reanchored, TextRange } from './types'

/** Edits tolerated in a fuzzy match: a quarter of the quote, at most 32. */
export function maxFuzzyErrors(exact: string): number {
  return Math.min(32, Math.floor(exact.length / 4))
}

function fuzzyMatch(text: string, sel: QuoteSelector): TextRange | undefined {
  const maxErrors = maxFuzzyErrors(sel.exact)
  if (maxErrors === 0) return undefined
  const matches = search(text, sel.exact, maxErrors)
  const fewestErrors = best(matches, (m) => -m.errors)
  const inContext = best(fewestErrors, (m) => contextScore(text, m, sel.prefix, sel.suffix))
  const nearest = best(inContext, (m) => -Math.abs(m.start - sel.start))[0]
  return nearest === undefined ? undefined : { start: nearest.start, end: nearest.end }
}

/**
 * Find a highlight again after its article's text changed: the old position if the quote
 * is still there, else the best exact occurrence (context, then nearness), else an
 * approximate match ('fuzzy'); failing all that, 'orphaned' with the old offsets kept.
 */
export function reanchor(text: string, sel: QuoteSelector): Reanchored {
  if (sel.exact === '') return { start: sel.start, end: sel.end, status: 'orphaned' }
  if (text.slice(sel.start, sel.end) === sel.exact)
    return { start: sel.start, end: sel.end, status: 'anchored' }

  const candidates = findCandidates(text, sel.exact)
  // ties that survive context are settled by nearness to where the quote used to be
  const chosen = narrowCandidates(text, candidates, {
    prefix: sel.prefix,
    suffix: sel.suffix,
    hint: sel.start,
  })[0]
  if (chosen !== undefined) {
    const exact = text.slice(chosen.start, chosen.end) === sel.exact
    return { start: chosen.start, end: chosen.end, status: exact ? 'anchored' : 'fuzzy' }
  }

  const fuzzy = fuzzyMatch(text, sel)
  if (fuzzy !== undefined) return { ...fuzzy, status: 'fuzzy' }
  return { start: sel.start, end: sel.end, status: 'orphaned' }
}
