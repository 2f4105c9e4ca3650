import { describe, expect, it } from 'vitest'
import { lastOrdinal, paragraphsLabel } from './labels'

const sections = [
  { ordinal: 1, start: 0, end: 10 },
  { ordinal: 2, start: 12, end: 30 },
  { ordinal: 4, start: 32, end: 50 },
]

describe('paragraphsLabel', () => {
  it('names one paragraph, or the first and last of a run', () => {
    expect(paragraphsLabel(3)).toBe('¶3')
    expect(paragraphsLabel(3, 3)).toBe('¶3')
    expect(paragraphsLabel(3, 4)).toBe('¶3–4')
  })
})

describe('lastOrdinal', () => {
  it('is the section the passage ends in', () => {
    expect(lastOrdinal(sections, 5, 1)).toBe(1)
    expect(lastOrdinal(sections, 10, 1)).toBe(1) // ends exactly at ¶1's end
    expect(lastOrdinal(sections, 15, 1)).toBe(2)
    expect(lastOrdinal(sections, 40, 2)).toBe(4) // numbering skips a hidden ¶3
  })
  it('never names a ¶ before the first', () => {
    expect(lastOrdinal(sections, 0, 7)).toBe(7)
    expect(lastOrdinal([], 40, 2)).toBe(2)
  })
})
