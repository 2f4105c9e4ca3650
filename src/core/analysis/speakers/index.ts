/**
 * Who said each quotation. Rules over the text around a quoted span, as a reader takes them:
 * the cue next to it ("…,” said X", "X said", "according to X", "X told …", "He continued, “…"),
 * its speaker resolved to the fullest name the article gives ("Klingner" → Bruce Klingner; a
 * pronoun → the nearest person named outside quotations whose gender fits), an organisation or an
 * unnamed source kept as its description; a quotation without a cue carries the speaker of the one
 * before it in the paragraph, or is a pull quote signed by the next paragraph.
 */
import { judgeSpan, type QuotedSpan } from '../quotes'
import type { NameRun } from '../names'
import type { AnalysisSection, Quote } from '../types'
import { carry } from './carry'
import { findCue, nestedCue } from './cues'
import { firstIndex } from './firstIndex'
import { mentionsIn, type NameMention } from './mentions'
import { sentenceBreaks, toParagraph } from './paragraphs'
import { People } from './people'
import { described, subjectCue } from './subjects'
import { UNKNOWN, type Found, type Paragraph } from './types'

// the entity index (../entities.ts) reads these from here
export { firstIndex } from './firstIndex'
export type { NameMention } from './mentions'

export interface Speakers {
  quotes: Quote[]
  /** every name run of the article, outside quotations and in them */
  mentions: NameMention[]
  /** whether a mention names a person (by its words, or as a speaker, or as part of a person's name) */
  isPerson(m: NameMention): boolean
  /** the fullest name of the person a run names */
  fullName(run: NameRun, at: number): string
  /** the speaker a cue's name resolved to, by the cue run's start; the quotation a mention is inside */
  speakerAt(start: number): string | null
  quoteAround(start: number): Quote | null
}

/** Attribute every quotation of the article's sections; the people found on the way go to the entity index. */
export function attributeQuotes(sections: AnalysisSection[]): Speakers {
  const paragraphs = sections.map((s, i) => toParagraph(s, i))
  const mentions: NameMention[] = []
  for (const p of paragraphs) {
    mentions.push(...mentionsIn(p.narrative, p.start, false))
    for (const s of p.spans) if (!s.nested) mentions.push(...mentionsIn(s.text, p.start + s.start, true))
  }

  const found: Found[] = []
  for (const p of paragraphs) {
    const breaks = sentenceBreaks(p.narrative)
    const outers = p.spans.filter((s) => !s.nested)
    for (const span of p.spans) {
      const siblings = span.nested ? p.spans.filter((s) => s.nested) : outers
      const i = siblings.indexOf(span)
      const cue = span.nested
        ? nestedCue(p, span)
        : findCue(p, span, siblings[i - 1], siblings[i + 1], breaks)
      const subject = cue || span.nested ? null : subjectCue(p, span, siblings[i - 1], breaks)
      const before = p.text.slice(Math.max(0, span.start - 40), Math.max(0, span.start - 1))
      // a nested quotation is someone's words reproduced by the speaker: a sentence of them is enough
      const besideQuotation = span.nested || siblings.length > 1
      const verdict = judgeSpan(span, before, { cued: cue !== null || subject !== null, besideQuotation })
      if (verdict !== 'quotation') continue
      const place = { start: p.start + span.start, end: p.start + span.end, ordinal: p.ordinal }
      const outer = span.nested ? outerOf(found, p, span) : null
      if (span.nested && !outer) continue
      found.push({ paragraph: p, span, place, cue, subject, attribution: null, outer })
    }
  }

  const textAt = (start: number, end: number) => {
    // the paragraphs are in article order: the first one ending after `start`, by bisection
    const pieces: string[] = []
    for (let i = firstIndex(paragraphs, (p) => p.start + p.text.length > start); i < paragraphs.length; i++) {
      const p = paragraphs[i]!
      if (p.start >= end) break
      if (p.start + p.text.length > start)
        pieces.push(p.text.slice(Math.max(0, start - p.start), Math.max(0, end - p.start)))
    }
    return pieces.join(' ')
  }
  const people = new People(mentions, found, textAt)
  for (const [i, f] of found.entries()) {
    if (f.cue) f.attribution = people.resolve(f.cue, f)
    else if (f.subject) f.attribution = described(found, i, f.subject, people)
    if (!f.attribution || f.attribution.speaker.kind === 'unknown')
      f.attribution = carry(found, i, paragraphs, people) ?? f.attribution
  }
  const quotes = found.map((f) => ({
    text: f.span.text,
    place: f.place,
    ...(f.attribution ?? {
      speaker: UNKNOWN,
      cue: { type: 'nearby' as const, text: '', place: null },
      confidence: 0,
    }),
  }))
  const cueSpeakers = new Map<number, string>()
  for (const [i, f] of found.entries())
    if (f.cue?.phrase.kind === 'name' && quotes[i]!.speaker.kind === 'person')
      cueSpeakers.set(f.cue.phrase.run.start, quotes[i]!.speaker.name!)
  const outer = quotes.filter((q, i) => !found[i]!.outer)
  return {
    quotes,
    mentions,
    isPerson: (m) => people.isPerson(m),
    fullName: (run, at) => people.fullName(run, at),
    speakerAt: (start) => cueSpeakers.get(start) ?? null,
    // outer quotations do not overlap and are in article order
    quoteAround: (start) => {
      const q = outer[firstIndex(outer, (o) => o.place.end > start)]
      return q && q.place.start <= start ? q : null
    },
  }
}

/** The quotation a nested span is inside: one of its paragraph's, which are the last found so far. */
function outerOf(found: Found[], p: Paragraph, span: QuotedSpan): Found | null {
  let outer: Found | null = null
  for (let j = found.length - 1; j >= 0 && found[j]!.paragraph === p; j--) {
    const f = found[j]!
    if (f.span.start < span.start && f.span.end >= span.end) outer = f
  }
  return outer
}
