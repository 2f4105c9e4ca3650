import { describe, expect, it } from 'vitest'
import { indexEntities } from './entities'
import { attributeQuotes } from './speakers'
import { sectionsOf } from './testing'

const index = (...paragraphs: string[]) => {
  const sections = sectionsOf(...paragraphs)
  return indexEntities(sections, attributeQuotes(sections))
}

describe('indexEntities', () => {
  it('merges a person’s names under the fullest and keeps each mention’s place', () => {
    const text = 'Senator Joan Alvarez arrived late. Alvarez spoke first. Ms. Alvarez left at noon.'
    const [joan] = index(text).filter((e) => e.kind === 'person')
    expect(joan!.name).toBe('Joan Alvarez')
    expect(joan!.aliases).toEqual(expect.arrayContaining(['Senator Joan Alvarez', 'Alvarez', 'Ms. Alvarez']))
    expect(joan!.mentions.map((m) => text.slice(m.place.start, m.place.end))).toEqual([
      'Senator Joan Alvarez',
      'Alvarez',
      'Ms. Alvarez',
    ])
  })

  it('resolves a shared name per mention: a speaker’s cue, never the speaker inside their own quotation', () => {
    const entities = index(
      'Xi Jinping visited the port. Later Xi met the mayor.',
      'The analyst Linda Xi was unimpressed. “Xi wants a show of strength,” Xi said.',
    )
    const mentions = (name: string) =>
      entities.find((e) => e.name === name)?.mentions.map((m) => m.place.ordinal)
    expect(mentions('Xi Jinping')).toEqual([1, 1, 2])
    expect(mentions('Linda Xi')).toEqual([2, 2])
  })

  it('tells organisations and places from people; a job title or "White House" is no person', () => {
    const entities = index(
      'The President spoke at the White House after a briefing by the CIA and the Center for Strategic Studies in Berlin. Anna Weber of the University of Vienna attended.',
    )
    const kinds = Object.fromEntries(entities.map((e) => [e.name, e.kind]))
    expect(kinds).toMatchObject({
      'White House': 'organization',
      CIA: 'organization',
      'Center for Strategic Studies': 'organization',
      'University of Vienna': 'organization',
      Berlin: 'place',
      'Anna Weber': 'person',
    })
    expect(kinds.President).toBeUndefined()
  })
})

describe('indexEntities: kinds from the words alone', () => {
  it('a degree is no name, a lone city is a place, an inner capital names a company', () => {
    const kinds = Object.fromEntries(
      index('Katie Allen, PhD, moved to Paris last year. She now works for GitLab.').map((e) => [
        e.name,
        e.kind,
      ]),
    )
    expect(kinds).toEqual({ 'Katie Allen': 'person', Paris: 'place', GitLab: 'organization' })
  })
})
