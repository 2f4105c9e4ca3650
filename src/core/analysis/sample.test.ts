import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyzeArticle, warmUp } from './index'
import { sectionsOf } from './testing'

const sample = readFileSync(
  fileURLToPath(new URL('../../../resources/samples/trump-kim-diplomacy.txt', import.meta.url)),
  'utf8',
)
const analysis = analyzeArticle({
  sections: sectionsOf(...sample.split('\n')),
  publishedAt: '2025-01-20',
  importedAt: '2026-12-01T10:00:00Z',
})

describe('the sample article', () => {
  it('has its seven direct quotations with the right speakers, traps included', () => {
    const got = analysis.quotes.map((q) => [
      q.place.ordinal,
      q.text.split(' ').slice(0, 4).join(' '),
      q.speaker.kind,
      q.speaker.name ?? q.speaker.description,
    ])
    expect(got).toEqual([
      [2, 'We would’ve had a', 'person', 'Trump'],
      // "He continued" is Trump
      [2, 'And when I was', 'person', 'Trump'],
      [6, 'Trump feels that his', 'person', 'Ramon Pacheco Pardo'],
      [6, "Plus, Trump's summits with", 'person', 'Ramon Pacheco Pardo'],
      // a source, not a name
      [
        7,
        'President Trump faces a',
        'unnamed',
        'a former Trump administration official, who requested anonymity',
      ],
      // "Kim said" is Duyeon Kim, not Kim Jong Un
      [8, 'Kim has made it', 'person', 'Duyeon Kim'],
      [10, 'Kim could pitch a', 'person', 'Bruce Klingner'],
    ])
  })

  it('refuses the scare quotes (“good relationship”, ‘solved’)', () => {
    expect(analysis.quotes.some((q) => /good relationship|^solved$/.test(q.text))).toBe(false)
  })

  it('indexes people with merged aliases, "Kim" resolved per mention, organisations no person', () => {
    const person = (name: string) => analysis.entities.find((e) => e.kind === 'person' && e.name === name)
    expect(person('Trump')!.aliases).toContain('President Trump')
    expect(person('Kim Jong Un')!.mentions.length).toBeGreaterThan(5)
    // Duyeon Kim: her full name and the "Kim said" cue; "Kim" inside her own quotation is Kim Jong Un
    expect(person('Duyeon Kim')!.mentions.map((m) => m.text)).toEqual(['Duyeon Kim', 'Kim'])
    const byKind = (kind: string) => analysis.entities.filter((e) => e.kind === kind).map((e) => e.name)
    expect(byKind('organization')).toEqual(
      expect.arrayContaining([
        'CIA',
        'Center for a New American Security',
        'Fox News',
        'King’s College London',
      ]),
    )
    for (const notPerson of ['White House', 'Oval Office', 'President', 'Center for a New American Security'])
      expect(byKind('person')).not.toContain(notPerson)
  })

  it('dates its events against the published date; "today" is no event', () => {
    const events = analysis.events.map((e) => [e.text, e.date, e.guessed])
    expect(events).toEqual(
      expect.arrayContaining([
        ['2018', '2018', false],
        ['last month', '2024-12', false],
        ['This year', '2025', false],
        ['December', '2024-12', false],
      ]),
    )
    expect(events.some(([text]) => text === 'today')).toBe(false)
    const december = analysis.events.find((e) => e.text === 'December')!
    expect(december.sentence).toMatch(/^In December, Trump denied reports/)
    expect(sample.slice(december.place.start, december.place.end)).toBe('December')
  })

  it('finds in the sample repeated 20 times each of its quotations 20 times, with the same speaker', () => {
    const text = Array(20).fill(sample.trimEnd()).join('\n')
    const long = analyzeArticle({
      sections: sectionsOf(...text.split('\n')),
      publishedAt: '2025-01-20',
      importedAt: '2026-12-01T10:00:00Z',
    })
    const who = (q: (typeof analysis.quotes)[number]) => [
      q.text,
      q.speaker.kind,
      q.speaker.name ?? q.speaker.description,
    ]
    expect(analysis.quotes.length).toBe(7)
    expect(long.quotes.map(who)).toEqual(Array(20).fill(analysis.quotes.map(who)).flat())
  })

  it('takes under 200 ms once the language libraries are loaded (the best of three, on a shared machine)', () => {
    warmUp()
    const times = [0, 1, 2].map(() => {
      const t = performance.now()
      analyzeArticle({
        sections: sectionsOf(...sample.split('\n')),
        publishedAt: null,
        importedAt: '2026-12-01',
      })
      return performance.now() - t
    })
    expect(Math.min(...times)).toBeLessThan(200)
  })
})
