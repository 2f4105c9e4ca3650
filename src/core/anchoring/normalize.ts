/**
 * One normalized copy of a text, built once per version and searched by every quote: curly and
 * straight quotes alike, every dash alike (with the spaces around it), whitespace runs one
 * space; each normalized character remembers the original range it stands for. Rebuilding this
 * per quote was 78% of re-anchoring a long article.
 */

/** ‘ ’ ‚ ‛ ′ ` and ' */
const SINGLE = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x60, 0x27]
/** “ ” „ ‟ ″ « » and " */
const DOUBLE = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb, 0x22]
/** ‐ ‑ ‒ – — ― − and - */
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2d]
const SPACE = 0x20
const DASH = 0x2d
/** In FOLD: the character is whitespace. */
const WHITE = 0

/** What JavaScript's \s matches, by char code. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** Each UTF-16 unit's normalized form: itself, ' " or -, or WHITE (one table lookup per character). */
const FOLD = (() => {
  const table = new Uint16Array(0x10000)
  for (let c = 0; c < table.length; c++) table[c] = isSpaceCode(c) ? WHITE : c
  for (const c of SINGLE) table[c] = 0x27
  for (const c of DOUBLE) table[c] = 0x22
  for (const c of DASHES) table[c] = DASH
  return table
})()

export interface NormalizedText {
  /** the original text */
  text: string
  /** the normalized copy */
  folded: string
  /**
   * where each normalized character begins in the original (and the original's length last):
   * normalized character i stands for [starts[i], starts[i + 1]), every original character in one
   */
  starts: Int32Array
}

const UTF16 = new TextDecoder('utf-16le')
/** a surrogate (an emoji's half, or a lone one the decoder would replace): then the copy is made unit by unit */
const SURROGATE = /[\uD800-\uDFFF]/

/** The string of these UTF-16 code units; `exact` when they may hold a lone surrogate (the decoder would replace it). */
function fromCodes(codes: Uint16Array, exact: boolean): string {
  if (!exact) return UTF16.decode(codes)
  let out = ''
  for (let j = 0; j < codes.length; j += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(j, j + 8192) as unknown as number[])
  return out
}

/** The normalized copy of `text` with its map back to the original offsets. */
export function normalizeText(text: string): NormalizedText {
  const n = text.length
  const codes = new Uint16Array(n)
  const starts = new Int32Array(n + 1)
  let k = 0
  let spaceFrom = -1 // whitespace waiting to see whether a dash follows (then the dash takes it)
  for (let i = 0; i < n;) {
    const c = FOLD[text.charCodeAt(i)]!
    if (c === WHITE) {
      let j = i + 1
      while (j < n && FOLD[text.charCodeAt(j)] === WHITE) j++
      if (k > 0 && codes[k - 1] === DASH) {
        // "a — b": the dash stands for " — " (it already covers up to the next character)
      } else if (j < n && FOLD[text.charCodeAt(j)] === DASH) {
        spaceFrom = i
      } else {
        codes[k] = SPACE
        starts[k] = i
        k++
      }
      i = j
      continue
    }
    codes[k] = c
    starts[k] = spaceFrom >= 0 ? spaceFrom : i
    spaceFrom = -1
    k++
    i++
  }
  starts[k] = n
  return {
    text,
    folded: fromCodes(codes.subarray(0, k), SURROGATE.test(text)),
    starts: starts.subarray(0, k + 1),
  }
}

/** A quote normalized the same way, without leading or trailing whitespace. */
export function normalizeQuote(quote: string): string {
  return normalizeText(quote.trim()).folded.trim()
}

/** The normalized character that covers original offset `offset` (the count of them at the end). */
export function foldedAt(n: NormalizedText, offset: number): number {
  const last = n.starts.length - 1
  if (offset >= n.text.length) return last
  let lo = 0
  let hi = last - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (n.starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The normalized index where original offset `start` begins. */
export const foldedStart = (n: NormalizedText, start: number): number => foldedAt(n, start)

/** The normalized index just past original offset `end` (exclusive). */
export const foldedEnd = (n: NormalizedText, end: number): number => (end <= 0 ? 0 : foldedAt(n, end - 1) + 1)

/** The original range of normalized [from, to). */
export function originalRange(n: NormalizedText, from: number, to: number): { start: number; end: number } {
  return { start: n.starts[from]!, end: n.starts[to]! }
}

/** Equal once normalized: differences only of quote style, dashes or whitespace. */
export function sameWords(a: string, b: string): boolean {
  return a === b || normalizeQuote(a) === normalizeQuote(b)
}
