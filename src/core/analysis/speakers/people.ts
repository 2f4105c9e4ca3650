/** Pronoun and name resolution: a cue's speaker as the fullest name the article gives, a pronoun as the person it stands for. */
import { genderOf, nameKind, PRONOUNS, type Gender, type NameRun } from '../names'
import type { Attribution, Speaker } from '../types'
import { firstIndex } from './firstIndex'
import type { NameMention } from './mentions'
import { UNKNOWN, type Cue, type Found } from './types'

/** The article's people: their fullest names, genders, and where each is mentioned outside quotations. */
export class People {
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
