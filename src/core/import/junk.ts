import type { SectionDraft } from './sectioning'

/** Scraped junk is short: a link or a one-line notice, never a paragraph of prose. */
const MAX_JUNK_CHARS = 60
const MAX_JUNK_WORDS = 8

interface JunkRule {
  reason: string
  pattern: RegExp
}

// Matched against the lower-cased text with trailing punctuation and arrows removed.
const JUNK_RULES: JunkRule[] = [
  {
    reason: 'login link',
    pattern: /^(log ?in|log ?out|sign ?in|sign ?out|sign ?up|register|create an? account|my account)\b/,
  },
  { reason: 'subscription prompt', pattern: /\b(subscribe|subscription|newsletter)\b/ },
  { reason: 'share link', pattern: /^(share|tweet|email|print)( (this|on|via|to|article|story|page)\b.*)?$/ },
  {
    reason: 'cookie notice',
    pattern:
      /^cookies?$|\b(we use cookies|uses cookies|cookie (policy|settings|preferences|notice|consent)|accept (all|cookies)|manage (cookies|preferences))\b/,
  },
  {
    reason: 'advertisement',
    pattern: /^(advertisement|advert|ads?|sponsored( content)?|promoted( content)?)$/,
  },
  {
    reason: 'navigation',
    pattern:
      /^(skip to (main )?content|skip navigation|menu|main menu|navigation|toggle navigation|open menu|close menu|back to top)$/,
  },
  {
    reason: 'related links',
    pattern:
      /^(read more|continue reading|related( articles| stories| posts| content)?|more stories|you may also like|recommended( for you)?)\b/,
  },
  // a byline line repeated above the text ("By Jane Roe"); the article header shows the byline
  { reason: 'byline', pattern: /^(by|written by|words by) [\p{L}.'’ -]+( and [\p{L}.'’ -]+)?$/u },
  { reason: 'copyright notice', pattern: /©|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b/ },
]

/** Why a section looks like page chrome rather than article, or undefined if it does not. */
export function junkReason(section: SectionDraft): string | undefined {
  if (section.kind !== 'paragraph') return undefined // headings are the article's own structure
  const text = section.text.trim()
  if (text.length > MAX_JUNK_CHARS || text.split(/\s+/).length > MAX_JUNK_WORDS) return undefined
  const key = text.toLowerCase().replace(/[\s.:!?…»›→>|•·-]+$/u, '')
  const rule = JUNK_RULES.find((r) => r.pattern.test(key))
  return rule === undefined ? undefined : `scrape junk: ${rule.reason}`
}

/**
 * Quarantine junk at the article's edges: scan inward from each end while sections are
 * junk and stop at the first real one, so nothing in the middle is ever touched. If every
 * section would go, the input is all the user has: nothing is quarantined.
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
    if ((i >= head && i < tail) || reason === undefined) return draft
    return { kind: 'quarantined', text: draft.text, quarantineReason: reason }
  })
}
