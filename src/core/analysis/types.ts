/** What the analysis reads: an article's sections (paragraphs), in order, with their offsets. */
export interface AnalysisSection {
  /** the section's ¶ number */
  ordinal: number
  text: string
  /** offset of the section's first character in the article text */
  start: number
  kind?: string
}

export interface AnalysisInput {
  sections: AnalysisSection[]
  /** ISO date the article was published; null when unknown */
  publishedAt: string | null
  /** ISO date of the import: the reference date, flagged as a guess, when publishedAt is null */
  importedAt: string
}

/** Where a span is: article offsets (end exclusive) and the section's ¶ number. */
export interface Place {
  start: number
  end: number
  ordinal: number
}

export type SpeakerKind = 'person' | 'organization' | 'unnamed' | 'unknown'

export interface Speaker {
  kind: SpeakerKind
  /** the fullest name the article gives (person, organisation); the description for an unnamed source */
  name: string | null
  description: string | null
}

export type CueType =
  'said-after' | 'said-before' | 'according-to' | 'pronoun' | 'carry' | 'nearby' | 'byline'

export interface Attribution {
  speaker: Speaker
  /** how it was found: the cue's words and place (null for a carry-over or a guess from nearby names) */
  cue: { type: CueType; text: string; place: Place | null }
  /** 0..1 */
  confidence: number
}

export interface Quote extends Attribution {
  text: string
  /** the quoted words, without their quotation marks */
  place: Place
}

export type EntityKind = 'person' | 'organization' | 'place'

export interface Mention {
  text: string
  place: Place
}

export interface Entity {
  name: string
  kind: EntityKind
  aliases: string[]
  mentions: Mention[]
}

export interface TimelineEvent {
  /** the date words as written ("last month") */
  text: string
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD as far as the words say) */
  date: string
  /** the date was resolved against the import date: the article's own date is unknown */
  guessed: boolean
  place: Place
  /** the sentence the date is in */
  sentence: string
}

export interface Analysis {
  quotes: Quote[]
  entities: Entity[]
  events: TimelineEvent[]
}
