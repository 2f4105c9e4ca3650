/** Test helper: paragraphs → analysis sections, offsets as an article joined by newlines has them. */
import type { AnalysisSection } from './types'

export function sectionsOf(...paragraphs: string[]): AnalysisSection[] {
  let start = 0
  return paragraphs.map((text, i) => {
    const section = { ordinal: i + 1, text, start }
    start += text.length + 1
    return section
  })
}
