import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { parseArticle } from '../import/index'
import { describeRange, locateQuote, reanchor } from './index'

const SAMPLE_PATH = fileURLToPath(
  new URL('../../../resources/samples/trump-kim-diplomacy.txt', import.meta.url),
)
const article = parseArticle({ bytes: readFileSync(SAMPLE_PATH), fileName: 'trump-kim-diplomacy.txt' })
const text = article.text
const SENTENCE = 'His camp has not responded to requests for comment on whether he plans to restart talks.'

function thrown(run: () => unknown): GlossError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    return error as GlossError
  }
  throw new Error('expected an error')
}

describe('describeRange and locateQuote on the sample', () => {
  const paragraph6 = article.sections[5]!
  const start = text.indexOf(SENTENCE)

  it('locates a sentence of paragraph 6 and describes it with its context', () => {
    expect(start).toBeGreaterThan(paragraph6.start)
    expect(locateQuote(text, { exact: SENTENCE })).toEqual({ start, end: start + SENTENCE.length })
    const selector = describeRange(text, start, start + SENTENCE.length)
    expect(selector.exact).toBe(SENTENCE)
    expect(selector.prefix).toBe(text.slice(start - 32, start))
    expect(selector.prefix.endsWith('re-engage with Kim? ')).toBe(true)
    expect(selector.suffix).toBe(text.slice(start + SENTENCE.length, start + SENTENCE.length + 32))
    expect(selector.suffix.startsWith(' However, observers in Seoul')).toBe(true)
  })

  it('clips context at the edges of the text', () => {
    expect(describeRange(text, 0, 9)).toMatchObject({ exact: 'The story', prefix: '' })
    expect(describeRange(text, text.length - 5, text.length)).toMatchObject({ exact: 'Login', suffix: '' })
  })

  it('rejects ranges outside the text', () => {
    expect(thrown(() => describeRange(text, -1, 4)).code).toBe('invalid_input')
    expect(thrown(() => describeRange(text, 5, 5)).code).toBe('invalid_input')
    expect(thrown(() => describeRange(text, 0, text.length + 1)).code).toBe('invalid_input')
  })

  it('refuses an ambiguous quote and resolves it with a prefix, a suffix or a hint', () => {
    const error = thrown(() => locateQuote(text, { exact: 'Trump' }))
    const count = text.split('Trump').length - 1
    expect(error.code).toBe('quote_ambiguous')
    expect(error.message).toBe(
      `The quote “Trump” occurs ${count} times in this article; give more context (prefix/suffix) or a position.`,
    )
    const target = text.indexOf('will Trump seek') + 'will '.length
    expect(locateQuote(text, { exact: 'Trump', prefix: 'the question remains: will ' }).start).toBe(target)
    expect(locateQuote(text, { exact: 'Trump', suffix: ' seek to re-engage' }).start).toBe(target)
    expect(locateQuote(text, { exact: 'Trump', hint: target + 3 }).start).toBe(target)
  })

  it('reports a missing quote with its first 60 characters', () => {
    const missing = 'This sentence does not appear anywhere in the article at all, not even once.'
    const error = thrown(() => locateQuote(text, { exact: missing }))
    expect(error.code).toBe('quote_not_found')
    expect(error.message).toContain(`“${missing.slice(0, 60)}…”`)
  })

  it('matches across whitespace and quote-style differences, mapped to original offsets', () => {
    const straight = "The story of Trump and Kim's   relationship"
    const range = locateQuote(text, { exact: straight })
    expect(text.slice(range.start, range.end)).toBe('The story of Trump and Kim’s relationship')
    const quoted = locateQuote(text, { exact: '“We would’ve had a nuclear war' })
    expect(text.slice(quoted.start, quoted.end)).toBe('"We would’ve had a nuclear war')
  })
})

describe('reanchor after the article text changed', () => {
  const start = text.indexOf(SENTENCE)
  const selector = describeRange(text, start, start + SENTENCE.length)

  it('keeps a quote whose position still matches', () => {
    expect(reanchor(text, selector)).toEqual({ start, end: selector.end, status: 'anchored' })
  })

  it('follows the quote when text is inserted before it', () => {
    const inserted = 'An editor added this paragraph at the top.\n\n'
    const moved = reanchor(inserted + text, selector)
    expect(moved).toEqual({
      start: start + inserted.length,
      end: selector.end + inserted.length,
      status: 'anchored',
    })
  })

  it('chooses among several exact copies by context, then by nearness', () => {
    const trump = text.indexOf('will Trump seek') + 'will '.length
    const word = describeRange(text, trump, trump + 'Trump'.length)
    const edited = `Trump. ${text}`
    expect(reanchor(edited, word)).toMatchObject({ start: trump + 7, status: 'anchored' })
  })

  it('finds the quote fuzzily after a typo inside it', () => {
    const typo = text.replace('has not responded to requests', 'has not respnded to requets')
    const found = reanchor(typo, selector)
    expect(found.status).toBe('fuzzy')
    expect(Math.abs(found.start - start)).toBeLessThanOrEqual(1)
    expect(typo.slice(found.start, found.end)).toContain('respnded to requets for comment')
  })

  it('orphans the quote once it is deleted, keeping the old offsets', () => {
    const deleted = text.replace(SENTENCE, '')
    expect(reanchor(deleted, selector)).toEqual({ start, end: selector.end, status: 'orphaned' })
  })
})
