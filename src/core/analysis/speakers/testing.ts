/** Test helper of the speaker attribution. */
import { sectionsOf } from '../testing'
import { attributeQuotes } from '.'

/** [quoted words (first 24 characters), speaker name or description] for each quotation found */
export function who(...paragraphs: string[]) {
  return attributeQuotes(sectionsOf(...paragraphs)).quotes.map((q) => [
    q.text.slice(0, 24),
    q.speaker.kind === 'person' || q.speaker.kind === 'organization'
      ? (q.speaker.name ?? q.speaker.description)
      : q.speaker.kind,
  ])
}
