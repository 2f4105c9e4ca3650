import { describe, expect, it } from 'vitest'
import { attributeQuotes } from '.'
import { sectionsOf } from '../testing'

/** [quoted words (first 24 characters), speaker name or description] for each quotation found */
function who(...paragraphs: string[]) {
  return attributeQuotes(sectionsOf(...paragraphs)).quotes.map((q) => [
    q.text.slice(0, 24),
    q.speaker.kind === 'person' || q.speaker.kind === 'organization'
      ? (q.speaker.name ?? q.speaker.description)
      : q.speaker.kind,
  ])
}

describe('attributeQuotes: cues found on held-out pages', () => {
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

  it('a sentence ending in a colon introduces its subject’s words: a name, a pronoun, a described person', () => {
    const quotes = attributeQuotes(
      sectionsOf(
        'Rachel Stephens, senior analyst at RedMonk, shared her perspective on these findings: “There is a component of psychological safety here.”',
        'Another respondent highlighted the opportunities: “AI is growing fast, and our toolchain can be improved.”',
        'Maria Okafor runs the harbour office. She put it bluntly: “Nobody here remembers a longer strike.”',
        'The report’s conclusion is stark: “Half of the ports will close within a decade.”',
        'Example: “That was so funny I literally cried until the morning.”',
      ),
    ).quotes
    expect(quotes.map((q) => [q.speaker.kind, q.speaker.name ?? q.speaker.description])).toEqual([
      ['person', 'Rachel Stephens'],
      ['unnamed', 'another respondent'],
      ['person', 'Maria Okafor'],
      // a report is no speaker, nor a capitalised first word
      ['unknown', null],
      ['unknown', null],
    ])
  })

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

describe('attributeQuotes: cues', () => {
  it('"…," X said and "…," said X, with the fullest name for the speaker', () => {
    expect(
      who(
        'Maria Okafor runs the harbour office. “The cranes have been idle for a week,” Okafor said.',
        '“Nobody expected the strike to last,” said Tomasz Wierzbicki, a dock worker.',
      ),
    ).toEqual([
      ['The cranes have been idl', 'Maria Okafor'],
      ['Nobody expected the stri', 'Tomasz Wierzbicki'],
    ])
  })

  it('X said, “…” and X noted that “…”: the cue before the quotation', () => {
    expect(
      who(
        'Helen Marsh said, “We will reopen the library in spring.”',
        'Her deputy, Omar Haddad, noted that “the roof repairs are finished and paid for.”',
      ),
    ).toEqual([
      ['We will reopen the libra', 'Helen Marsh'],
      ['the roof repairs are fin', 'Omar Haddad'],
    ])
  })

  it('according to X, and X told a newspaper', () => {
    expect(
      who(
        'The river rose two metres overnight, “faster than any flood we have recorded,” according to Priya Raman of the water board.',
        '“We lost everything in the basement,” Jon Ekberg told the Courier.',
      ),
    ).toEqual([
      ['faster than any flood we', 'Priya Raman'],
      ['We lost everything in th', 'Jon Ekberg'],
    ])
  })

  it('resolves a pronoun to the nearest person named outside quotations whose gender fits', () => {
    expect(
      who(
        'Anna Keller met Paul Brandt at the station. “It was a long journey,” she said.',
        '“I waited an hour for the train,” he said.',
      ),
    ).toEqual([
      ['It was a long journey,', 'Anna Keller'],
      ['I waited an hour for the', 'Paul Brandt'],
    ])
  })

  it('"He continued": a pronoun before the quotation, past a name inside the previous one', () => {
    expect(
      who(
        '“I spoke to Maria Lopez yesterday about the plan,” Daniel Reyes said. He continued, “And the plan has not changed at all.”',
      ),
    ).toEqual([
      ['I spoke to Maria Lopez y', 'Daniel Reyes'],
      ['And the plan has not cha', 'Daniel Reyes'],
    ])
  })

  it('a surname cue goes to the person of that surname, not to another bearing the name first', () => {
    expect(
      who(
        'Park Chung-hee ruled for years. The historian Grace Park disagrees with that account.',
        '“Park built roads but silenced his critics,” Park said.',
      ),
    ).toEqual([['Park built roads but sil', 'Grace Park']])
  })

  it('carries a speaker to the next quotation: "A," he said. "B."', () => {
    expect(who('“The vote is tomorrow,” said Ruth Abara. “We think we have the numbers.”')).toEqual([
      ['The vote is tomorrow,', 'Ruth Abara'],
      ['We think we have the num', 'Ruth Abara'],
    ])
  })

  it('keeps a speaker across a paragraph that opens with their next quotation', () => {
    expect(
      who(
        '“Prices doubled in a year,” said Lena Vogt, an economist.',
        '“That kind of jump changes how families shop.” She has studied food prices since 2010.',
      ),
    ).toEqual([
      ['Prices doubled in a year', 'Lena Vogt'],
      ['That kind of jump change', 'Lena Vogt'],
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

  it('titles in cues are no part of the name: "Dr. Osei said" is Kofi Osei', () => {
    expect(
      who('Kofi Osei, a surgeon, has worked there for years. “We need more beds,” Dr. Osei said.'),
    ).toEqual([['We need more beds,', 'Kofi Osei']])
  })

  it('a pull quote signed by the next paragraph', () => {
    expect(
      who('"Cities are where the future of the climate will be decided."', 'Sofia Brandão, Ph.D.'),
    ).toEqual([['Cities are where the fut', 'Sofia Brandão']])
  })

  it('keeps the evidence: the cue words, their place and a confidence', () => {
    const text = '“The bridge is safe,” the engineer Ivo Petrov said.'
    const [quote] = attributeQuotes(sectionsOf(text)).quotes
    expect(quote!.cue.type).toBe('said-after')
    expect(text.slice(quote!.cue.place!.start, quote!.cue.place!.end)).toBe(quote!.cue.text)
    expect(quote!.cue.text).toContain('Ivo Petrov said')
    expect(quote!.confidence).toBeGreaterThan(0.9)
    expect(text.slice(quote!.place.start, quote!.place.end)).toBe('The bridge is safe,')
  })
})

describe('attributeQuotes: harder cues', () => {
  it('a question asked, an age appositive, a colon after the speaker', () => {
    expect(
      who(
        '“Where will the children go?” asked Nadia Suleiman, a teacher.',
        '“I have lived here all my life,” Carl Jensen, 72, said.',
        'Mayor Ines Duarte put it bluntly: “We cannot afford another winter like this one.”',
      ),
    ).toEqual([
      ['Where will the children ', 'Nadia Suleiman'],
      ['I have lived here all my', 'Carl Jensen'],
      ['We cannot afford another', 'Ines Duarte'],
    ])
  })

  it('a quotation that runs on into the next paragraph', () => {
    expect(
      who(
        'Rosa Lind, who led the survey, said: “We counted every nest on the island.',
        '“Half of them were empty, which we had never seen before.”',
      ),
    ).toEqual([
      ['We counted every nest on', 'Rosa Lind'],
      ['Half of them were empty,', 'Rosa Lind'],
    ])
  })

  it('a pronoun after another person was named switches to the one the gender fits', () => {
    expect(
      who(
        '“The results surprised us,” said Martin Kovac. His colleague Eva Horvath was less sure.',
        '“We need a second season of data before anyone can claim that,” she said.',
      ),
    ).toEqual([
      ['The results surprised us', 'Martin Kovac'],
      ['We need a second season ', 'Eva Horvath'],
    ])
  })
})

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

describe('attributeQuotes: roles, signatures, names after descriptions', () => {
  it('"the senator said" is the person named with that role', () => {
    expect(
      who(
        'Senator Dana Whitfield of Ohio opposed the bill. Jeffrey Moss, an economist at Yale, supported it.',
        '“This bill will not pass the Senate in its current form,” the senator said.',
        '“The numbers simply do not add up for the next decade,” the economist said.',
      ),
    ).toEqual([
      ['This bill will not pass ', 'Dana Whitfield'],
      ['The numbers simply do no', 'Jeffrey Moss'],
    ])
  })

  it('a description with no person of that role stays an unnamed source', () => {
    expect(who('“Nobody told us anything at all,” the neighbour said.')).toEqual([
      ['Nobody told us anything ', 'unnamed'],
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

  it('"In a statement, the company said:" is the organisation', () => {
    const [quote] = attributeQuotes(
      sectionsOf('In a statement, the company said: “We regret the error and are reviewing our checks.”'),
    ).quotes
    expect(quote!.speaker).toEqual({ kind: 'organization', name: null, description: 'the company' })
  })
})

describe('attributeQuotes: a quotation opening the paragraph after its speaker is introduced', () => {
  it('goes to the person the paragraph before named last', () => {
    expect(
      who(
        'The virus was first described in 2019. Dr. Amara Lee has studied it at the Kigali institute for years.',
        '“It behaves unlike anything we have seen before in this region.”',
      ),
    ).toEqual([['It behaves unlike anythi', 'Amara Lee']])
  })
})
