import { describe, expect, it } from 'vitest'
import { cleanByline, cleanName, fullerName } from './byline'

describe('bylines of names only', () => {
  const cases: Array<[string, string | null]> = [
    ['By Jane Roe', 'Jane Roe'],
    ['BY GILLIAN MOHNEY', 'Gillian Mohney'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['Von Hans Müller', 'Hans Müller'],
    ['Por Juan Pérez y María López', 'Juan Pérez, María López'],
    ['By Choe Sang-Hun and Jane O’Neil', 'Choe Sang-Hun, Jane O’Neil'],
    ['Posted by Alon Zakai.', 'Alon Zakai'],
    // dates and times
    ['Sunday, Feb 1, 2015 11:57 AM UTC', null],
    ['Jane Roe Sunday, Feb 1, 2015 11:57 AM UTC', 'Jane Roe'],
    ['By Jane Roe April 28, 2019 at 6:01 am Updated April 28, 2019 at 8:12 am', 'Jane Roe'],
    ['Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC', 'Joe Wee'],
    ['By Nathan Willis March 25, 2015', 'Nathan Willis'],
    ['Aleš Vávra před 2 hodinami', 'Aleš Vávra'],
    ['Alex Perry 1 day ago', 'Alex Perry'],
    // glued text: a name, a date and a comment count
    ['Lucas Nolan22 Dec 2016651', 'Lucas Nolan'],
    // roles, employers, credentials
    [
      'Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project',
      'Daniel Kahn Gillmor',
    ],
    ['By Brenda Goodman, MA WebMD Health News', 'Brenda Goodman'],
    ['By Kelli Miller WebMD Health News', 'Kelli Miller'],
    ['Ben Silverman Games Editor', 'Ben Silverman'],
    ['Jane Roe, Washington correspondent', 'Jane Roe'],
    ['Ann Reporter', 'Ann Reporter'],
    ['Brian Smith, MD', 'Brian Smith'],
    ['Jane Roe @janeroe', 'Jane Roe'],
    ['By Jane Roe and John Doe, The New York Times', 'Jane Roe, John Doe'],
    ['Jane Roe (Reuters)', 'Jane Roe'],
    // nobody
    ['TMZ Staff', null],
    ['Contributors to Wikimedia projects', null],
    ['Mac & i', null],
    ['Last Updated: January 7, 2025', null],
    ['個人', null],
    ['https://www.example.com/author/jane', null],
    ['AFP', 'AFP'],
  ]
  it.each(cases)('%s → %s', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected)
  })

  it('allows a one-word name only from a source that says it is a person', () => {
    expect(cleanByline('Rarst')).toBeNull()
    expect(cleanByline('Rarst', { single: true })).toBe('Rarst')
  })

  it('tidies a name and refuses words that are not names', () => {
    expect(cleanName('Bruno (Henrique Zecchin) Rodrigues')).toBe('Bruno (Henrique Zecchin) Rodrigues')
    expect(cleanName('Ludwig van Beethoven')).toBe('Ludwig van Beethoven')
    expect(cleanName('the committee')).toBeNull()
    expect(cleanName('Jane Roe 2019')).toBeNull()
  })

  it('finds the full name a username stands for', () => {
    const names = ['Nicole Lee', 'Devindra Hardawar']
    expect(fullerName('devindra', names)).toBe('Devindra Hardawar')
    expect(fullerName('devindrahardawar', names)).toBe('Devindra Hardawar')
    expect(fullerName('someone', names)).toBeNull()
  })
})
