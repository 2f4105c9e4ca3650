/** A W3C Web Annotation TextQuoteSelector plus TextPositionSelector over an article's text. */
export interface QuoteSelector {
  exact: string
  /** up to 32 characters just before the quote */
  prefix: string
  /** up to 32 characters just after the quote */
  suffix: string
  /** offsets into the article text, end exclusive */
  start: number
  end: number
}

export interface QuoteQuery {
  exact: string
  prefix?: string
  suffix?: string
  /** a position the quote is expected near; breaks ties between equal-context matches */
  hint?: number
}

export interface TextRange {
  start: number
  end: number
}

export type AnchorStatus = 'anchored' | 'fuzzy' | 'orphaned'

export interface Reanchored extends TextRange {
  status: AnchorStatus
}
