/** Which quoted spans are quotations at all (index.ts, by quotes.ts's judgement). */
import { describe, expect, it } from 'vitest'
import { who } from './testing'

describe('attributeQuotes: what is no quotation', () => {
  it('refuses scare quotes, titles and one- or two-word fragments', () => {
    expect(
      who(
        'The so-called “reform” was called a “historic step” by its authors.',
        'She wrote a paper titled “Notes on Coastal Erosion Patterns” in 1998.',
        'Critics saw only “the tip of the iceberg” in the report.',
      ),
    ).toEqual([])
  })

  it('keeps a short sentence between a speaker’s other words', () => {
    expect(who('“The issue has just vanished,” said Ada Moreau. “Nobody cares now.”')).toEqual([
      ['The issue has just vanis', 'Ada Moreau'],
      ['Nobody cares now.', 'Ada Moreau'],
    ])
  })
})
