/** The research analysis of one article: its quotations and speakers, its named entities and its timeline. */
import { indexEntities } from './entities'
import { attributeQuotes } from './speakers'
import { datedEvents } from './timeline'
import type { Analysis, AnalysisInput } from './types'

export function analyzeArticle(input: AnalysisInput): Analysis {
  const speakers = attributeQuotes(input.sections)
  return {
    quotes: speakers.quotes,
    entities: indexEntities(input.sections, speakers),
    events: datedEvents(input),
  }
}

export type * from './types'
