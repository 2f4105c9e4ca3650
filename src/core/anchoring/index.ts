export { CONTEXT_CHARS, describeRange } from './describe'
export { locateQuote } from './locate'
export { maxFuzzyErrors, reanchor } from './reanchor'
export type { AnchorStatus, QuoteQuery, QuoteSelector, Reanchored, TextRange } from './types'
