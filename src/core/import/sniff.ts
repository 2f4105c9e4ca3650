import type { ImportFormat } from './types'

const HTML_TAG = /^<(!doctype\s+html|[a-z][a-z0-9-]*)[\s>/]/i
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(\n|$)/
const ATX_HEADING = /^#{1,6}[ \t]+\S/m
const LIST_ITEM = /^[ \t]{0,3}([-*+]|\d{1,9}[.)])[ \t]+\S/gm
const FENCE = /^(```|~~~)/m

/**
 * Whether the text opens with a tag or doctype after any whitespace and comments. A loop, not
 * one regex: /^\s*(<!--[\s\S]*?-->\s*)*</ backtracks exponentially over a run of comments.
 */
function startsWithTag(text: string): boolean {
  let at = 0
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++
    if (!text.startsWith('<!--', at)) break
    const end = text.indexOf('-->', at + 4)
    if (end === -1) return false
    at = end + 3
  }
  return HTML_TAG.test(text.slice(at, at + 64))
}

/** Guess the format of content that came without a file name. */
export function sniffFormat(text: string): ImportFormat {
  if (startsWithTag(text)) return 'html'
  if (FRONT_MATTER.test(text) || ATX_HEADING.test(text) || FENCE.test(text)) return 'markdown'
  // one dash-led line is ordinary prose; a list needs two items
  if ((text.match(LIST_ITEM) ?? []).length >= 2) return 'markdown'
  return 'text'
}
