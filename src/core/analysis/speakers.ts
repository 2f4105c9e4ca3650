/**
 * Who said each quotation. Rules over the text around a quoted span, as a reader takes them:
 * the cue next to it ("…,” said X", "X said", "according to X", "X told …", "He continued, “…"),
 * its speaker resolved to the fullest name the article gives ("Klingner" → Bruce Klingner; a
 * pronoun → the nearest person named outside quotations whose gender fits), an organisation or an
 * unnamed source kept as its description; a quotation without a cue carries the speaker of the one
 * before it in the paragraph, or is a pull quote signed by the next paragraph.
 */
import { findQuotedSpans, judgeSpan, type QuotedSpan } from './quotes'
import {
  genderOf,
  nameKind,
  nameRuns,
  PRONOUNS,
  tokenize,
  type Gender,
  type NameKind,
  type NameRun,
} from './names'
import type { AnalysisSection, Attribution, CueType, Place, Quote, Speaker } from './types'

const VERBS = `say says said saying tell tells told explain explains explained add adds added note notes noted
continue continues continued recall recalls recalled write writes wrote written ask asks asked reply replies replied
remark remarks remarked suggest suggests suggested argue argues argued insist insists insisted warn warns warned
state states stated declare declares declared observe observes observed comment comments commented
acknowledge acknowledges acknowledged admit admits admitted claim claims claimed reflect reflects reflected
describe describes described call calls called tweet tweets tweeted respond responds responded answer answers answered
conclude concludes concluded emphasize emphasizes emphasized emphasise emphasises emphasised maintain maintains maintained
announce announces announced testify testifies testified caution cautions cautioned concede concedes conceded
predict predicts predicted agree agrees agreed joke jokes joked muse muses mused wonder wonders wondered urge urges urged
complain complains complained boast boasts boasted lament laments lamented confirm confirms confirmed
counter counters countered recount recounts recounted stress stresses stressed think thinks thought shout shouts shouted
exclaim exclaims exclaimed quip quips quipped scoff scoffs scoffed sigh sighs sighed elaborate elaborates elaborated
allege alleges alleged vow vows vowed promise promises promised pledge pledges pledged reiterate reiterates reiterated
recalled summed sums adding noting saying explaining arguing warning insisting telling recalling asking`.split(
  /\s+/,
)
const VERB = new Set(VERBS)
/** between a speaker and the verb ("Lorenz had written", "Rothman recalls thinking") */
const AUX = new Set(
  'had has have would will also later then once now previously recently simply just further finally again often always never long still has'.split(
    ' ',
  ),
)
const DETERMINER = /^(?:a|an|the|one|another|some|several|two|three|many|his|her|their|its|this|that)\b/i
const ORG_NOUNS = new Set(
  `company firm ministry department agency government administration police military army navy campaign organization organisation
  group university institute council committee hospital school commission office bureau board court team club party union
  embassy newspaper network channel publisher airline carrier bank retailer manufacturer automaker studio city county state
  district league federation association society institution agency ministry regulator prosecutor's court tribunal parliament
  senate congress white house kremlin pentagon authority authorities service operator utility charity
  statement spokesman spokeswoman spokesperson`.split(/\s+/),
)
/** a spokesperson speaks for an organisation, but is an unnamed person in the labelling we follow */
const UNNAMED_ORG_HEADS = new Set(['spokesman', 'spokeswoman', 'spokesperson'])
const PREPOSITIONS = new Set(['of', 'from', 'at', 'in', 'with', 'for', 'on', 'who', 'which'])
/** a person described, not named: "a former official", "one survey respondent", "another resident" */
const SOURCE = new RegExp(
  String.raw`\b(?:a|an|the|one|another)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:` +
    `official|source|poster|person|member|spokesman|spokeswoman|spokesperson|resident|witness|aide|diplomat|` +
    `officer|analyst|expert|user|commenter|reader|viewer|observer|respondent|participant|employee|worker|` +
    `student|parent|teacher|customer|voter|patient|researcher|insider|executive|neighbou?r|relative|colleague` +
    String.raw`)s?\b[^,.;:“”"]*`,
  'iu',
)
/** the description ends before what it does ("one survey respondent identified …") */
const cutSource = (text: string) =>
  text.split(/\s+(?:put|and|who|which|that|[\p{Ll}]+ed|[\p{Ll}]+s)\b(?=\s|$)/u)[0]!.trim()

