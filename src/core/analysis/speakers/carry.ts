/** A speaker for a quotation without a cue of its own, from the quotations and paragraphs around it. */
import { nameRuns } from '../names'
import type { Attribution, Place } from '../types'
import type { People } from './people'
import type { Found, Paragraph } from './types'

/** The speaker of an uncued quotation: the previous one's in the paragraph (or the next one's), a pull quote's signature, the person named just before. */
export function carry(
  found: Found[],
  i: number,
  paragraphs: Paragraph[],
  people: People,
): Attribution | null {
  const f = found[i]!
  if (f.outer) return null
  const known = (g: Found | undefined) =>
    g && !g.outer && g.attribution && g.attribution.speaker.kind !== 'unknown' ? g.attribution : null
  const prev = found[i - 1]
  const same = (g: Found | undefined) => g?.paragraph === f.paragraph
  const from = (a: Attribution, confidence: number): Attribution => ({
    speaker: a.speaker,
    cue: { type: 'carry', text: '', place: null },
    confidence,
  })
  let j = i - 1
  while (j >= 0 && found[j]!.outer) j--
  if (same(found[j]) && known(found[j])) return from(known(found[j])!, 0.85)
  let k = i + 1
  while (k < found.length && found[k]!.outer) k++
  if (same(found[k]) && found[k]!.cue) {
    const next = people.resolve(found[k]!.cue!, found[k]!)
    if (next.speaker.kind !== 'unknown') return from(next, 0.7)
  }
  // a pull quote: the paragraph after is only the speaker's name
  const index = f.paragraph.index
  const after = paragraphs[index + 1]
  if (after && f.paragraph.text.trim().length - f.span.text.length <= 4) {
    const signature = after.text.replace(/^[\s—–-]+/, '').trim()
    const runs = nameRuns(signature, after.start)
    if (
      runs.length >= 1 &&
      runs[0]!.start === after.start + after.text.indexOf(signature) &&
      signature.split(/\s+/).length <= 6
    ) {
      const speaker = people.personSpeaker(runs[0]!, runs[0]!.start)
      if (speaker.kind === 'person')
        return {
          speaker,
          cue: { type: 'byline', text: signature, place: placeOf(after, runs[0]!) },
          confidence: 0.8,
        }
    }
  }
  // the person the paragraph names just before ("Charles Schultze … once summed up the danger with a metaphor. “…”")
  const named = people.lastPersonBefore(f.place.start, f.paragraph.start)
  if (named)
    return { speaker: named, cue: { type: 'nearby', text: named.name ?? '', place: null }, confidence: 0.5 }
  // a paragraph that opens with a quotation, after a paragraph of the same speaker's
  if (
    prev &&
    !same(prev) &&
    known(prev) &&
    f.paragraph.narrative.slice(0, f.span.start).trim().replace(/[“”"]/g, '') === ''
  ) {
    const between = f.paragraph.index - prev.paragraph.index
    if (between === 1) return from(known(prev)!, 0.6)
  }
  // a paragraph that opens with a quotation, after one that introduces a person ("Dr. Lee has studied
  // the virus for a decade. ¶ “It is unlike anything we have seen.”")
  const before = paragraphs[index - 1]
  if (before && f.paragraph.narrative.slice(0, f.span.start).trim().replace(/[“”"]/g, '') === '') {
    const introduced = people.lastPersonBefore(before.start + before.text.length, before.start)
    if (introduced)
      return {
        speaker: introduced,
        cue: { type: 'nearby', text: introduced.name ?? '', place: null },
        confidence: 0.4,
      }
  }
  return null
}

function placeOf(p: { ordinal: number }, run: { start: number; end: number }): Place {
  return { start: run.start, end: run.end, ordinal: p.ordinal }
}
