/** Words shown for a section or excerpt reference; shared by the editor and the indexer. */

const LABEL_WORDS_LENGTH = 40

/** Collapse whitespace and cut at a word boundary near `max` characters, adding "…". */
export function firstWords(text: string, max = LABEL_WORDS_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.·–—-]+$/, '') + '…'
}

/** "¶6 · Despite these shifts, the question…" */
export function sectionLinkLabel(ordinal: number, text: string): string {
  const words = firstWords(text)
  return words ? `¶${ordinal} · ${words}` : `¶${ordinal}`
}

/** "3", or "3–4" for a passage running from ¶3 into ¶4 (a CSV's ¶ column). */
export function paragraphRange(first: number, last: number = first): string {
  return last > first ? `${first}–${last}` : `${first}`
}

/**
 * How a section or passage is labelled and cited everywhere (cards, exports, the CLI): "¶3",
 * "¶3–4" for a passage running from ¶3 into ¶4, "p. 2, ¶3–4" where its first section has a page.
 */
export function paragraphsLabel(first: number, last: number = first, page?: number | null): string {
  const paragraphs = `¶${paragraphRange(first, last)}`
  return page ? `p. ${page}, ${paragraphs}` : paragraphs
}

/** The ordinal of the last section a passage [start, end) touches (sections in article order). */
export function lastOrdinal(
  sections: readonly { ordinal: number; start: number; end: number }[],
  end: number,
  fallback: number,
): number {
  let lo = 0
  let hi = sections.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sections[mid]!.start < end) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found === -1 ? fallback : Math.max(fallback, sections[found]!.ordinal)
}
