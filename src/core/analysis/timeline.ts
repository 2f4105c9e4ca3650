/**
 * Dated events: every date the article's sentences give, absolute or relative ("last month",
 * "This year", "In December"), resolved by chrono-node against the article's published date, or
 * against its import date flagged as a guess when it has none. Bare years ("between 2018 and
 * 2019") are added; "today" and "now" meaning nowadays, and month names that are words ("march
 * towards"), are not events.
 */
import * as chrono from 'chrono-node'
import type { AnalysisInput, TimelineEvent } from './types'

const NOWADAYS = /^(?:today|now|nowadays|currently|these days|right now)$/i
const MONTH_WORD = /^(?:march|may|august)$/

function referenceDate(input: AnalysisInput): { date: Date; guessed: boolean } {
  const published = input.publishedAt ? new Date(input.publishedAt) : null
  if (published && !Number.isNaN(published.getTime())) return { date: published, guessed: false }
  return { date: new Date(input.importedAt), guessed: true }
}

const pad = (n: number) => String(n).padStart(2, '0')

function isoOf(component: chrono.ParsedComponents): string | null {
  const year = component.get('year')
  const month = component.get('month')
  const day = component.get('day')
  if (year === null) return null
  if (component.isCertain('day') || component.isCertain('weekday'))
    return `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`
  if (component.isCertain('month')) return `${year}-${pad(month ?? 1)}`
  if (component.isCertain('year') || component.isCertain('month')) return String(year)
  return null
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start)
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '))
  const rest = text.slice(end)
  const stop = rest.search(/[.?!](?:\s|$)/)
  return text.slice(from < 0 ? 0 : from + 2, stop < 0 ? text.length : end + stop + 1).trim()
}

export function datedEvents(input: AnalysisInput): TimelineEvent[] {
  const reference = referenceDate(input)
  const events: TimelineEvent[] = []
  for (const section of input.sections) {
    const taken: Array<[number, number]> = []
    // a guess only when the words leave the year to the reference date ("last month", not "2018")
    const push = (text: string, index: number, date: string, relative: boolean) => {
      const place = {
        start: section.start + index,
        end: section.start + index + text.length,
        ordinal: section.ordinal,
      }
      events.push({
        text,
        date,
        guessed: reference.guessed && relative,
        place,
        sentence: sentenceAround(section.text, index, index + text.length),
      })
      taken.push([index, index + text.length])
    }
    for (const result of chrono.parse(section.text, reference.date)) {
      const words = result.text.replace(/[,.;:]+$/, '')
      // "for a week" is a duration, not a date
      if (NOWADAYS.test(words) || MONTH_WORD.test(words) || /^(?:for|over|within)\s/i.test(words)) continue
      const date = isoOf(result.start)
      if (date) push(words, result.index, date, !/\b\d{4}\b/.test(words))
    }
    for (const m of section.text.matchAll(/\b(1[6-9]\d\d|20\d\d)\b/g)) {
      if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue
      // "2,000" or an address number is no year: a year stands alone or after a date word
      if (
        /[\d,.$]/.test(section.text[m.index - 1] ?? '') ||
        /^[,.]\d/.test(section.text.slice(m.index + 4, m.index + 6))
      )
        continue
      push(m[0], m.index, m[0], false)
    }
  }
  return events.sort((a, b) => a.place.start - b.place.start)
}
