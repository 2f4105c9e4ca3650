import { describe, expect, it } from 'vitest'
import { findQuotedSpans, isTitleCase, judgeSpan } from './quotes'

const texts = (p: string) => findQuotedSpans(p).map((s) => [s.text, s.nested, s.open])

describe('findQuotedSpans', () => {
  it('finds typographic and straight quotation marks, mixed in one paragraph', () => {
    expect(texts('“One two three,” she said. "Four five six."')).toEqual([
      ['One two three,', false, false],
      ['Four five six.', false, false],
    ])
  })

  it('runs an unclosed quotation to the paragraph end, and a new opening mark ends the one before', () => {
    expect(texts('He said: “We start at dawn.  ')).toEqual([['We start at dawn.', false, true]])
    expect(texts('“First part “Second part.”')).toEqual([
      ['First part', false, true],
      ['Second part.', false, false],
    ])
  })

  it('finds ‘nested’ quotations only inside double marks, and takes apostrophes for what they are', () => {
    expect(texts('“He would say, ‘Let’s try this.’ every day,” she said. The team’s ‘plan’ failed.')).toEqual(
      [
        ['He would say, ‘Let’s try this.’ every day,', false, false],
        ['Let’s try this.', true, false],
      ],
    )
  })
})

describe('judgeSpan', () => {
  const span = (text: string) => ({ start: 0, end: text.length, text, nested: false, open: false })
  const alone = { cued: false, besideQuotation: false }
  it('refuses one- or two-word fragments even with a cue', () => {
    expect(judgeSpan(span('stunned'), '', { cued: true, besideQuotation: false })).toBe('short')
    expect(judgeSpan(span('good relationship'), '', alone)).toBe('short')
  })
  it('refuses titles and terms', () => {
    expect(judgeSpan(span('Deterministic Nonperiodic Flow.'), 'a paper titled ', alone)).toBe('title')
    expect(judgeSpan(span('the father of chaos,'), 'Lorenz, ', alone)).toBe('term')
    expect(isTitleCase('The Art of War')).toBe(true)
    expect(isTitleCase('The art of war')).toBe(false)
  })
  it('keeps a cued phrase, a long quotation and a sentence beside other quotations', () => {
    expect(judgeSpan(span('single leading factor'), 'the ', { cued: true, besideQuotation: false })).toBe(
      'quotation',
    )
    expect(judgeSpan(span('We have never seen anything like it.'), '', alone)).toBe('quotation')
    expect(judgeSpan(span('That party is ending.'), '', { cued: false, besideQuotation: true })).toBe(
      'quotation',
    )
    expect(judgeSpan(span('That party is ending.'), '', alone)).toBe('term')
  })
})
