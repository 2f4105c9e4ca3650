/**
 * Which section of a new version continues which section of the old one. Sections are compared
 * by their normalized text (normalize.ts): first the longest run of identical sections in order
 * (a Myers diff of the two lists, jsdiff's diffArrays), then, inside each changed stretch, pairs
 * of similar sections (words in common) in order, then identical sections that moved elsewhere.
 * Long articles repeat paragraphs; aligning in order keeps each copy with its own.
 */
import DiffMatchPatch from 'diff-match-patch'
import { diffArrays } from 'diff'
import { foldedEnd, foldedStart, type NormalizedText } from './normalize'

export interface Span {
  start: number
  end: number
}

/** Below this share of words in common, two sections are not the same section edited. */
export const SIMILAR = 0.5
/** A changed stretch larger than this (old × new sections) pairs by position instead. */
const PAIRING_CELLS = 250_000

export function sectionKeys(text: NormalizedText, sections: Span[]): string[] {
  return sections.map((s) => text.folded.slice(foldedStart(text, s.start), foldedEnd(text, s.end)).trim())
}

function words(key: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of key.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/** Dice coefficient of the two sections' words (as multisets): 1 for the same words, 0 for none shared. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0
  let sizeB = 0
  let common = 0
  for (const n of a.values()) sizeA += n
  for (const n of b.values()) sizeB += n
  if (sizeA + sizeB === 0) return 0
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0)
  return (2 * common) / (sizeA + sizeB)
}

/** Ordered pairs of old[i] ↔ new[j] with the most similarity in total, each at least SIMILAR. */
function pairSimilar(
  oldIdx: number[],
  newIdx: number[],
  oldWords: (i: number) => Map<string, number>,
  newWords: (j: number) => Map<string, number>,
  map: Int32Array,
): void {
  const R = oldIdx.length
  const A = newIdx.length
  if (R === 0 || A === 0) return
  if (R * A > PAIRING_CELLS) {
    // too large to weigh every pair: each old section against the new ones at its relative place
    for (let r = 0; r < R; r++) {
      const a = Math.min(A - 1, Math.round((r * A) / R))
      for (const c of [a, a - 1, a + 1]) {
        if (c < 0 || c >= A) continue
        if (similarity(oldWords(oldIdx[r]!), newWords(newIdx[c]!)) >= SIMILAR) {
          map[oldIdx[r]!] = newIdx[c]!
          break
        }
      }
    }
    return
  }
  const sim = new Float64Array(R * A)
  for (let r = 0; r < R; r++)
    for (let a = 0; a < A; a++) sim[r * A + a] = similarity(oldWords(oldIdx[r]!), newWords(newIdx[a]!))
  // best total similarity of monotone pairings: score[r][a] over old[0..r) and new[0..a)
  const W = A + 1
  const score = new Float64Array((R + 1) * W)
  for (let r = 1; r <= R; r++) {
    for (let a = 1; a <= A; a++) {
      const s = sim[(r - 1) * A + (a - 1)]!
      const pair = s >= SIMILAR ? score[(r - 1) * W + (a - 1)]! + s : -1
      score[r * W + a] = Math.max(score[(r - 1) * W + a]!, score[r * W + a - 1]!, pair)
    }
  }
  for (let r = R, a = A; r > 0 && a > 0;) {
    const here = score[r * W + a]!
    if (here === score[(r - 1) * W + a]) r--
    else if (here === score[r * W + a - 1]) a--
    else {
      map[oldIdx[r - 1]!] = newIdx[a - 1]!
      r--
      a--
    }
  }
}

/** Where at most this many distinct sections are, each is one UTF-16 unit (surrogates skipped). */
const ONE_UNIT = 0xd800 + 0x2000

interface Part {
  count: number
  added?: boolean
  removed?: boolean
}

/**
 * The longest run of equal ids in order: diff-match-patch's Myers diff over the ids written as
 * one character each (its bisection is several times faster than diffArrays here); jsdiff's
 * diffArrays when there are more distinct ids than characters.
 */
function alignIds(oldIds: number[], newIds: number[]): Part[] {
  const distinct = Math.max(0, ...oldIds, ...newIds) + 1
  if (distinct > ONE_UNIT) return diffArrays(oldIds, newIds)
  const unit = (id: number) => String.fromCharCode(id < 0xd800 ? id : id + 0x800)
  const encode = (ids: number[]) => {
    let out = ''
    for (const id of ids) out += unit(id)
    return out
  }
  const dmp = new DiffMatchPatch()
  dmp.Diff_Timeout = 0 // the exact diff, however long (it is milliseconds for thousands of sections)
  return dmp.diff_main(encode(oldIds), encode(newIds), false).map(([op, text]) => ({
    count: text.length,
    added: op === DiffMatchPatch.DIFF_INSERT,
    removed: op === DiffMatchPatch.DIFF_DELETE,
  }))
}

/**
 * For each old section, the index of the new section that continues it, or -1 (removed, or
 * rewritten beyond recognition).
 */
export function mapSections(
  oldText: NormalizedText,
  oldSections: Span[],
  newText: NormalizedText,
  newSections: Span[],
): Int32Array {
  const oldKeys = sectionKeys(oldText, oldSections)
  const newKeys = sectionKeys(newText, newSections)
  const ids = new Map<string, number>()
  const idOf = (key: string) => ids.get(key) ?? ids.set(key, ids.size).get(key)!
  const oldIds = oldKeys.map(idOf)
  const newIds = newKeys.map(idOf)
  const map = new Int32Array(oldSections.length).fill(-1)

  const oldWordCache = new Map<number, Map<string, number>>()
  const newWordCache = new Map<number, Map<string, number>>()
  const oldWords = (i: number) => oldWordCache.get(i) ?? oldWordCache.set(i, words(oldKeys[i]!)).get(i)!
  const newWords = (j: number) => newWordCache.get(j) ?? newWordCache.set(j, words(newKeys[j]!)).get(j)!

  // 1. identical sections, in order
  let i = 0
  let j = 0
  let removed: number[] = []
  let added: number[] = []
  const settle = () => {
    pairSimilar(removed, added, oldWords, newWords, map)
    removed = []
    added = []
  }
  for (const part of alignIds(oldIds, newIds)) {
    if (part.added) {
      for (let k = 0; k < part.count; k++) added.push(j++)
    } else if (part.removed) {
      for (let k = 0; k < part.count; k++) removed.push(i++)
    } else {
      settle() // 2. similar sections inside the changed stretch before this run
      for (let k = 0; k < part.count; k++) map[i++] = j++
    }
  }
  settle()

  // 3. identical sections that moved: an old one left over, a new one with its text left over
  const taken = new Uint8Array(newSections.length)
  for (const t of map) if (t >= 0) taken[t] = 1
  const freeByKey = new Map<number, number[]>()
  newIds.forEach((id, n) => {
    if (!taken[n]) (freeByKey.get(id) ?? freeByKey.set(id, []).get(id)!).push(n)
  })
  oldIds.forEach((id, o) => {
    if (map[o] !== -1 || oldKeys[o] === '') return
    const free = freeByKey.get(id)
    if (free && free.length > 0) map[o] = free.shift()!
  })
  return map
}
