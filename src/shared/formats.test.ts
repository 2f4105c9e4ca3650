import { describe, expect, test } from 'vitest'
import { parseInput } from './dispatch'
import { httpUrl, isoDateLike, isoTimestamp, timestampProblem } from './formats'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

describe('isoTimestamp', () => {
  test.each([
    '2024-05-01T12:30:00.000Z',
    '2024-02-29T23:59:59.999999999+14:00',
    '2000-01-01T00:00-05:30',
    '1999-12-31T23:59:59Z',
  ])('accepts %s', (value) => {
    expect(timestampProblem(value)).toBeNull()
    expect(Number.isNaN(Date.parse(value))).toBe(false) // what the notebook JSON import compares with
  })

  test.each([
    ['blue', '"blue" must be an ISO 8601 date and time with a zone, like 2024-05-01T12:30:00.000Z'],
    [
      '2024-05-01',
      '"2024-05-01" must be an ISO 8601 date and time with a zone, like 2024-05-01T12:30:00.000Z',
    ],
    [
      '2024-05-01T12:00:00',
      '"2024-05-01T12:00:00" must be an ISO 8601 date and time with a zone, like 2024-05-01T12:30:00.000Z',
    ],
    ['2023-02-29T00:00:00Z', '"2023-02-29T00:00:00Z" has no day 29 in 2023-02'],
    ['1900-02-29T00:00:00Z', '"1900-02-29T00:00:00Z" has no day 29 in 1900-02'],
    ['2024-13-01T00:00:00Z', '"2024-13-01T00:00:00Z" has no month 13'],
    ['2024-05-01T24:00:00Z', '"2024-05-01T24:00:00Z" has a time of day that does not exist'],
    ['2024-05-01T12:00:00+25:00', '"2024-05-01T12:00:00+25:00" has a time zone offset that does not exist'],
  ])('refuses %s', (value, message) => {
    const result = isoTimestamp.safeParse(value)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toBe(message)
  })

  test('restoreTags refuses a createdAt that is no date, naming the field', () => {
    const snapshot = { id: 't1', name: 'people', color: null, createdAt: 'blue', excerptIds: [] }
    expect(refusal(() => parseInput('restoreTags', { snapshots: [snapshot] }))).toBe(
      'restoreTags: snapshots.0.createdAt: "blue" must be an ISO 8601 date and time with a zone, like 2024-05-01T12:30:00.000Z',
    )
  })
})

describe('isoDateLike (publishedAt)', () => {
  test.each(['2024-03-05', '2018-06-12 10:00', '2018-06-12T10:00:00+0000', '2024-05-02T10:00:00.000Z'])(
    'accepts %s',
    (value) => expect(isoDateLike.safeParse(value).success).toBe(true),
  )
  test.each(['June 12, 2018', 'blue', ''])('refuses %j', (value) =>
    expect(isoDateLike.safeParse(value).success).toBe(false),
  )
})

describe('httpUrl (sourceUrl)', () => {
  test.each(['https://example.com/ü?q=1#frag', 'http://localhost:8080/a'])('accepts %s', (value) =>
    expect(httpUrl.safeParse(value).success).toBe(true),
  )

  test.each([
    ['javascript:alert(1)', 'must be an http:// or https:// address, not javascript:'],
    ['data:text/html,<b>x</b>', 'must be an http:// or https:// address, not data:'],
    ['ftp://example.com/file', 'must be an http:// or https:// address, not ftp:'],
    ['example.com/page', '"example.com/page" is not a web address (http:// or https://)'],
  ])('importContent refuses %s', (sourceUrl, reason) => {
    expect(refusal(() => parseInput('importContent', { content: 'Some text.', sourceUrl }))).toBe(
      `importContent: sourceUrl: ${reason}`,
    )
  })
})
