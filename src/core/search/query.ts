import { GlossError } from '../../shared/errors'

/**
 * Turns what a person types into a safe FTS5 query. Supported: words (AND),
 * "phrases", prefix*, -exclusions, OR between terms. Everything else is quoted,
 * so no input can raise an FTS5 syntax error. Returns null for a query with
 * nothing to look for (empty, or only punctuation).
 */
export function toFtsQuery(input: string): string | null {
  const tokens = tokenize(searchableText(input))
  const groups: string[][] = [] // AND of OR-groups
  const excluded: string[] = []
  let joinNext = false
  for (const token of tokens) {
    if (token.kind === 'or') {
      joinNext = groups.length > 0
      continue
    }
    const term = ftsTerm(token.text, token.prefix)
    if (!term) continue
    if (token.negated) excluded.push(term)
    else if (joinNext) groups[groups.length - 1]!.push(term)
    else groups.push([term])
    joinNext = false
  }
  if (groups.length === 0) {
    if (excluded.length > 0) {
      throw new GlossError(
        'invalid_input',
        'The search only excludes words (with “-”); add a word to look for.',
        'query',
      )
    }
    return null
  }
  const positive = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0])).join(' AND ')
  return excluded.reduce(
    (q, term) => `${q} NOT ${term}`,
    groups.length > 1 || groups[0]!.length > 1 ? `(${positive})` : positive,
  )
}

/**
 * The query without what FTS5 cannot take: control characters (SQLite ends a string at U+0000,
 * so "a\u0000b" was an "unterminated string" error) and lone surrogates (not UTF-8 at all).
 * Each becomes a space, so the words either side stay two words; then NFC, as text is indexed.
 */
export function searchableText(input: string): string {
  return input.replace(/[\p{Cc}\p{Cs}]/gu, ' ').normalize('NFC')
}

interface Token {
  kind: 'term' | 'or'
  text: string
  negated: boolean
  prefix: boolean
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++
      continue
    }
    let negated = false
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true
      i++
    }
    if (input[i] === '"' || input[i] === '“' || input[i] === '”') {
      // a phrase; a stray opening quote runs to the end of the input
      const close = input.slice(i + 1).search(/["“”]/)
      const end = close === -1 ? input.length : i + 1 + close
      tokens.push({ kind: 'term', text: input.slice(i + 1, end), negated, prefix: false })
      i = end + 1
      continue
    }
    const match = /^[^\s"“”]+/.exec(input.slice(i))!
    const word = match[0]
    i += word.length
    if (word === 'OR' && !negated) tokens.push({ kind: 'or', text: word, negated, prefix: false })
    else
      tokens.push({
        kind: 'term',
        text: word.replace(/\*+$/, ''),
        negated,
        prefix: /\w\*+$/u.test(word) || /\p{L}\*+$/u.test(word),
      })
  }
  return tokens
}

/** A quoted FTS5 string, or null if the text has nothing the tokenizer would index. */
function ftsTerm(text: string, prefix: boolean): string | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return null
  const quoted = `"${text.replace(/"/g, '""')}"`
  return prefix ? `${quoted}*` : quoted
}
