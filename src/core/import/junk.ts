import { JUNK_PREFIX } from './chrome/index'
import { lineReason } from './chrome/lines'
import type { SectionDraft } from './sectioning'

/**
 * Why a section looks like page chrome rather than article, or undefined if it does not: the line
 * rules of chrome/lines.ts (in English, French, German, Spanish and Portuguese), each bounded by
 * length, so a paragraph of prose is never junk. A section already quarantined keeps its reason.
 */
export function junkReason(section: SectionDraft): string | undefined {
  if (section.kind === 'quarantined') return section.quarantineReason ?? `${JUNK_PREFIX}page clutter`
  if (section.kind !== 'paragraph') return undefined // headings are the article's own structure
  const reason = lineReason(section.text)
  return reason === undefined ? undefined : JUNK_PREFIX + reason
}

/**
 * Quarantine junk at the article's edges: scan inward from each end while sections are junk and
 * stop at the first real one. For text and Markdown this is all the chrome detection there is; a
 * web page's chrome is found anywhere in it by chrome/index.ts first (what it quarantined counts as
 * junk here). If every section would go, the input is all the user has: nothing more is quarantined.
 */
export function quarantineEdgeJunk(drafts: SectionDraft[]): SectionDraft[] {
  const reasons = drafts.map(junkReason)
  let head = 0
  while (head < drafts.length && reasons[head] !== undefined) head++
  if (head === drafts.length) return drafts
  let tail = drafts.length
  while (tail > head && reasons[tail - 1] !== undefined) tail--
  return drafts.map((draft, i) => {
    const reason = reasons[i]
    if ((i >= head && i < tail) || reason === undefined || draft.kind === 'quarantined') return draft
    const hidden: SectionDraft = { kind: 'quarantined', text: draft.text, quarantineReason: reason }
    if (draft.layout !== undefined) hidden.layout = draft.layout
    return hidden
  })
}
