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

/**
 * compromise builds its lexicon and chrono-node its parsers on first use (a second or more on a
 * busy machine): a small analysis at load time keeps that out of the first article's time.
 */
export function warmUp(): void {
  // twice: V8 compiles the hot paths on the second run
  for (let i = 0; i < 2; i++) warmUpOnce()
}

function warmUpOnce(): void {
  analyzeArticle({
    sections: [
      {
        ordinal: 1,
        start: 0,
        text: '“We are ready, as always,” said Dr. Ann Lee of the Ocean Institute in Paris last month. She left for a week before the summer of 2019, on July 2, and will be back next Monday at 5 pm, two days from now.',
      },
    ],
    publishedAt: '2020-01-01',
    importedAt: '2020-01-01',
  })
}
