/** A cue's speaker resolved: the fullest name, a pronoun's person, a role's holder (people.ts). */
import { describe, expect, it } from 'vitest'
import { who } from './testing'

describe('attributeQuotes: names', () => {
  it('a surname cue goes to the person of that surname, not to another bearing the name first', () => {
    expect(
      who(
        'Park Chung-hee ruled for years. The historian Grace Park disagrees with that account.',
        '“Park built roads but silenced his critics,” Park said.',
      ),
    ).toEqual([['Park built roads but sil', 'Grace Park']])
  })

  it('titles in cues are no part of the name: "Dr. Osei said" is Kofi Osei', () => {
    expect(
      who('Kofi Osei, a surgeon, has worked there for years. “We need more beds,” Dr. Osei said.'),
    ).toEqual([['We need more beds,', 'Kofi Osei']])
  })
})

describe('attributeQuotes: pronouns', () => {
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

describe('attributeQuotes: roles', () => {
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
})
