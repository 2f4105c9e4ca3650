/**
 * When an article gets a new version, the chips of notes that link to its sections follow them:
 * a section link to a section that continues takes its new ¶N (and its label, when the label
 * is the generated one), and an excerpt card takes its excerpt's new ¶N. Plain JSON in, plain
 * JSON out (the stored content is always in the current note schema, see derive.ts), so this
 * runs without loading Lexical; the note's text is then derived again (repository.ts).
 */
import { sectionLinkLabel } from '../../shared/notes/labels'

// the nodes' JSON types (SECTION_LINK_TYPE, EXCERPT_CARD_TYPE; relink.test.ts checks they agree):
// importing the node modules would load Lexical with the notebook
export const SECTION_LINK = 'gloss-section-link'
export const EXCERPT_CARD = 'gloss-excerpt-card'

export interface SectionMove {
  oldOrdinal: number
  oldText: string
  ordinal: number
  text: string
}

export interface Relinked {
  content: unknown
  /** old → new chip text, in document order (what the note's plain text changes by) */
  labels: Array<[string, string]>
  changed: boolean
}

/** The chip's new label: regenerated when it was the generated one, else only its ¶N renumbered. */
export function movedLabel(label: string, move: SectionMove): string {
  if (label === sectionLinkLabel(move.oldOrdinal, move.oldText) || label === `¶${move.oldOrdinal}`) {
    return label === `¶${move.oldOrdinal}` ? `¶${move.ordinal}` : sectionLinkLabel(move.ordinal, move.text)
  }
  const prefix = `¶${move.oldOrdinal}`
  if (label.startsWith(prefix) && !/^\d/.test(label.slice(prefix.length)))
    return `¶${move.ordinal}${label.slice(prefix.length)}`
  return label
}

type Json = Record<string, unknown>

export function relinkContent(
  content: unknown,
  articleId: string,
  sections: ReadonlyMap<string, SectionMove>,
  excerptOrdinals: ReadonlyMap<string, number>,
): Relinked {
  const labels: Array<[string, string]> = []
  let changed = false
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (node === null || typeof node !== 'object') return node
    const json = node as Json
    let out: Json = json
    if (json.type === SECTION_LINK && json.articleId === articleId) {
      const move = sections.get(String(json.sectionId))
      if (move) {
        const text = typeof json.text === 'string' && json.text !== '' ? json.text : String(json.label ?? '')
        const label = movedLabel(text, move)
        if (label !== text || json.ordinal !== move.ordinal) {
          out = { ...json, ordinal: move.ordinal, text: label, label }
          labels.push([text, label])
          changed = true
        }
      }
    } else if (json.type === EXCERPT_CARD && json.articleId === articleId) {
      const ordinal = excerptOrdinals.get(String(json.excerptId))
      if (ordinal !== undefined && json.ordinal !== ordinal) {
        labels.push([`— ¶${String(json.ordinal)}`, `— ¶${ordinal}`])
        out = { ...json, ordinal }
        changed = true
      }
    }
    const result: Json = {}
    for (const [key, value] of Object.entries(out))
      result[key] = key === 'children' || key === 'root' ? walk(value) : value
    return result
  }
  const next = walk(content)
  return { content: changed ? next : content, labels, changed }
}

/**
 * The note's plain text with each chip's old text replaced by its new one, in document order:
 * what deriving the text again gives, for when Lexical is not loaded (repository.ts).
 */
export function relabelText(text: string, labels: Array<[string, string]>): string {
  let out = ''
  let rest = text
  for (const [from, to] of labels) {
    const at = rest.indexOf(from)
    if (at === -1) continue
    out += rest.slice(0, at) + to
    rest = rest.slice(at + from.length)
  }
  return out + rest
}
