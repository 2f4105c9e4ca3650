/**
 * The article's entity index: people, organisations and places with their mentions. A person's
 * mentions merge under the fullest form of the name ("Trump", "President Trump" → one entry); a
 * bare name two people share ("Kim") is resolved per mention: as a speaker's cue, to the person
 * the cue resolved to; in a person's own quotation, never to that person; otherwise to the one
 * named in full in this or the previous paragraph, else to the one the article named first.
 */
import { TITLES, type NameRun } from './names'
import { firstIndex, type NameMention, type Speakers } from './speakers'
import type { AnalysisSection, Entity, EntityKind, Place } from './types'

export function indexEntities(sections: AnalysisSection[], speakers: Speakers): Entity[] {
  // sections are in article order
  const ordinalAt = (offset: number) =>
    sections[firstIndex(sections, (s) => s.start > offset) - 1]?.ordinal ?? sections[0]?.ordinal ?? 1
  const starts = new Map<number, number>()
  for (const s of [...sections].reverse()) starts.set(s.ordinal, s.start)
  const paragraphStart = (ordinal: number) => starts.get(ordinal) ?? 0
  const persons = speakers.mentions.filter((m) => speakers.isPerson(m))
  const fullMentions = persons.filter((m) => m.run.words.length > 1)
  // by start, each with its place in the mentions' order (a paragraph's narrative, then its quotations)
  const byStart = fullMentions.map((m, i) => [m, i] as const).sort((a, b) => a[0].run.start - b[0].run.start)
  const firstSeen = new Map<string, number>()
  for (const m of fullMentions) {
    const name = speakers.fullName(m.run, m.run.start)
    if (!firstSeen.has(name)) firstSeen.set(name, m.run.start)
  }

  const resolvePerson = (m: NameMention): string => {
    const cued = speakers.speakerAt(m.run.start)
    if (cued) return cued
    if (m.run.words.length > 1) return speakers.fullName(m.run, m.run.start)
    const word = m.run.words[0]!
    const quote = speakers.quoteAround(m.run.start)
    const self = quote?.speaker.kind === 'person' ? quote.speaker.name : null
    const candidates = [...firstSeen.keys()].filter(
      (n) => n !== self && (n.endsWith(` ${word}`) || n.startsWith(`${word} `)),
    )
    if (!candidates.length) return speakers.fullName(m.run, m.run.start)
    const ordinal = ordinalAt(m.run.start)
    const from = paragraphStart(ordinal - 1)
    // the last in the mentions' order of those from the previous paragraph on
    let local: readonly [NameMention, number] | undefined
    for (let i = firstIndex(byStart, ([f]) => f.run.start >= from); i < byStart.length; i++) {
      const [f, order] = byStart[i]!
      if (f.run.start >= m.run.start) break
      if ((!local || order > local[1]) && candidates.includes(speakers.fullName(f.run, f.run.start)))
        local = byStart[i]
    }
    if (local) return speakers.fullName(local[0].run, local[0].run.start)
    return candidates.sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!)[0]!
  }

  const entities = new Map<string, Entity>()
  const add = (key: string, name: string, kind: EntityKind, run: NameRun) => {
    const entity = entities.get(key) ?? { name, kind, aliases: [], mentions: [] }
    const place: Place = { start: run.start, end: run.end, ordinal: ordinalAt(run.start) }
    entity.mentions.push({ text: run.text, place })
    if (run.text !== entity.name && !entity.aliases.includes(run.text)) entity.aliases.push(run.text)
    entities.set(key, entity)
  }
  for (const m of speakers.mentions) {
    if (speakers.isPerson(m)) {
      const name = resolvePerson(m)
      add(`person:${name}`, name, 'person', m.run)
      continue
    }
    const kind = m.kind === 'name' ? null : m.kind
    if (!kind || kind === 'person') continue // a person only by description ("the Virginia Democrat")
    // a lone title ("President") or a one-letter word is no entity
    if (m.run.words.length === 1 && (TITLES.has(m.run.words[0]!.toLowerCase()) || m.run.words[0]!.length < 2))
      continue
    const name = m.run.words.join(' ')
    add(`${kind}:${name.toLowerCase()}`, name, kind, m.run)
  }
  return [...entities.values()].sort(
    (a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name),
  )
}
