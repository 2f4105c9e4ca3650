/**
 * Value formats shared by the contract and the notebook document import, so a value the
 * contract accepts is always one the notebook's own export can bring back.
 */
import { z } from 'zod'

// YYYY-MM-DDTHH:MM[:SS[.fraction]] with a zone (Z or ±HH:MM): ISO 8601 as toISOString writes it
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/
// what the importer keeps as a publication date (src/core/import/metadata.ts, ISO_LIKE): date, time and zone optional
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/** Why `value` is not an ISO 8601 timestamp, or null when it is one. */
export function timestampProblem(value: string): string | null {
  const m = TIMESTAMP.exec(value)
  if (!m) return 'must be an ISO 8601 date and time with a zone, like 2024-05-01T12:30:00.000Z'
  const [year, month, day, hour, minute, second = '0', , zoneHour = '0', zoneMinute = '0'] = m.slice(1)
  const n = Number
  if (n(month) < 1 || n(month) > 12) return `has no month ${month}`
  if (n(day) < 1 || n(day) > daysIn(n(year), n(month))) return `has no day ${day} in ${year}-${month}`
  if (n(hour) > 23 || n(minute) > 59 || n(second) > 59) return 'has a time of day that does not exist'
  if (n(zoneHour) > 23 || n(zoneMinute) > 59) return 'has a time zone offset that does not exist'
  return null
}

/** createdAt, updatedAt, deletedAt…: an ISO 8601 timestamp (the calendar is checked too). */
export const isoTimestamp = z.string().superRefine((value, ctx) => {
  const problem = timestampProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(clip(value))} ${problem}` })
})

/** publishedAt: a date as the importer keeps it (date only, or with a time and zone). */
export const isoDateLike = z
  .string()
  .regex(DATE_LIKE, 'must be an ISO 8601 date like 2024-05-01 or 2024-05-01T12:30:00Z')

/** true for an absolute http: or https: address */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** sourceUrl: only http(s); a javascript: or data: address would reach BibTeX, CSL-JSON and links. */
export const httpUrl = z
  .string()
  .max(8192, 'sourceUrl is longer than 8192 characters')
  .superRefine((value, ctx) => {
    if (isHttpUrl(value)) return
    let scheme: string | null = null
    try {
      scheme = new URL(value).protocol
    } catch {
      // not a URL at all
    }
    ctx.addIssue({
      code: 'custom',
      message: scheme
        ? `must be an http:// or https:// address, not ${scheme}`
        : `${JSON.stringify(clip(value))} is not a web address (http:// or https://)`,
    })
  })

/** A tag name: "people/Kim Jong Un", levels split by "/", none of them blank. */
export const tagName = z
  .string()
  .trim()
  .min(1, 'tag name is empty')
  .max(200, 'tag name is longer than 200 characters')
  .refine(
    (name) => !name.split('/').some((part) => part.trim() === ''),
    'tag name has an empty level between slashes',
  )

/** A tag's color, or null for none. */
export const tagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'tag color must look like #a1b2c3')
  .nullable()

const clip = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value)
