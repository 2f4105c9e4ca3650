/** Quotations no verb attributes, inside a sentence whose subject is a described person (subjects.ts). */
import { describe, expect, it } from 'vitest'
import { attributeQuotes } from '.'
import { sectionsOf } from '../testing'

describe('attributeQuotes: described subjects', () => {
  it('a partial quotation with no verb is its sentence’s described subject’s; “another” is one more of them', () => {
    const quotes = attributeQuotes(
      sectionsOf(
        'One survey respondent identified “too many tools and context switching” as the biggest challenge, while another pointed to the “complexity of a fragmented landscape of tools.”',
      ),
    ).quotes
    expect(quotes.map((q) => [q.speaker.kind, q.speaker.description, q.cue.type])).toEqual([
      ['unnamed', 'one survey respondent', 'nearby'],
      ['unnamed', 'another survey respondent', 'nearby'],
    ])
  })
})
