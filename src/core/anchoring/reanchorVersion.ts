/**
 * Every excerpt of an article, found again in its new version at once. The normalized copy of
 * each text is built once (normalize.ts) and the sections are mapped first (sectionMap.ts);
 * then each quote is looked for
 *
 *   1. in the section that continues its own (exact, then normalized, then approximate),
 *   2. around it: the neighbouring sections, or the changed stretch where its section was,
 *   3. in the whole text, exact or normalized, but never in words another section already had
 *      (a long article repeats itself: the same sentence in another paragraph is that
 *      paragraph's, unless it is new there, i.e. it moved),
 *   4. approximately in the text that is new in this version,
 *
 * and is otherwise orphaned at the place its old offsets map to. Found with the same words
 * (quote style, dashes and whitespace aside) is 'anchored'; found with changed words, 'fuzzy'.
 */
import search from 'approx-string-match'
import { contextScore } from './context'
import {
  foldedAt,
  foldedEnd,
  foldedStart,
  normalizeQuote,
  normalizeText,
  originalRange,
  isSpaceCode,
  type NormalizedText,
} from './normalize'
import { maxFuzzyErrors } from './reanchor'
import { mapSections, type Span } from './sectionMap'
import type { AnchorStatus, TextRange } from './types'

export interface ExcerptAnchor {
  id: string
  /** index of its section in the old version's section list */
  section: number
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export interface Reanchoring {
  id: string
  start: number
  end: number
  status: AnchorStatus
  /** index of the new version's section holding `start` */
  section: number
}

export interface VersionAnchoring {
  /** old section index → new section index, or -1 */
  sectionMap: Int32Array
  excerpts: Reanchoring[]
}

/** In the continuing section: up to 40% of the quote may differ when this much of its context (of 64) is unchanged. */
const WIDE_CONTEXT = 16
const wideErrors = (needle: string) => Math.min(64, Math.floor(needle.length * 0.4))

/** Approximate search over new text: at most this much of it per quote (around the quote's place). */
const FUZZY_BUDGET = 256 * 1024

interface Candidate extends TextRange {
  errors: number
}

/** The index of the span holding `offset` (the last starting at or before it), spans in order. */
export function spanAt(spans: Span[], offset: number): number {
  let lo = 0
  let hi = spans.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid]!.start <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

function trim(text: string, range: TextRange): TextRange {
  let { start, end } = range
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--
  return { start, end }
}

/**
 * Sections' normalized text joined by NUL (no quote holds one), searched in one call, with the
 * way back: from a joined offset to the normalized text, and a joined range to the original.
 */
function joinedText(n: NormalizedText, spans: Span[]) {
  const starts: number[] = [] // joined offset where each span begins
  const folded: number[] = [] // its normalized offset
  const parts: string[] = []
  let length = 0
  for (const s of spans) {
    const from = foldedStart(n, s.start)
    const part = n.folded.slice(from, foldedEnd(n, s.end))
    starts.push(length)
    folded.push(from)
    parts.push(part)
    length += part.length + 1
  }
  const text = parts.join('\0')
  const partAt = (offset: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return {
    text,
    /** the joined offset nearest an original offset */
    offsetOf(offset: number): number {
      const at = foldedAt(n, offset)
      let lo = 0
      let hi = folded.length - 1
      let found = 0
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (folded[mid]! <= at) {
          found = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      return folded.length === 0 ? 0 : starts[found]! + Math.min(at - folded[found]!, parts[found]!.length)
    },
    /** a joined range within one part, as an original range (undefined across parts) */
    toText(from: number, to: number): TextRange | undefined {
      if (to <= from) return undefined
      const p = partAt(from)
      if (to - starts[p]! > parts[p]!.length) return undefined
      return originalRange(n, folded[p]! + from - starts[p]!, folded[p]! + to - starts[p]!)
    },
  }
}

export function reanchorVersion(
  oldText: string,
  oldSections: Span[],
  newText: string,
  newSections: Span[],
  excerpts: ExcerptAnchor[],
): VersionAnchoring {
  const before = normalizeText(oldText)
  const after = normalizeText(newText)
  const sectionMap = mapSections(before, oldSections, after, newSections)
  const owner = new Int32Array(newSections.length).fill(-1) // new section → the old one it continues
  sectionMap.forEach((n, o) => {
    if (n >= 0) owner[n] = o
  })
  const prevMapped = new Int32Array(oldSections.length)
  const nextMapped = new Int32Array(oldSections.length)
  for (let o = 0, last = -1; o < oldSections.length; o++) {
    prevMapped[o] = last
    if (sectionMap[o]! >= 0) last = o
  }
  for (let o = oldSections.length - 1, next = -1; o >= 0; o--) {
    nextMapped[o] = next
    if (sectionMap[o]! >= 0) next = o
  }
  const oldFolded = new Map<number, string>()
  const oldSectionFolded = (o: number) => {
    let key = oldFolded.get(o)
    if (key === undefined) {
      const s = oldSections[o]!
      key = before.folded.slice(foldedStart(before, s.start), foldedEnd(before, s.end))
      oldFolded.set(o, key)
    }
    return key
  }
  const fresh = joinedText(
    after,
    newSections.filter((_, n) => owner[n] === -1),
  )
  const N = newText.length

  /** Where an old offset lands in the new text: through its section, or its nearest mapped neighbours. */
  function mapOffset(o: number, offset: number): number {
    const s = oldSections[o]!
    const m = sectionMap[o]!
    if (m >= 0) {
      const t = newSections[m]!
      return Math.min(t.end, t.start + Math.max(0, offset - s.start))
    }
    const p = prevMapped[o]!
    const q = nextMapped[o]!
    const floor = p >= 0 ? newSections[sectionMap[p]!]!.end : 0
    const ceiling = q >= 0 ? newSections[sectionMap[q]!]!.start : N
    if (p >= 0) return Math.min(ceiling, floor + (offset - oldSections[p]!.end))
    if (q >= 0) return Math.max(0, ceiling - (oldSections[q]!.start - offset))
    return Math.min(N, Math.round((offset * N) / Math.max(1, oldText.length)))
  }

  /** A candidate in words another old section already had (its own copy of them) is not ours. */
  function foreign(o: number, start: number, needle: string): boolean {
    const n = spanAt(newSections, start)
    const from = owner[n]!
    return from >= 0 && from !== o && oldSectionFolded(from).includes(needle)
  }

  function pick(cands: Candidate[], ex: ExcerptAnchor, hint: number): Candidate | undefined {
    let best: Candidate | undefined
    let bestKey: [number, number, number] | undefined
    for (const c of cands) {
      const key: [number, number, number] = [
        -c.errors,
        contextScore(newText, c, ex.prefix, ex.suffix),
        -Math.abs(c.start - hint),
      ]
      if (
        !bestKey ||
        key[0] > bestKey[0] ||
        (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))
      ) {
        best = c
        bestKey = key
      }
    }
    return best
  }

  /** Exact, then normalized occurrences starting in [from, to). */
  function literal(
    ex: ExcerptAnchor,
    needle: string,
    from: number,
    to: number,
    accept: (start: number) => boolean,
  ): Candidate[] {
    const found: Candidate[] = []
    const exact = ex.exact
    const slice = newText.slice(from, Math.min(N, to + exact.length))
    let seen = false
    for (let i = slice.indexOf(exact); i !== -1 && from + i < to; i = slice.indexOf(exact, i + 1)) {
      seen = true
      if (accept(from + i)) found.push({ start: from + i, end: from + i + exact.length, errors: 0 })
    }
    // copies that were all someone else's: their restyled twins would be too
    if (seen || needle === '') return found
    const ff = foldedStart(after, from)
    const ft = foldedEnd(after, to)
    const fslice = after.folded.slice(ff, Math.min(after.folded.length, ft + needle.length))
    for (let i = fslice.indexOf(needle); i !== -1 && ff + i < ft; i = fslice.indexOf(needle, i + 1)) {
      const range = trim(newText, originalRange(after, ff + i, ff + i + needle.length))
      if (accept(range.start)) found.push({ ...range, errors: 0 })
    }
    return found
  }

  /** Approximate matches (on the normalized texts) starting in [from, to). */
  function approximate(
    needle: string,
    maxErrors: number,
    from: number,
    to: number,
    accept: (start: number) => boolean,
  ): Candidate[] {
    if (maxErrors === 0 || needle === '' || to <= from) return []
    const ff = foldedStart(after, from)
    const ft = foldedEnd(after, to)
    const fslice = after.folded.slice(ff, Math.min(after.folded.length, ft + needle.length + maxErrors))
    const found: Candidate[] = []
    for (const m of search(fslice, needle, maxErrors)) {
      if (m.end <= m.start || ff + m.start >= ft) continue
      const range = trim(newText, originalRange(after, ff + m.start, ff + m.end))
      if (range.end > range.start && accept(range.start)) found.push({ ...range, errors: m.errors })
    }
    return found
  }

  function locate(ex: ExcerptAnchor): Reanchoring {
    const o = Math.min(Math.max(ex.section, 0), oldSections.length - 1)
    const hint = mapOffset(o, ex.start)
    const orphan = (): Reanchoring => {
      const start = Math.min(hint, Math.max(0, N - 1))
      const range = trim(newText, { start, end: Math.min(N, start + (ex.end - ex.start)) })
      const r = range.end > range.start ? range : { start, end: Math.min(N, start + 1) }
      return { id: ex.id, ...r, status: 'orphaned', section: spanAt(newSections, r.start) }
    }
    const needle = normalizeQuote(ex.exact)
    if (needle === '' || N === 0) return orphan()
    const maxErrors = maxFuzzyErrors(needle)
    const done = (c: Candidate | undefined): Reanchoring | undefined => {
      if (!c) return undefined
      const words = after.folded.slice(foldedStart(after, c.start), foldedEnd(after, c.end)).trim()
      const status: AnchorStatus =
        c.errors === 0 && (newText.slice(c.start, c.end) === ex.exact || words === needle)
          ? 'anchored'
          : 'fuzzy'
      return { id: ex.id, start: c.start, end: c.end, status, section: spanAt(newSections, c.start) }
    }
    const anywhere = () => true
    const ours = (start: number) => !foreign(o, start, needle)

    // 1. the section that continues the excerpt's own; there a short quote with a long word
    // changed may differ more, when the words around it are still there
    const m = sectionMap[o]!
    if (m >= 0) {
      const s = newSections[m]!
      const inContext = (c: Candidate) => contextScore(newText, c, ex.prefix, ex.suffix) >= WIDE_CONTEXT
      const found =
        done(pick(literal(ex, needle, s.start, s.end, anywhere), ex, hint)) ??
        done(pick(approximate(needle, maxErrors, s.start, s.end, anywhere), ex, hint)) ??
        done(
          pick(approximate(needle, wideErrors(needle), s.start, s.end, anywhere).filter(inContext), ex, hint),
        )
      if (found) return found
    }
    // 2. around it: the neighbours of that section, or the changed stretch where it was
    let from: number
    let to: number
    if (m >= 0) {
      from = newSections[Math.max(0, m - 1)]!.start
      to = newSections[Math.min(newSections.length - 1, m + 1)]!.end
    } else {
      const p = prevMapped[o]!
      const q = nextMapped[o]!
      from = p >= 0 ? newSections[sectionMap[p]!]!.start : 0
      to = q >= 0 ? newSections[sectionMap[q]!]!.end : N
    }
    if (to - from <= FUZZY_BUDGET) {
      const found =
        done(pick(literal(ex, needle, from, to, ours), ex, hint)) ??
        done(pick(approximate(needle, maxErrors, from, to, ours), ex, hint))
      if (found) return found
    }
    // 3. the whole text, word for word
    const whole = done(pick(literal(ex, needle, 0, N, ours), ex, hint))
    if (whole) return whole
    // 4. approximately, in the text this version added (around the quote's place, when it is long)
    const cands: Candidate[] = []
    if (maxErrors > 0 && fresh.text.length > 0) {
      const at = fresh.offsetOf(hint)
      const from = Math.max(0, Math.min(at - FUZZY_BUDGET / 2, fresh.text.length - FUZZY_BUDGET))
      const window = fresh.text.slice(from, from + FUZZY_BUDGET)
      for (const m of search(window, needle, maxErrors)) {
        const range = fresh.toText(from + m.start, from + m.end)
        if (range) cands.push({ ...trim(newText, range), errors: m.errors })
      }
    }
    return done(pick(cands, ex, hint)) ?? orphan()
  }

  return { sectionMap, excerpts: excerpts.map(locate) }
}
