/** The cue words around a quotation, sentence by sentence (cues.ts). */
import { describe, expect, it } from 'vitest'
import { attributeQuotes } from '.'
import { sectionsOf } from '../testing'
import { who } from './testing'

describe('attributeQuotes: a verb’s cue, before or after the quotation', () => {
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

describe('attributeQuotes: a sentence ending in a colon', () => {
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
})
