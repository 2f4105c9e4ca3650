import type { ImportFormat } from './types'

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|[a-z][a-z0-9-]*)[\s>/]/i
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(\n|$)/
const ATX_HEADING = /^#{1,6}[ \t]+\S/m
const LIST_ITEM = /^[ \t]{0,3}([-*+]|\d{1,9}[.)])[ \t]+\S/gm
const FENCE = /^(```|~~~)/m

/** Guess the format of content that came without a file name. */
export function sniffFormat(text: string): ImportFormat {
  if (HTML_START.test(text)) return 'html'
  if (FRONT_MATTER.test(text) || ATX_HEADING.test(text) || FENCE.test(text)) return 'markdown'
  // one dash-led line is ordinary prose; a list needs two items
  if ((text.match(LIST_ITEM) ?? []).length >= 2) return 'markdown'
  return 'text'
}
