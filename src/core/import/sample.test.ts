import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseArticle } from './index'

const SAMPLE_PATH = fileURLToPath(
  new URL('../../../resources/samples/trump-kim-diplomacy.txt', import.meta.url),
)

describe('the Trump–Kim sample (one paragraph per line, no blank lines)', () => {
  const bytes = readFileSync(SAMPLE_PATH)
  const article = parseArticle({ bytes, fileName: 'trump-kim-diplomacy.txt' })

  it('gives 11 paragraphs and the quarantined "Login" as section 12', () => {
    expect(article.format).toBe('text')
    expect(article.sections).toHaveLength(12)
    expect(article.sections.slice(0, 11).every((s) => s.kind === 'paragraph')).toBe(true)
    const last = article.sections[11]
    expect(last).toMatchObject({ kind: 'quarantined', text: 'Login' })
    expect(last?.quarantineReason).toMatch(/login/)
  })

  it('keeps paragraph 10 where it belongs', () => {
    expect(article.sections[9]?.text).toContain('Klingner')
    expect(article.sections[9]?.text.startsWith('There may be a strategic incentive')).toBe(true)
  })

  it('lays the sections out so every offset slices its own text', () => {
    for (const section of article.sections) {
      expect(article.text.slice(section.start, section.end)).toBe(section.text)
    }
    expect(article.text).toBe(article.sections.map((s) => s.text).join('\n\n'))
  })

  it('titles the article with its first sentence, typographic apostrophe kept, no final period', () => {
    expect(article.title).toBe('The story of Trump and Kim’s relationship began on a tense note')
    expect(article.text.startsWith('The story of Trump and Kim’s relationship began on a tense note.')).toBe(
      true,
    )
  })

  it('has no metadata a plain text file cannot carry', () => {
    expect(article).toMatchObject({ byline: null, publishedAt: null, sourceUrl: null, contentHtml: null })
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })
})
