import { describe, expect, it } from 'vitest'
import { parseText } from './index'
import { chooseTitle, firstSentence, shortenAtWord } from './title'

describe('titles', () => {
  it('does not end the first sentence at abbreviations or initials', () => {
    expect(firstSentence('Talks with the U.S. resumed today. More later.')).toBe(
      'Talks with the U.S. resumed today',
    )
    expect(firstSentence('Dr. Kim and J. Smith met in Seoul. Then they left.')).toBe(
      'Dr. Kim and J. Smith met in Seoul',
    )
    expect(firstSentence('Version 2.5 shipped. Then 2.6.')).toBe('Version 2.5 shipped')
    expect(firstSentence('Was it war? Nobody knew.')).toBe('Was it war?')
    expect(firstSentence('“Never,” he said. “Not again.”')).toBe('“Never,” he said')
  })

  it('shortens long sentences at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(40).trim()
    const short = shortenAtWord(long)
    expect(short.length).toBeLessThanOrEqual(80)
    expect(short.endsWith('word…')).toBe(true)
  })

  it('prefers metadata, then the first heading, then the first real paragraph', () => {
    const drafts = [
      { kind: 'quarantined' as const, text: 'Menu' },
      { kind: 'paragraph' as const, text: 'Body first. Body second.' },
    ]
    expect(chooseTitle('Meta Title', drafts, 'x')).toBe('Meta Title')
    expect(chooseTitle(null, drafts, 'x')).toBe('Body first')
    expect(chooseTitle(null, [...drafts, { kind: 'heading', level: 2, text: 'A heading' }], 'x')).toBe(
      'A heading',
    )
    expect(chooseTitle(null, [], 'fallback')).toBe('fallback')
  })

  it('never makes the title a section of a plain text', () => {
    const article = parseText('Opening line. More text here.\nSecond paragraph.')
    expect(article.title).toBe('Opening line')
    expect(article.sections[0]?.text).toBe('Opening line. More text here.')
  })
})
