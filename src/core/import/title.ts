import type { SectionDraft } from './sectioning'

export const MAX_TITLE_CHARS = 80

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
])
const LOOK_AROUND = 64
const OPENS_SENTENCE = /[\p{Lu}\p{Nd}"'“‘«([]/u

function endsSentenceAt(text: string, i: number): boolean {
  const next = text[i + 1]
  if (next === undefined) return true
  if (!/\s/.test(next)) return false
  // look-around is bounded so a long run of "A. A. A. …" stays linear (it was quadratic)
  const following = text.slice(i + 1, i + 1 + LOOK_AROUND).trimStart()[0]
  if (following === undefined) return true
  if (!OPENS_SENTENCE.test(following)) return false
  if (text[i] !== '.') return true
  // "U.S. officials", "J. Smith", "Dr. Kim": the period closes an abbreviation
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - LOOK_AROUND), i))?.[1] ?? ''
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false
  return !ABBREVIATIONS.has(word.toLowerCase())
}

/** The first sentence of a paragraph, without a closing period ("!" and "?" are kept). */
export function firstSentence(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if ((ch === '.' || ch === '!' || ch === '?') && endsSentenceAt(text, i)) {
      return text.slice(0, ch === '.' ? i : i + 1).trim()
    }
  }
  return text.trim().replace(/\.$/, '')
}

/** At most `max` characters, cut at a word boundary with "…" when something was cut. */
export function shortenAtWord(text: string, max = MAX_TITLE_CHARS): string {
  if (text.length <= max) return text
  const room = text.slice(0, max - 1)
  const lastSpace = room.lastIndexOf(' ')
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`
}

/** Metadata title, else the first heading, else the first sentence of the first real paragraph. */
export function chooseTitle(
  metadataTitle: string | null | undefined,
  drafts: SectionDraft[],
  fallback: string,
): string {
  const fromMetadata = metadataTitle?.replace(/\s+/g, ' ').trim()
  if (fromMetadata) return shortenAtWord(fromMetadata, 300)
  const heading = drafts.find((d) => d.kind === 'heading')
  if (heading !== undefined) return shortenAtWord(heading.text, 300)
  const paragraph = drafts.find((d) => d.kind === 'paragraph')
  // a title never shows more than MAX_TITLE_CHARS, so the first sentence is sought only near the start
  if (paragraph !== undefined)
    return shortenAtWord(firstSentence(paragraph.text.slice(0, 4 * MAX_TITLE_CHARS)))
  return fallback
}
