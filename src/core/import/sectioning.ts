import { createHash } from 'node:crypto'
import type { SectionLayout } from '../../shared/model'
import type { ParsedSection, SectionKind } from './types'

/** A section before it has offsets: what the format parsers produce. */
export interface SectionDraft {
  kind: SectionKind
  text: string
  level?: number
  quarantineReason?: string
  role?: 'caption'
  /** the structure the section had in its source (layout.ts); absent when it had none */
  layout?: SectionLayout
}

export const SECTION_SEPARATOR = '\n\n'

/** Lay the sections end to end in the canonical text and record where each one sits. */
export function assembleSections(drafts: SectionDraft[]): { text: string; sections: ParsedSection[] } {
  const sections: ParsedSection[] = []
  let offset = 0
  for (const draft of drafts) {
    if (draft.text === '') continue
    if (sections.length > 0) offset += SECTION_SEPARATOR.length
    const section: ParsedSection = {
      kind: draft.kind,
      text: draft.text,
      start: offset,
      end: offset + draft.text.length,
    }
    if (draft.level !== undefined) section.level = draft.level
    if (draft.quarantineReason !== undefined) section.quarantineReason = draft.quarantineReason
    if (draft.role !== undefined) section.role = draft.role
    if (draft.layout !== undefined) section.layout = draft.layout
    sections.push(section)
    offset = section.end
  }
  return { text: sections.map((s) => s.text).join(SECTION_SEPARATOR), sections }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
