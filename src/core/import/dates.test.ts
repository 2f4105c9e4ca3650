import { describe, expect, it } from 'vitest'
import { findDate, isDateline, leadingDate, stripDates } from './dates'

describe('dates in the page’s own words', () => {
  it.each([
    ['12 November 2024', '2024-11-12'],
    ['Sept. 25, 2018', '2018-09-25'],
    ['Sunday, Feb 1, 2015 11:57 AM UTC', '2015-02-01'],
    ['30 avril 2015 à 07:19', '2015-04-30'],
    ['21.dez.2018 às 12h55', '2018-12-21'],
    ['27. Juli 2017', '2017-07-27'],
    ['21 de diciembre de 2018', '2018-12-21'],
    ['2/26/2015 7:11 AM PST', '2015-02-26'],
    ['26/2/2015', '2015-02-26'],
    ['12.11.2024', '2024-11-12'],
    ['2024-11-12', '2024-11-12'],
  ])('%s is %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso)
  })

  it('tells a dateline from a sentence with a date in it', () => {
    for (const line of [
      '12 November 2024',
      'Published 12 November 2024',
      'Updated 1:39 PM ET',
      '2 hours ago',
      'Mis à jour le 30 avril 2015 à 07:19',
      'Veröffentlicht am 27. Juli 2017, 10:00 Uhr',
      'Actualizado el 21 de diciembre de 2018',
      'Sept. 25',
    ]) {
      expect(isDateline(line), line).toBe(true)
    }
    for (const line of [
      'The summit opens on 12 November 2024 in Geneva.',
      'Monday',
      'In 2019',
      'May 5 vote',
      'Le sommet aura lieu le 12 novembre 2024 à Genève.',
    ]) {
      expect(isDateline(line), line).toBe(false)
    }
  })

  it('takes dates and times out of bylines, and reads a leading dateline', () => {
    expect(stripDates('Jane Roe April 28, 2019 at 6:01 am Updated April 28, 2019 at 8:12 am')).toBe(
      'Jane Roe',
    )
    expect(stripDates('Steven Davidoff Solomon')).toBe('Steven Davidoff Solomon')
    expect(leadingDate('Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise.')).toBe(
      '2015-02-23',
    )
    expect(leadingDate('Life-threatening peanut allergies rose after Feb. 23, 2015.')).toBeNull()
  })
})
