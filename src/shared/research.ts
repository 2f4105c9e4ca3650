/** What the research operations return: quotations and their speakers, entities, dated events. */

export const SPEAKER_KINDS = ['person', 'organization', 'unnamed', 'unknown'] as const
export type SpeakerKind = (typeof SPEAKER_KINDS)[number]

export const ENTITY_KINDS = ['person', 'organization', 'place'] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

export interface QuoteSpeaker {
  kind: SpeakerKind
  /** the fullest name the article gives (a person or an organisation) */
  name: string | null
  /** an unnamed source's description ("a former administration official, who requested anonymity") */
  description: string | null
}

export interface ResearchQuote {
  id: string
  articleId: string
  articleTitle: string
  /** the section the quotation is in, and its ¶ number */
  sectionId: string | null
  ordinal: number
  /** article offsets of the quoted words (marks excluded), end exclusive */
  start: number
  end: number
  text: string
  speaker: QuoteSpeaker
  /** the evidence: how the speaker was found, the cue's words and offsets (null for a carry-over) */
  cue: { type: string; text: string; start: number | null; end: number | null }
  /** 0..1; 1 for a speaker the user set */
  confidence: number
  corrected: boolean
}

export interface EntityMention {
  articleId: string
  sectionId: string | null
  ordinal: number
  start: number
  end: number
  text: string
}

export interface ResearchEntity {
  kind: EntityKind
  name: string
  aliases: string[]
  mentionCount: number
  /** quotations whose speaker is this entity */
  quoteCount: number
  articles: Array<{ id: string; title: string; mentionCount: number }>
  /** every mention, in reading order (within one article when the list is for one) */
  mentions: EntityMention[]
}

export interface ResearchEvent {
  id: string
  articleId: string
  articleTitle: string
  sectionId: string | null
  ordinal: number
  start: number
  end: number
  /** the date words as written ("last month") */
  text: string
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string
  /** resolved against the import date: the article's own date is unknown */
  guessed: boolean
  sentence: string
}

export interface ResearchStatus {
  /** live articles whose current version is analysed */
  analyzed: number
  total: number
}
