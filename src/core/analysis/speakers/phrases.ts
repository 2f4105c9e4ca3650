/** The speaker phrase beside a speech verb: a name, a pronoun or a description, not yet resolved. */
import { nameKind, nameRuns, type NameRun } from '../names'
import { AUX, DETERMINER, ORG_NOUNS, PREPOSITIONS, SOURCE, UNNAMED_ORG_HEADS } from './lexicon'
import type { Clause, Paragraph, Phrase } from './types'

/** The speaker phrase right after a verb: "said C. Eugene Steuerle, a fellow …", "said the company". */
export function phraseAfter(p: Paragraph, from: number, to: number): { phrase: Phrase; end: number } | null {
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
export function phraseBefore(p: Paragraph, clause: Clause): Phrase | null {
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
export function subjectOf(p: Paragraph, clause: Clause): Phrase | null {
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

/** "Apple’s Tim Cook": the name run after runs[i] when runs[i] is its possessor, else null. */
export function possessed(p: Paragraph, runs: NameRun[], i: number): NameRun | null {
  const run = runs[i]
  const next = runs[i + 1]
  if (!run || !next) return null
  const between = p.narrative.slice(run.end - p.start, next.start - p.start)
  return /^['’]s\s+$/.test(between) ? next : null
}

export function describe(np: string, rest: string, at: number): Phrase {
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
