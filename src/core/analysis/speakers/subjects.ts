/** Quotations no verb attributes, inside a sentence whose subject is a described person. */
import type { QuotedSpan } from '../quotes'
import type { Attribution } from '../types'
import { cue } from './cues'
import { DETERMINER, SOURCE, cutSource } from './lexicon'
import { clauseBefore } from './paragraphs'
import type { People } from './people'
import { describe } from './phrases'
import type { Cue, Found, Paragraph } from './types'

/**
 * A quotation no verb attributes, inside a sentence whose subject is a described person: "One
 * survey respondent identified “too many tools” as …, while another pointed to the “…”" (the
 * second's "another" is one more of the same).
 */
export function subjectCue(
  p: Paragraph,
  span: QuotedSpan,
  prev: QuotedSpan | undefined,
  breaks: number[],
): Cue | null {
  const before = clauseBefore(p, span, prev, breaks)
  const source = SOURCE.exec(before.text)
  if (source) {
    const at = before.at + source.index
    const text = cutSource(source[0])
    return cue(p, 'nearby', describe(text, '', p.start + at), at, at + text.length)
  }
  const another = /\b(?:while|and|but|whereas|as)\s+(another|others)\s+[\p{Ll}]+(?:ed|s)\b/u.exec(before.text)
  if (!another || !prev) return null
  const at = before.at + another.index + another[0].indexOf(another[1]!)
  return cue(
    p,
    'nearby',
    { kind: 'description', text: another[1]!, org: false, at: p.start + at },
    at,
    at + another[1]!.length,
  )
}

/** A described subject's attribution; "another" is one more of the unnamed source quoted before it in the paragraph. */
export function described(found: Found[], i: number, subject: Cue, people: People): Attribution | null {
  const phrase = subject.phrase
  if (phrase.kind !== 'description') return null
  if (phrase.text !== 'another' && phrase.text !== 'others') {
    // "the senator" may be a person named before
    const resolved = people.resolve(subject, found[i]!)
    return { ...resolved, confidence: resolved.confidence * 0.7 }
  }
  const prev = found[i - 1]
  const speaker = prev?.paragraph === found[i]!.paragraph ? prev.attribution?.speaker : null
  if (speaker?.kind !== 'unnamed' || !speaker.description) return null
  return {
    speaker: {
      ...speaker,
      description: `${phrase.text} ${speaker.description.replace(DETERMINER, '').trim()}`,
    },
    cue: { type: 'nearby', text: subject.text, place: subject.place },
    confidence: 0.5,
  }
}
