import type { TextRange } from './types'

export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let n = 0
  while (n < max && a[n] === b[n]) n++
  return n
}

export function commonSuffixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let n = 0
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

/** How many characters of the expected prefix and suffix actually surround a match. */
export function contextScore(text: string, range: TextRange, prefix = '', suffix = ''): number {
  const before = text.slice(Math.max(0, range.start - prefix.length), range.start)
  const after = text.slice(range.end, range.end + suffix.length)
  return commonSuffixLength(prefix, before) + commonPrefixLength(suffix, after)
}

/** Keep only the items with the best (highest) score; the order of the input is kept. */
export function best<T>(items: T[], score: (item: T) => number): T[] {
  let top = -Infinity
  let winners: T[] = []
  for (const item of items) {
    const s = score(item)
    if (s > top) {
      top = s
      winners = [item]
    } else if (s === top) winners.push(item)
  }
  return winners
}

/** Every start offset of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): TextRange[] {
  const found: TextRange[] = []
  if (needle === '') return found
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    found.push({ start: i, end: i + needle.length })
  }
  return found
}
