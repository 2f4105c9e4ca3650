/** The attribution's working shapes: a paragraph read, a clause of it, a speaker phrase, a cue, a quotation found. */
import type { NameRun } from '../names'
import type { QuotedSpan } from '../quotes'
import type { Attribution, CueType, Place, Speaker } from '../types'

export interface Paragraph {
  /** its index in the article's paragraphs */
  index: number
  ordinal: number
  start: number
  text: string
  /** the text with every quotation's words blanked: what the narrator says */
  narrative: string
  spans: QuotedSpan[]
}

/** A speaker phrase as found: a name, a pronoun or a description, before resolving it. */
export type Phrase =
  | { kind: 'name'; run: NameRun }
  | { kind: 'pronoun'; word: string; at: number }
  | { kind: 'description'; text: string; org: boolean; at: number }

export interface Cue {
  type: CueType
  phrase: Phrase
  place: Place
  text: string
}

export interface Found {
  paragraph: Paragraph
  span: QuotedSpan
  place: Place
  cue: Cue | null
  /** without a cue: a person described as the subject of its sentence ("One respondent identified “…”") */
  subject: Cue | null
  attribution: Attribution | null
  outer: Found | null
}

export interface Clause {
  text: string
  /** where it starts in the paragraph */
  at: number
}

/** the speaker of a quotation no rule attributes */
export const UNKNOWN: Speaker = { kind: 'unknown', name: null, description: null }