interface Paragraph {
  /** its index in the article's paragraphs */
  index: number
  ordinal: number
  start: number
  text: string
  /** the text with every quotation's words blanked: what the narrator says */
  narrative: string
  spans: QuotedSpan[]
}

/** A speaker phrase as found: a name, a pronoun or a description, before resolving it. */
type Phrase =
  | { kind: 'name'; run: NameRun }
  | { kind: 'pronoun'; word: string; at: number }
  | { kind: 'description'; text: string; org: boolean; at: number }

interface Cue {
  type: CueType
  phrase: Phrase
  place: Place
  text: string
}

interface Found {
  paragraph: Paragraph
  span: QuotedSpan
  place: Place
  cue: Cue | null
  /** without a cue: a person described as the subject of its sentence ("One respondent identified “…”") */
  subject: Cue | null
  attribution: Attribution | null
  outer: Found | null
}

export interface NameMention {
  run: NameRun
  kind: NameKind
  inQuote: boolean
  /** a name used as a modifier ("the Obama administration"): no antecedent for a pronoun */
  modifier: boolean
  /** after "the" without a title ("the Virginia Democrat"): a description, not a name */
  described: boolean
}

/** Nouns a name modifies rather than heads: "Trump administration", "Carter era". */
const MODIFIED = new Set(
  `administration government campaign era presidency team camp family officials aides supporters allies policy policies
  doctrine years cabinet regime tenure legacy style plan deal voters loyalists critics associates advisers advisors`.split(
    /\s+/,
  ),
)

