/** A speaker for a quotation without a cue of its own (carry.ts). */
import { describe, expect, it } from 'vitest'
import { who } from './testing'

describe('attributeQuotes: carried speakers', () => {
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

  it('a pull quote signed by the next paragraph', () => {
    expect(
      who('"Cities are where the future of the climate will be decided."', 'Sofia Brandão, Ph.D.'),
    ).toEqual([['Cities are where the fut', 'Sofia Brandão']])
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
