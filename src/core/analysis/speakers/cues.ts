/** The sentence-level rules: the cue words around a quoted span ("…,” said X", "X noted that “…", "according to X", "X: “…"). */
import { nameKind, nameRuns } from '../names'
import type { QuotedSpan } from '../quotes'
import type { CueType } from '../types'
import { SOURCE, VERB, cutSource } from './lexicon'
import { clauseBefore, words } from './paragraphs'
import { describe, phraseAfter, phraseBefore, possessed, subjectOf } from './phrases'
import type { Clause, Cue, Paragraph, Phrase } from './types'

/** The cue words around a quoted span, within its sentence and between its neighbours. */
export function findCue(
  p: Paragraph,
  span: QuotedSpan,
  prev: QuotedSpan | undefined,
  next: QuotedSpan | undefined,
  breaks: number[],
): Cue | null {
  const closeMark = span.open ? span.end : span.end + 1
  const afterEnd = Math.min(next ? next.start - 1 : p.text.length, ...breaks.filter((b) => b > closeMark))
  const after = { text: p.narrative.slice(closeMark, Math.max(closeMark, afterEnd)), at: closeMark }
  const before = clauseBefore(p, span, prev, breaks)
  const endsSentence = /[.?!…]$/.test(span.text.trim())
  const afterWords = after.text.trim().split(/\s+/).filter(Boolean).length
  return (
    (endsSentence && afterWords > 6 ? null : cueAfter(p, after)) ??
    cueBefore(p, before) ??
    colonCue(p, before) ??
    cueAtEnd(p, after) ??
    according(p, before) ??
    according(p, after)
  )
}

/** Inside a quotation: "… and say, ‘Let’s try this.’" */
export function nestedCue(p: Paragraph, span: QuotedSpan): Cue | null {
  const from = Math.max(0, p.text.lastIndexOf('.', span.start - 2) + 1)
  const before = { text: p.text.slice(from, span.start - 1), at: from }
  return cueBefore({ ...p, narrative: p.text }, before)
}

export function cue(p: Paragraph, type: CueType, phrase: Phrase, start: number, end: number): Cue {
  return {
    type,
    phrase,
    text: p.text.slice(start, end),
    place: { start: p.start + start, end: p.start + end, ordinal: p.ordinal },
  }
}

/** ",” said X" / ",” X said" / ",” he told …": the clause after the closing mark opens with the cue. */
function cueAfter(p: Paragraph, clause: Clause): Cue | null {
  // "“…” — Jane Doe"
  const dash = /^\s*[—–]\s*/.exec(clause.text)
  if (dash) {
    const at = clause.at + dash[0].length
    const [run] = nameRuns(p.narrative.slice(at, clause.at + clause.text.length), p.start + at)
    if (run && run.start === p.start + at)
      return cue(p, 'said-after', { kind: 'name', run }, clause.at, run.end - p.start)
  }
  const ws = words(clause)
  if (!ws.length || !/^[\s,—–-]*$/.test(p.narrative.slice(clause.at, ws[0]!.start))) return null
  const first = ws[0]!.word.toLowerCase()
  if (VERB.has(first)) {
    const phrase = phraseAfter(p, ws[0]!.end, clause.at + clause.text.length)
    return phrase ? cue(p, 'said-after', phrase.phrase, ws[0]!.start, phrase.end) : null
  }
  // X (aux)* said: find the verb among the first words
  for (let i = 1; i < Math.min(ws.length, 9); i++) {
    const w = ws[i]!.word.toLowerCase()
    if (!VERB.has(w)) continue
    const phrase = phraseBefore(p, { text: p.narrative.slice(clause.at, ws[i]!.start), at: clause.at })
    return phrase
      ? cue(p, phrase.kind === 'pronoun' ? 'pronoun' : 'said-after', phrase, ws[0]!.start, ws[i]!.end)
      : null
  }
  return null
}

