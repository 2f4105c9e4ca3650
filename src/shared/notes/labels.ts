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
