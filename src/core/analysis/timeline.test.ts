import { describe, expect, it } from 'vitest'
import { sectionsOf } from './testing'
import { datedEvents } from './timeline'

const events = (publishedAt: string | null, ...paragraphs: string[]) =>
  datedEvents({ sections: sectionsOf(...paragraphs), publishedAt, importedAt: '2026-03-10T09:00:00Z' }).map(
    (e) => [e.text, e.date, e.guessed],
  )

describe('datedEvents', () => {
  it('resolves relative dates against the published date', () => {
    expect(
      events('2024-06-15', 'The plant closed last month. It reopens on July 2. This year has been hard.'),
    ).toEqual([
      ['last month', '2024-05', false],
      ['July 2', '2024-07-02', false],
      ['This year', '2024', false],
    ])
  })

  it('flags dates resolved against the import date as guesses when the article has no date', () => {
    expect(events(null, 'The vote was held last month.')).toEqual([['last month', '2026-02', true]])
  })

  it('adds bare years and leaves out "today" meaning nowadays, months that are verbs and numbers', () => {
    expect(
      events(
        '2024-06-15',
        'Between 2018 and 2019 they met twice. Today the region is different; protesters march on. It cost $2019 and 1,2019 units.',
      ),
    ).toEqual([
      ['2018', '2018', false],
      ['2019', '2019', false],
    ])
  })

  it('links each event to its sentence and place', () => {
    const text = 'Nothing happened. In December, the talks stalled.'
    const [event] = datedEvents({
      sections: sectionsOf(text),
      publishedAt: '2025-01-20',
      importedAt: '2026-01-01',
    })
    expect(event!.sentence).toBe('In December, the talks stalled.')
    expect(text.slice(event!.place.start, event!.place.end)).toBe('December')
    expect(event!.date).toBe('2024-12')
  })
})