/** "He continued, “" / "X noted that “" / "he called it “" / "In Dr. Shadlen's words, “" / "a question came from X: “" */
function cueBefore(p: Paragraph, clause: Clause): Cue | null {
  const text = p.narrative.slice(clause.at, clause.at + clause.text.length)
  const inWords =
    /\b(?:in|to use)\s+((?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}’'-]*?)['’]s?\s+(?:own\s+)?words,?\s*$/u.exec(
      text,
    )
  if (inWords) {
    const runs = nameRuns(inWords[1]!, p.start + clause.at + inWords.index + inWords[0].indexOf(inWords[1]!))
    if (runs[0])
      return cue(
        p,
        'said-before',
        { kind: 'name', run: runs[0] },
        clause.at + inWords.index,
        clause.at + text.length,
      )
  }
  const fromColon = /\bfrom\s+([^,:]+?):\s*$/.exec(text)
  if (fromColon) {
    const at = clause.at + fromColon.index + fromColon[0].indexOf(fromColon[1]!)
    const phrase = phraseAfter(p, at, at + fromColon[1]!.length)
    if (phrase) return cue(p, 'said-before', phrase.phrase, clause.at + fromColon.index, phrase.end)
  }
  const ws = words(clause)
  // the last speech verb, no more than 8 words from the quotation
  for (let i = ws.length - 1; i >= Math.max(0, ws.length - 9); i--) {
    const w = ws[i]!.word.toLowerCase()
    if (!VERB.has(w)) continue
    const pre = { text: p.narrative.slice(clause.at, ws[i]!.start), at: clause.at }
    const phrase = phraseBefore(p, pre) ?? subjectOf(p, pre)
    if (!phrase) return null
    const start = phrase.kind === 'name' ? phrase.run.start - p.start : phrase.at - p.start
    return cue(
      p,
      phrase.kind === 'pronoun' ? 'pronoun' : 'said-before',
      phrase,
      Math.min(start, ws[i]!.start),
      ws[i]!.end,
    )
  }
  return null
}

/** A partial quotation mid-sentence: "… is the “single leading factor” contributing to this, the CDC says." */
function cueAtEnd(p: Paragraph, clause: Clause): Cue | null {
  const m = /,\s*([^,]+?)\s*[.?!]?\s*$/.exec(clause.text)
  if (!m) return null
  const tail = { text: m[1]!, at: clause.at + m.index + m[0].indexOf(m[1]!) }
  const ws = words(tail)
  if (ws.length < 2 || ws.length > 7) return null
  const last = ws[ws.length - 1]!
  if (VERB.has(last.word.toLowerCase())) {
    const phrase = phraseBefore(p, { text: p.narrative.slice(tail.at, last.start), at: tail.at })
    if (phrase)
      return cue(p, phrase.kind === 'pronoun' ? 'pronoun' : 'said-after', phrase, ws[0]!.start, last.end)
  }
  if (VERB.has(ws[0]!.word.toLowerCase())) {
    const phrase = phraseAfter(p, ws[0]!.end, tail.at + tail.text.length)
    if (phrase) return cue(p, 'said-after', phrase.phrase, ws[0]!.start, phrase.end)
  }
  return null
}

function according(p: Paragraph, clause: Clause): Cue | null {
  const m = /\baccording to\s+/i.exec(clause.text)
  if (!m) return null
  const at = clause.at + m.index + m[0].length
  const phrase = phraseAfter(p, at, clause.at + clause.text.length)
  return phrase ? cue(p, 'according-to', phrase.phrase, clause.at + m.index, phrase.end) : null
}

/**
 * A sentence that introduces the quotation after a colon, its subject the speaker: "Rachel
 * Stephens, senior analyst at RedMonk, shared her perspective: “…”", "Another respondent
 * highlighted the opportunities: “…”".
 */
function colonCue(p: Paragraph, clause: Clause): Cue | null {
  const text = p.narrative.slice(clause.at, clause.at + clause.text.length)
  if (!/:\s*$/.test(text)) return null
  const lead = /^[\s“”"‘’]*/.exec(text)![0].length
  const rest = text.slice(lead)
  const colon = clause.at + text.lastIndexOf(':') + 1
  const pronoun = /^(he|she|they)\b/i.exec(rest)
  if (pronoun)
    return cue(
      p,
      'pronoun',
      { kind: 'pronoun', word: pronoun[1]!.toLowerCase(), at: p.start + clause.at + lead },
      clause.at + lead,
      colon,
    )
  const [run] = nameRuns(rest, p.start + clause.at + lead)
  // a person's name, not a capitalised first word ("Example:", "Regardless of …:") nor a place
  const kind = run && nameKind(run)
  if (
    run &&
    run.start === p.start + clause.at + lead &&
    (kind === 'person' || (kind === 'name' && run.words.length > 1))
  ) {
    const owned = possessed(p, nameRuns(rest, p.start + clause.at + lead), 0)
    return cue(p, 'said-before', { kind: 'name', run: owned ?? run }, clause.at + lead, colon)
  }
  const source = SOURCE.exec(rest)
  if (source && source.index === 0)
    return cue(
      p,
      'said-before',
      describe(cutSource(source[0]), '', p.start + clause.at + lead),
      clause.at + lead,
      colon,
    )
  return null
}
