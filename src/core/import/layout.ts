/**
 * Section layouts (SectionLayout, issue 12): the structure a section had in its source, laid over
 * its text. Marks are gathered as offsets into the raw words a walk collects, then carried through
 * the same whitespace collapse the text gets (collapseWhitespace), so they land exactly on the
 * section's text, which stays byte-identical to what it was without layouts.
 */
import { z } from 'zod'
import {
  INLINE_MARKS,
  type InlineMark,
  type InlineMarkType,
  type SectionBlock,
  type SectionImage,
  type SectionLayout,
} from '../../shared/model'

/** A mark while its words are still raw, before whitespace collapses. */
export interface RawMark {
  type: InlineMarkType
  start: number
  end: number
  href?: string
}

// the characters collapseWhitespace folds: /[ \t\n\r\f\v]/
const folds = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d)

/**
 * Where each raw offset lands in `text` = collapseWhitespace(raw): runs fold to one space, then
 * String#trim (which also trims Unicode spaces, as the text had) takes the ends off.
 */
export function collapsedOffsets(raw: string, text: string, offsets: number[]): number[] {
  const at = new Int32Array(raw.length + 1)
  let out = 0
  let inRun = false
  for (let i = 0; i < raw.length; i++) {
    at[i] = out
    if (folds(raw.charCodeAt(i))) {
      if (!inRun) out++
      inRun = true
    } else {
      out++
      inRun = false
    }
  }
  at[raw.length] = out
  const folded = raw.replace(/[ \t\n\r\f\v]+/g, ' ')
  const lead = folded.length - folded.trimStart().length
  return offsets.map((r) => Math.min(Math.max(at[r]! - lead, 0), text.length))
}

/** Raw marks moved onto the collapsed text, trimmed of spaces at their edges; empty ones dropped. */
export function collapseMarks(raw: string, text: string, marks: RawMark[]): InlineMark[] {
  if (marks.length === 0) return []
  const offsets = collapsedOffsets(
    raw,
    text,
    marks.flatMap((m) => [m.start, m.end]),
  )
  return marks.map((m, i) => ({ ...m, start: offsets[2 * i]!, end: offsets[2 * i + 1]! }))
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)

/**
 * Marks fit for a layout: within the text, not starting or ending on a space, sorted by start, and
 * marks of one type never overlapping (nested <em><i>…</i></em> is one mark; of two overlapping
 * links the first kept).
 */
export function tidyMarks(text: string, marks: InlineMark[]): InlineMark[] {
  const fitted: InlineMark[] = []
  for (const m of marks) {
    let start = Math.max(0, m.start)
    let end = Math.min(text.length, m.end)
    while (start < end && isSpace(text[start])) start++
    while (end > start && isSpace(text[end - 1])) end--
    if (start >= end) continue
    fitted.push(
      m.href === undefined ? { type: m.type, start, end } : { type: m.type, start, end, href: m.href },
    )
  }
  fitted.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: InlineMark[] = []
  const last = new Map<InlineMarkType, InlineMark>()
  for (const m of fitted) {
    const prev = last.get(m.type)
    if (prev !== undefined && m.start < prev.end) {
      if (m.type !== 'link' && m.end > prev.end) prev.end = m.end
      continue
    }
    out.push(m)
    last.set(m.type, m)
  }
  return out
}

/** A layout from its parts, or null when the section had no structure (most have none). */
export function makeLayout(
  block: SectionBlock | undefined,
  marks: InlineMark[] | undefined,
  images: SectionImage[] | undefined,
): SectionLayout | null {
  const layout: SectionLayout = {}
  if (block !== undefined) layout.block = block
  if (marks !== undefined && marks.length > 0) layout.marks = marks
  if (images !== undefined && images.length > 0) layout.images = images
  return Object.keys(layout).length === 0 ? null : layout
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** A link's target when it is http, https or mailto; null for any other (javascript:, data:, file:…). */
export function allowedLink(url: URL | null): string | null {
  return url !== null && LINK_PROTOCOLS.has(url.protocol) ? url.href : null
}

/** An absolute link as written (a document without an address of its own: EPUB, .docx), or null. */
export function absoluteLink(href: string): string | null {
  const given = href.trim()
  if (given === '' || given.startsWith('#')) return null
  try {
    return allowedLink(new URL(given))
  } catch {
    return null
  }
}

const offset = z.number().int().nonnegative()
const layoutSchema = z
  .object({
    block: z
      .discriminatedUnion('type', [
        z
          .object({
            type: z.literal('item'),
            ordered: z.boolean(),
            depth: z.number().int().min(1).max(100),
            number: z.number().int().min(-1e9).max(1e9).optional(),
          })
          .strict(),
        z.object({ type: z.literal('quote') }).strict(),
        z.object({ type: z.literal('code') }).strict(),
        z
          .object({
            type: z.literal('row'),
            header: z.boolean(),
            cells: z.array(z.tuple([offset, offset])).max(10_000),
          })
          .strict(),
      ])
      .optional(),
    marks: z
      .array(
        z
          .object({
            type: z.enum(INLINE_MARKS),
            start: offset,
            end: offset,
            href: z.string().max(8192).optional(),
          })
          .strict(),
      )
      .max(100_000)
      .optional(),
    images: z
      .array(
        z
          .object({
            mediaId: z.string().min(1).max(200).nullable(),
            alt: z.string().max(10_000),
            remoteUrl: z.string().max(8192).optional(),
          })
          .strict(),
      )
      .max(1000)
      .optional(),
  })
  .strict()

/** Why `value` is no layout of a section of `textLength` characters, or null when it is one. */
export function layoutProblem(value: unknown, textLength: number): string | null {
  const parsed = layoutSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return `${issue.path.join('.') || 'layout'}: ${issue.message}`
  }
  const { block, marks, images } = parsed.data
  if (block?.type === 'row') {
    const bad = block.cells.find(([s, e]) => s > e || e > textLength)
    if (bad) return `block.cells: [${bad.join(', ')}] is not within the text (${textLength} characters)`
  }
  for (const m of marks ?? []) {
    if (m.start >= m.end || m.end > textLength) {
      return `marks: ${m.type} ${m.start}–${m.end} is not within the text (${textLength} characters)`
    }
    if (m.type === 'link' && (m.href === undefined || absoluteLink(m.href) !== m.href)) {
      return `marks: a link's href must be an absolute http, https or mailto address (got ${JSON.stringify(m.href ?? null)})`
    }
    if (m.type !== 'link' && m.href !== undefined)
      return `marks: only a link has an href (a ${m.type} has one)`
  }
  for (const image of images ?? []) {
    if (image.remoteUrl !== undefined && !/^https?:$/.test(safeProtocol(image.remoteUrl))) {
      return `images: a remoteUrl must be an http or https address (got ${JSON.stringify(image.remoteUrl)})`
    }
  }
  return null
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol
  } catch {
    return ''
  }
}

/**
 * A stored layout read back: JSON that is a layout of this section's text, else null (a damaged
 * or foreign value never breaks the article's read; the section shows plain).
 */
export function readLayout(json: string | null, textLength: number): SectionLayout | null {
  if (json === null) return null
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return null
  }
  return layoutProblem(value, textLength) === null ? (value as SectionLayout) : null
}