function mentionsIn(text: string, offset: number, inQuote: boolean): NameMention[] {
  return nameRuns(text, offset).map((run) => {
    const following = /^\s+([\p{L}]+)/u.exec(text.slice(run.end - offset))?.[1] ?? ''
    // "the Virginia Democrat": a description, whatever its words
    const described =
      !run.titles.length &&
      /\bthe\s+$/i.test(text.slice(Math.max(0, run.start - offset - 5), run.start - offset))
    return {
      run,
      kind: nameKind(run),
      inQuote,
      described,
      modifier: described || MODIFIED.has(following.toLowerCase()),
    }
  })
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ')

function toParagraph(section: AnalysisSection, index: number): Paragraph {
  const spans = findQuotedSpans(section.text)
  // pieces joined once: a paragraph's quotations blanked in linear time
  const pieces: string[] = []
  let at = 0
  for (const s of spans) {
    if (s.nested) continue
    pieces.push(section.text.slice(at, s.start), blank(s.text))
    at = s.end
  }
  pieces.push(section.text.slice(at))
  const narrative = pieces.join('')
  return { index, ordinal: section.ordinal, start: section.start, text: section.text, narrative, spans }
}

/** Offsets (in the paragraph) just after each sentence's final mark. */
function sentenceBreaks(narrative: string): number[] {
  const breaks: number[] = []
  const keep = new Set(
    tokenize(narrative)
      .filter((t) => t.text.endsWith('.'))
      .map((t) => t.end - 1),
  )
  for (const m of narrative.matchAll(/[.?!;](?=[\s”"’)]|$)/g))
    if (!keep.has(m.index)) breaks.push(m.index + 1)
  return breaks
}

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

const UNKNOWN: Speaker = { kind: 'unknown', name: null, description: null }

/** The first index whose item passes `test`, in a list where it fails up to some point and passes after. */
export function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (test(items[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
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

/** The speaker of an uncued quotation: the previous one's in the paragraph (or the next one's), a pull quote's signature, the person named just before. */
function carry(found: Found[], i: number, paragraphs: Paragraph[], people: People): Attribution | null {
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

/** The narrative of the span's sentence before its opening mark, from the quotation before it on. */
function clauseBefore(
  p: Paragraph,
  span: QuotedSpan,
  prev: QuotedSpan | undefined,
  breaks: number[],
): Clause {
  const openMark = span.start - 1
  const beforeStart = Math.max(prev ? prev.end + 1 : 0, ...breaks.filter((b) => b <= openMark))
  return { text: p.narrative.slice(beforeStart, Math.max(beforeStart, openMark)), at: beforeStart }
}

/** The cue words around a quoted span, within its sentence and between its neighbours. */
function findCue(
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
function nestedCue(p: Paragraph, span: QuotedSpan): Cue | null {
  const from = Math.max(0, p.text.lastIndexOf('.', span.start - 2) + 1)
  const before = { text: p.text.slice(from, span.start - 1), at: from }
  return cueBefore({ ...p, narrative: p.text }, before)
}

interface Clause {
  text: string
  /** where it starts in the paragraph */
  at: number
}

const words = (c: Clause) =>
  [...c.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => {
    const word = m[0].replace(/\.$/, '')
    return { word, start: c.at + m.index, end: c.at + m.index + word.length }
  })

function cue(p: Paragraph, type: CueType, phrase: Phrase, start: number, end: number): Cue {
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

/** The speaker phrase right after a verb: "said C. Eugene Steuerle, a fellow …", "said the company". */
function phraseAfter(p: Paragraph, from: number, to: number): { phrase: Phrase; end: number } | null {
  const text = p.narrative.slice(from, to)
  const lead = /^\s*/.exec(text)![0].length
  const rest = text.slice(lead)
  const pronoun = /^(he|she|they|I|we)\b/i.exec(rest)
  if (pronoun)
    return {
      phrase: { kind: 'pronoun', word: pronoun[1]!.toLowerCase(), at: p.start + from + lead },
      end: from + lead + pronoun[0].length,
    }
  const runs = nameRuns(rest, p.start + from + lead)
  const run = possessed(p, runs, 0) ?? runs[0]
  if (run && runs[0]!.start - p.start - from - lead <= (/^(?:the)\s/i.test(rest) ? 4 : 0))
    return { phrase: { kind: 'name', run }, end: run.end - p.start }
  if (DETERMINER.test(rest)) {
    const np = /^[^,.;:—]+/.exec(rest)![0].trim()
    // "said one resident, Maria Lopez": the name after the description
    const after = rest.slice(np.length)
    const named = /^,\s*/.exec(after)
    if (named) {
      const at = from + lead + np.length + named[0].length
      const [name] = nameRuns(p.narrative.slice(at, to), p.start + at)
      const close = name && /^\s*(?:[,.;]|$)/.test(p.narrative.slice(name.end - p.start, to))
      if (
        name &&
        name.start === p.start + at &&
        close &&
        nameKind(name) !== 'place' &&
        nameKind(name) !== 'organization'
      )
        return { phrase: { kind: 'name', run: name }, end: name.end - p.start }
    }
    return {
      phrase: describe(np, rest.slice(np.length), p.start + from + lead),
      end: from + lead + np.length,
    }
  }
  return null
}

/** The speaker phrase ending a clause before its verb: "Mr. Warner, the Virginia Democrat," / "A former official, who requested anonymity," / "he". */
function phraseBefore(p: Paragraph, clause: Clause): Phrase | null {
  let text = clause.text.replace(/\s+$/, '')
  // aux and adverbs between the speaker and the verb
  for (;;) {
    const m = /\s+([\p{L}]+)$/u.exec(text)
    if (!m || !(AUX.has(m[1]!.toLowerCase()) || /ly$/.test(m[1]!))) break
    text = text.slice(0, m.index)
  }
  let appositive = ''
  if (text.endsWith(',')) {
    const inner = text.slice(0, -1)
    const comma = inner.lastIndexOf(',')
    if (comma < 0) return null
    appositive = inner.slice(comma + 1).trim()
    // "Her deputy, Omar Haddad, noted": the appositive is the name
    const named = nameRuns(inner.slice(comma + 1), p.start + clause.at + comma + 1)
    if (named.length === 1 && named[0]!.text === appositive && nameKind(named[0]!) !== 'place')
      return { kind: 'name', run: named[0]! }
    text = inner.slice(0, comma)
  }
  const segment = /[^,;:—()]*$/.exec(text)![0]
  const at = clause.at + text.length - segment.length
  const trimmed = segment.trim()
  if (!trimmed) return null
  const tail = /\b(he|she|they|I|we)$/i.exec(trimmed)
  if (tail && trimmed.split(/\s+/).length <= 2)
    return {
      kind: 'pronoun',
      word: tail[1]!.toLowerCase(),
      at: p.start + at + segment.indexOf(tail[1]!, segment.length - trimmed.length - 1),
    }
  const head = /([\p{L}’'-]+)$/u.exec(trimmed)?.[1] ?? ''
  const runs = nameRuns(segment, p.start + at)
  for (const [i, run] of runs.entries()) {
    // "Apple’s Tim Cook said": the one whose it is speaks
    if (possessed(p, runs, i)) continue
    const following = p.narrative.slice(run.end - p.start).match(/^\s*([\p{L}]+)/u)?.[1]
    const modifier = following && /^\p{Ll}/u.test(following) && !PREPOSITIONS.has(following)
    if (run.end - p.start < at + segment.length && modifier) continue
    if (
      DETERMINER.test(trimmed) &&
      /^\p{Ll}/u.test(head) &&
      !runs.some((r) => r.end - p.start >= at + segment.trimEnd().length)
    )
      break
    return { kind: 'name', run }
  }
  if (DETERMINER.test(trimmed) || /^\p{Ll}/u.test(trimmed)) {
    const np = trimmed.replace(/^.*\b(?:that|and|but|while|as|when|because)\s+/i, '')
    if (DETERMINER.test(np))
      return describe(
        np,
        appositive ? `, ${appositive},` : '',
        p.start + clause.at + clause.text.lastIndexOf(np, at + segment.length - clause.at),
      )
  }
  return null
}

/** A clause whose verb is far from its subject ("an unidentified poster put up her picture … and wrote"): its first person-like phrase. */
function subjectOf(p: Paragraph, clause: Clause): Phrase | null {
  const opening = /^[\s“"‘]*(he|she|they)\b/i.exec(clause.text)
  if (opening)
    return {
      kind: 'pronoun',
      word: opening[1]!.toLowerCase(),
      at: p.start + clause.at + opening[0].length - opening[1]!.length,
    }
  const m = SOURCE.exec(clause.text)
  return m
    ? describe(m[0].split(/\s+(?:put|and|who|which|that)\b/)[0]!.trim(), '', p.start + clause.at + m.index)
    : null
}

/**
 * A quotation no verb attributes, inside a sentence whose subject is a described person: "One
 * survey respondent identified “too many tools” as …, while another pointed to the “…”" (the
 * second's "another" is one more of the same).
 */
function subjectCue(
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
function described(found: Found[], i: number, subject: Cue, people: People): Attribution | null {
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

/** "Apple’s Tim Cook": the name run after runs[i] when runs[i] is its possessor, else null. */
function possessed(p: Paragraph, runs: NameRun[], i: number): NameRun | null {
  const run = runs[i]
  const next = runs[i + 1]
  if (!run || !next) return null
  const between = p.narrative.slice(run.end - p.start, next.start - p.start)
  return /^['’]s\s+$/.test(between) ? next : null
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

function describe(np: string, rest: string, at: number): Phrase {
  const relative = /^,\s*(who|which)\b[^,]*,?/.exec(rest)?.[0].replace(/,\s*$/, '') ?? ''
  const text = (np + relative).trim()
  const head = /([\p{L}]+)\s*$/u.exec(np)?.[1]?.toLowerCase() ?? ''
  return {
    kind: 'description',
    text: text[0]!.toLowerCase() + text.slice(1),
    org: ORG_NOUNS.has(head) && !UNNAMED_ORG_HEADS.has(head),
    at,
  }
}

/** The article's people: their fullest names, genders, and where each is mentioned outside quotations. */
class People {
  private readonly persons: NameMention[]
  /** persons named outside quotations, not as modifiers: in article order */
  private readonly outside: NameMention[]
  private readonly learned = new Map<string, Gender>()
  /** the longest person names ending ("ends:Kim") or starting ("starts:Kim") with some words, in article order */
  private readonly extensions = new Map<string, { length: number; mentions: Array<[NameMention, number]> }>()
  private readonly fullNames = new Map<NameMention, string>()
  private genders: Map<string, Gender> | null = null
  private readonly eligible = new Map<Gender, number[]>()
  /** by a role's head word ("senator"): the indices in `outside` of the people named with that role */
  private readonly roles = new Map<string, number[]>()
  readonly isPerson: (m: NameMention) => boolean

  constructor(
    mentions: NameMention[],
    found: Found[],
    private readonly textAt: (start: number, end: number) => string,
  ) {
    const speakerNames = new Set(
      found.flatMap((f) => (f.cue?.phrase.kind === 'name' ? [f.cue.phrase.run.words.join(' ')] : [])),
    )
    // every proper first or last part of a person's name ("Klingner" of "Bruce Klingner")
    const parts = new Set<string>()
    for (const m of mentions)
      if (m.kind === 'person')
        for (let k = 1; k < m.run.words.length; k++) {
          parts.add(m.run.words.slice(k).join(' '))
          parts.add(m.run.words.slice(0, k).join(' '))
        }
    const isPerson = (m: NameMention) => {
      if (m.described) return false
      if (m.kind === 'person') return true
      if (m.kind !== 'name') return false
      const name = m.run.words.join(' ')
      // a speaker ("Osei said"), a person's surname ("Klingner"), or a speaker's full name ("Kofi Osei")
      return (
        speakerNames.has(name) ||
        parts.has(name) ||
        // a name sharing its first or last word with a speaker ("Xi Jinping" beside "Xi said")
        (m.run.words.length > 1 &&
          (speakerNames.has(m.run.words[m.run.words.length - 1]!) || speakerNames.has(m.run.words[0]!)))
      )
    }
    this.isPerson = isPerson
    this.persons = mentions.filter(isPerson)
    this.outside = this.persons.filter((m) => !m.inQuote && !m.modifier)
    for (const [index, m] of this.persons.entries()) {
      const words = m.run.words
      for (let k = 1; k < words.length; k++) {
        this.extend(`ends:${words.slice(k).join(' ')}`, m, index)
        this.extend(`starts:${words.slice(0, k).join(' ')}`, m, index)
      }
    }
    for (const e of this.extensions.values()) e.mentions.sort((a, b) => a[0].run.start - b[0].run.start)
  }

  private extend(key: string, m: NameMention, index: number): void {
    const e = this.extensions.get(key)
    if (!e || m.run.words.length > e.length)
      this.extensions.set(key, { length: m.run.words.length, mentions: [[m, index]] })
    else if (m.run.words.length === e.length) e.mentions.push([m, index])
  }

  /** The fullest name for a run: the longest person name ending with its words (a surname), or else starting with them. */
  fullName(run: NameRun, at: number): string {
    const name = run.words.join(' ')
    // of the longest names, the nearest mention (the first one in the article's order on a tie)
    const pick = (key: string) => {
      const e = this.extensions.get(key)
      if (!e) return null
      const i = firstIndex(e.mentions, ([m]) => m.run.start > at)
      const before = e.mentions[i - 1]
      const after = e.mentions[i]
      const best =
        !before || !after
          ? (before ?? after)!
          : distance(before[0], at) !== distance(after[0], at)
            ? distance(before[0], at) < distance(after[0], at)
              ? before
              : after
            : before[1] < after[1]
              ? before
              : after
      return best[0].run.words.join(' ')
    }
    return pick(`ends:${name}`) ?? (run.words.length === 1 ? pick(`starts:${name}`) : null) ?? name
  }

  gender(name: string): Gender | null {
    const learned = this.learned.get(name)
    if (learned) return learned
    return this.namedGenders().get(name) ?? null
  }

  /** the gender each name gives (its title's, its first name's), from its first mention that tells */
  private namedGenders(): Map<string, Gender> {
    if (!this.genders) {
      this.genders = new Map()
      for (const m of this.persons) {
        const full = this.fullNameOf(m)
        const g = this.genders.has(full) ? null : genderOf(m.run)
        if (g) this.genders.set(full, g)
      }
    }
    return this.genders
  }

  /**
   * "the senator said": the person last named with that role, by title ("Senator Mark Warner"),
   * before the name ("the economist Jeffrey Frankel") or in an appositive ("Jeffrey Frankel, an
   * economist at Harvard,").
   */
  byRole(description: string, at: number): string | null {
    const role = /^the ((?:[a-z-]+ )?[a-z-]+)$/.exec(description)?.[1]
    if (!role) return null
    const head = role.split(' ').pop()!
    const named = this.named(head)
    const i = firstIndex(named, (n) => this.outside[n]!.run.start >= at) - 1
    return i >= 0 ? this.fullNameOf(this.outside[named[i]!]!) : null
  }

  /** The people named with a role, by title, before the name or in an appositive; looked for once per role. */
  private named(head: string): number[] {
    let named = this.roles.get(head)
    if (named) return named
    const word = new RegExp(`\\b${head}\\b`, 'i')
    const ending = new RegExp(`\\b${head}\\s*$`, 'i')
    named = []
    for (const [i, m] of this.outside.entries()) {
      const before = this.textAt(m.run.start - 40, m.run.start)
      const after = this.textAt(m.run.end, m.run.end + 90)
      const appositive = /^,\s*(?:a|an|the)\b[^,.;]*/.exec(after)?.[0] ?? ''
      if (m.run.titles.some((t) => word.test(t)) || word.test(appositive) || ending.test(before))
        named.push(i)
    }
    this.roles.set(head, named)
    return named
  }

  private fullNameOf(m: NameMention): string {
    let name = this.fullNames.get(m)
    if (name === undefined) this.fullNames.set(m, (name = this.fullName(m.run, m.run.start)))
    return name
  }

  personSpeaker(run: NameRun, at: number): Speaker {
    const kind = nameKind(run)
    if (kind === 'organization') return { kind: 'organization', name: run.words.join(' '), description: null }
    return { kind: 'person', name: this.fullName(run, at), description: null }
  }

  /** the indices in `outside` of the people whose names do not give them the other gender */
  private possibly(want: Gender): number[] {
    let list = this.eligible.get(want)
    if (!list) {
      list = []
      for (const [i, m] of this.outside.entries()) {
        const name = this.fullNameOf(m)
        const g = this.namedGenders().get(name)
        if (!g || g === want) list.push(i)
      }
      this.eligible.set(want, list)
    }
    return list
  }

  /** the last of `outside` ending by `at` */
  private lastBy(at: number): number {
    return firstIndex(this.outside, (m) => m.run.end > at) - 1
  }

  lastPersonBefore(at: number, notBefore: number): Speaker | null {
    const m = this.outside[this.lastBy(at)]
    if (!m || m.run.start < notBefore) return null
    return { kind: 'person', name: this.fullNameOf(m), description: null }
  }

  resolve(c: Cue, f: Found): Attribution {
    const phrase = c.phrase
    const cueOut = { type: c.type, text: c.text, place: c.place }
    if (phrase.kind === 'description' && !phrase.org) {
      const named = this.byRole(phrase.text, phrase.at)
      if (named)
        return { speaker: { kind: 'person', name: named, description: null }, cue: cueOut, confidence: 0.75 }
    }
    if (phrase.kind === 'description')
      return {
        speaker: { kind: phrase.org ? 'organization' : 'unnamed', name: null, description: phrase.text },
        cue: cueOut,
        confidence: 0.85,
      }
    if (phrase.kind === 'name')
      return { speaker: this.personSpeaker(phrase.run, phrase.run.start), cue: cueOut, confidence: 0.95 }
    const want = PRONOUNS[phrase.word]
    const exclude = f.outer?.attribution?.speaker.name ?? null
    if (want === 'self') return { speaker: UNKNOWN, cue: { ...cueOut, type: 'pronoun' }, confidence: 0 }
    // "she": over the mentions of people whose names say they are not, without looking at each
    const last = this.lastBy(phrase.at)
    const among = want === 'male' || want === 'female' ? this.possibly(want) : null
    const from = among ? firstIndex(among, (i) => i > last) - 1 : last
    for (let k = from; k >= 0; k--) {
      const m = this.outside[among ? among[k]! : k]!
      const name = this.fullNameOf(m)
      if (name === exclude) continue
      const g = this.gender(name)
      if (want !== 'plural' && g && g !== want) continue
      if (want === 'male' || want === 'female') this.learned.set(name, want)
      return {
        speaker: { kind: 'person', name, description: null },
        cue: { ...cueOut, type: 'pronoun' },
        confidence: 0.8,
      }
    }
    return { speaker: UNKNOWN, cue: { ...cueOut, type: 'pronoun' }, confidence: 0 }
  }
}

function distance(m: NameMention, at: number): number {
  // a mention before the cue is nearer than one the same distance after it
  return m.run.start <= at ? at - m.run.start : (m.run.start - at) * 2
}
