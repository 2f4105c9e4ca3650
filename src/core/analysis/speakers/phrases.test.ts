/** The speaker phrase beside a cue: a name, a pronoun or a description (phrases.ts). */
import { describe, expect, it } from 'vitest'
import { attributeQuotes } from '.'
import { sectionsOf } from '../testing'
import { who } from './testing'

describe('attributeQuotes: the speaker phrase beside the cue', () => {
  it('a possessive before the name is whose the speaker is, not the speaker', () => {
    expect(
      who(
        'Rachel Stephens is an analyst at RedMonk.',
        'According to RedMonk’s Stephens, “budgets are moving to AI, not growing.”',
        '“We will ship it in spring,” Acme’s Dana Reyes said.',
        '“Prices will fall,” said Globex’s Omar Haddad.',
      ),
    ).toEqual([
      ['budgets are moving to AI', 'Rachel Stephens'],
      ['We will ship it in sprin', 'Dana Reyes'],
      ['Prices will fall,', 'Omar Haddad'],
    ])
  })

  it('a dash signature, and a name after a description', () => {
    expect(
      who(
        '“Cities will decide the climate of this century.” — Karin Holm',
        '“We have waited for two years,” said one resident, Maria Lopez.',
      ),
    ).toEqual([
      ['Cities will decide the c', 'Karin Holm'],
      ['We have waited for two y', 'Maria Lopez'],
    ])
  })

  it('an organisation speaking as such, by name or as "the company"', () => {
    const quotes = attributeQuotes(
      sectionsOf(
        '“We are reviewing every flight,” the airline said in a statement.',
        'Delays are “the single biggest complaint we hear,” the FAA says.',
      ),
    ).quotes
    expect(quotes.map((q) => [q.speaker.kind, q.speaker.name ?? q.speaker.description])).toEqual([
      ['organization', 'the airline'],
      ['organization', 'FAA'],
    ])
  })

  it('"In a statement, the company said:" is the organisation', () => {
    const [quote] = attributeQuotes(
      sectionsOf('In a statement, the company said: “We regret the error and are reviewing our checks.”'),
    ).quotes
    expect(quote!.speaker).toEqual({ kind: 'organization', name: null, description: 'the company' })
  })

  it('an unnamed source is typed as such and keeps its description', () => {
    const [quote] = attributeQuotes(
      sectionsOf(
        'A senior diplomat, who spoke on condition of anonymity, said that “the talks could collapse within days.”',
      ),
    ).quotes
    expect(quote!.speaker).toEqual({
      kind: 'unnamed',
      name: null,
      description: 'a senior diplomat, who spoke on condition of anonymity',
    })
  })
})
