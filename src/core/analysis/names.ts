/**
 * Proper names in running text: runs of capitalised words ("C. Eugene Steuerle", "Ramon Pacheco
 * Pardo", "Center for a New American Security"), what kind of name each is, and the person's name
 * without its titles. compromise supplies the lexicon (first names and their gender, places);
 * the runs themselves are found here because compromise splits or misses many of them.
 */
import nlp from 'compromise'

export interface Token {
  text: string
  start: number
  end: number
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt capt sgt adm rev st jr sr mt ft vs inc corp co ltd no jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)

/** Words with their offsets; a final period stays on initials ("C."), abbreviations ("Dr.") and dotted forms ("U.S."). */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu)) {
    let word = m[0]
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1)
      const keep = /^\p{Lu}$/u.test(bare) || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase())
      if (!keep) word = bare
    }
    tokens.push({ text: word, start: offset + m.index, end: offset + m.index + word.length })
  }
  return tokens
}

export const TITLES = new Set(
  [
    'Mr.',
    'Mrs.',
    'Ms.',
    'Miss',
    'Mx.',
    'Dr.',
    'Prof.',
    'Professor',
    'Sen.',
    'Senator',
    'Rep.',
    'Representative',
    'Congressman',
    'Congresswoman',
    'President',
    'Vice',
    'Gov.',
    'Governor',
    'Judge',
    'Justice',
    'Gen.',
    'General',
    'Col.',
    'Colonel',
    'Lt.',
    'Capt.',
    'Captain',
    'Sgt.',
    'Adm.',
    'Admiral',
    'Secretary',
    'Minister',
    'Prime',
    'Chancellor',
    'King',
    'Queen',
    'Prince',
    'Princess',
    'Pope',
    'Sir',
    'Dame',
    'Lord',
    'Lady',
    'Rev.',
    'Mayor',
    'Ambassador',
    'Chairman',
    'Chairwoman',
    'Director',
    'Commissioner',
    'Detective',
    'Officer',
    'Coach',
    'Leader',
  ].map((t) => t.toLowerCase()),
)
const GENDERED_TITLES: Record<string, Gender> = {
  'mr.': 'male',
  'mrs.': 'female',
  'ms.': 'female',
  miss: 'female',
  sir: 'male',
  dame: 'female',
  king: 'male',
  queen: 'female',
  prince: 'male',
  princess: 'female',
  lord: 'male',
  lady: 'female',
  congressman: 'male',
  congresswoman: 'female',
  chairman: 'male',
  chairwoman: 'female',
}
const SUFFIXES = new Set(['jr.', 'sr.', 'ii', 'iii', 'iv', 'ph.d.', 'phd', 'md', 'm.d.', 'esq.'])
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'van',
  'von',
  'le',
  'la',
  'du',
  'bin',
  'al',
  'dos',
  'y',
  'ibn',
])
const ORG_LINKS = new Set(['for', 'of', 'and', 'the', 'on', '&', 'a', 'an', 'at'])

/** Capitalised words that open sentences, never names. */
const NOT_NAMES = new Set(
  `a an the this that these those there their they them then than he she his her hers him it its we our us you your i my me
  in on at by for from of to with without within into onto over under after before during since until while when where why how what which who whom whose
  and but or nor so yet if because although though however meanwhile moreover furthermore additionally instead still also even just only
  despite beyond among between through throughout across around about against along amid toward towards upon
  as all any some many most much more few several each every both either neither no not none one two three other another such
  here now today yesterday tomorrow ultimately eventually finally first second third last next early late earlier later
  mr mrs ms dr said says asked according plus essentially indeed perhaps maybe once twice
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december`.split(
    /\s+/,
  ),
)

const ORG_WORDS = new Set(
  `university college institute institution center centre council committee office department agency association society
  company corporation corp. inc. ltd. bank fund foundation party ministry commission administration senate congress parliament court
  news times post journal magazine press tribune herald guardian gazette review laboratory lab program programme service services board organization organisation
  union group network hospital clinic school academy army navy force forces police command team club league federation bureau
  authority reserve fed museum library house church trust alliance coalition council studio studios records media broadcasting institutes`.split(
    /\s+/,
  ),
)

export type Gender = 'male' | 'female'
export type NameKind = 'person' | 'organization' | 'place' | 'name'

export interface NameRun {
  /** the run as written, possessive removed ("Trump’s" → "Trump") */
  text: string
  start: number
  end: number
  /** the tokens after the titles */
  words: string[]
  titles: string[]
}

const isCapitalised = (w: string) => /^[\p{Lu}]/u.test(w)
const stripPossessive = (w: string) => w.replace(/['’]s$/u, '').replace(/['’]$/u, '')

/**
 * Runs of capitalised words in `text` (offsets in the article when `offset` is given). Runs break
 * at punctuation; sentence-opening words ("However", "The") are dropped from their front.
 */
export function nameRuns(text: string, offset = 0): NameRun[] {
  const tokens = tokenize(text, 0)
  const runs: NameRun[] = []
  let run: Token[] = []
  const flush = () => {
    // trailing linking words ("Center for") are not part of the name
    while (run.length && !isCapitalised(run[run.length - 1]!.text)) run.pop()
    while (
      run.length &&
      NOT_NAMES.has(run[0]!.text.toLowerCase().replace(/\.$/, '')) &&
      !TITLES.has(run[0]!.text.toLowerCase())
    )
      run.shift()
    // a sentence's first word capitalised only for being first ("Whether Trump …", "Don’t say"); alone,
    // an adjective stays: it is as likely a surname ("Brown said")
    const first = run[0]
    if (
      first &&
      opensSentence(text, first.start) &&
      isCommonWord(first.text, run.length > 1) &&
      !isKnownName(run.map((t) => t.text).join(' '))
    )
      run.shift()
    if (run.length) runs.push(...splitLinks(run).map((r) => toRun(r, offset)))
    run = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const prev = run[run.length - 1]
    const gap = prev ? text.slice(prev.end, token.start) : ''
    const joined = !prev || /^\s$/.test(gap)
    // a possessive ends a name, but for an institution named after someone ("King’s College London")
    const possessive = /['’]s$/u.test(prev?.text ?? '')
    if (!joined || (possessive && !ORG_WORDS.has(token.text.toLowerCase()))) flush()
    const lower = token.text.toLowerCase()
    if (isCapitalised(token.text)) run.push(token)
    else if (run.length && (PARTICLES.has(lower) || ORG_LINKS.has(lower)) && linksOn(tokens, i))
      run.push(token)
    else flush()
  }
  flush()
  return runs
}

/** Whether `at` starts the text or follows a sentence's mark (looking back only over the spaces between). */
function opensSentence(text: string, at: number): boolean {
  if (at === 0) return true
  let i = at
  while (i > 0 && /\s/.test(text[i - 1]!)) i--
  return i > 0 && '.?!:;“"(—'.includes(text[i - 1]!)
}

/** Linking words ("Center for a New American Security") join a run only on the way to a capitalised word. */
function linksOn(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++) {
    const t = tokens[j]!.text
    if (isCapitalised(t)) return true
    if (!ORG_LINKS.has(t.toLowerCase())) return false
  }
  return false
}

/** "Mitch McConnell of Kentucky" is a person and a place; "Center for a New American Security" one name. */
function splitLinks(run: Token[]): Token[][] {
  const isOrg = (ts: Token[]) => ts.some((t) => ORG_WORDS.has(t.text.toLowerCase()))
  const isLink = (t: Token) => ORG_LINKS.has(t.text.toLowerCase())
  const trim = (ts: Token[]) => {
    let a = 0
    let b = ts.length
    while (a < b && isLink(ts[a]!)) a++
    while (b > a && isLink(ts[b - 1]!)) b--
    return ts.slice(a, b)
  }
  // "the CIA and the Center for …": "and the" starts another name
  const and = run.findIndex((t, i) => t.text === 'and' && run[i + 1]?.text === 'the')
  if (and > 0)
    return [...splitLinks(trim(run.slice(0, and))), ...splitLinks(trim(run.slice(and + 2)))].filter(
      (p) => p.length,
    )
  if (!isOrg(run)) {
    // no institution: each linking word separates names
    const parts: Token[][] = [[]]
    for (const t of run) {
      if (isLink(t)) parts.push([])
      else parts[parts.length - 1]!.push(t)
    }
    return parts.filter((p) => p.length)
  }
  // "Ramon Pacheco Pardo of King’s College London": a name before "of"/"at" that is no institution stands alone
  const link = run.findIndex((t) => t.text === 'of' || t.text === 'at')
  if (link > 0 && !isOrg(run.slice(0, link)))
    return [run.slice(0, link), ...splitLinks(trim(run.slice(link + 1)))].filter((p) => p.length)
  return [run]
}

function toRun(tokens: Token[], offset: number): NameRun {
  const last = tokens[tokens.length - 1]!
  const words = tokens.map((t) => t.text)
  words[words.length - 1] = stripPossessive(words[words.length - 1]!)
  const end = last.end - (last.text.length - words[words.length - 1]!.length)
  const titles: string[] = []
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase())) titles.push(words.shift()!)
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.toLowerCase())) words.pop()
  return {
    text: tokens
      .map((t) => t.text)
      .join(' ')
      .replace(/['’]s$/u, ''),
    start: offset + tokens[0]!.start,
    end: offset + end,
    words,
    titles,
  }
}

// compromise's own lexicon, read directly: a document per word costs milliseconds, a look-up nothing
const model = nlp.model() as {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> }
}

/** The tags compromise's lexicon gives a word or phrase, with their parents ("MaleName" is a "Person"). */
function tagsOf(phrase: string): Set<string> {
  const tags = new Set<string>()
  for (const tag of [model.one.lexicon[phrase.toLowerCase()] ?? []].flat()) {
    tags.add(tag)
    for (const parent of model.one.tagSet[tag]?.parents ?? []) tags.add(parent)
  }
  return tags
}

const lexicon = new Map<
  string,
  { first: Gender | 'any' | null; place: boolean; person: boolean; org: boolean }
>()

function lookUp(word: string) {
  let found = lexicon.get(word)
  if (!found) {
    const tags = tagsOf(word)
    const male = tags.has('MaleName')
    const female = tags.has('FemaleName')
    found = {
      first: male && !female ? 'male' : female && !male ? 'female' : tags.has('FirstName') ? 'any' : null,
      place: tags.has('Place'),
      person: tags.has('Person'),
      org: tags.has('Organization'),
    }
    lexicon.set(word, found)
  }
  return found
}

/** "North Korea", "Bank of America": the whole run is in the lexicon, whatever its first word is alone. */
function isKnownName(phrase: string): boolean {
  const found = lookUp(phrase.replace(/['’]s$/u, ''))
  return found.place || found.org || found.person
}

const FUNCTION_TAGS = [
  'Conjunction',
  'Preposition',
  'Adverb',
  'Determiner',
  'Pronoun',
  'Verb',
  'QuestionWord',
  'Modal',
]

/** A dictionary word that is no name ("Whether", "Early", "Plus"); a first name or place is a name. */
function isCommonWord(word: string, adjectives: boolean): boolean {
  const found = lookUp(word)
  if (found.first || found.place || found.person || found.org) return false
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (/n't$|^(?:i|you|we|they|it|that|there)'/.test(lower)) return true
  const tags = tagsOf(lower)
  if (FUNCTION_TAGS.some((t) => tags.has(t)) || (!tags.size && /ly$/.test(lower))) return true
  return adjectives && tags.has('Adjective')
}

const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u

/** What a run names, from its words alone ("name" when nothing tells). */
export function nameKind(run: NameRun): NameKind {
  const lower = run.words.map((w) => w.toLowerCase())
  if (lower.some((w) => ORG_WORDS.has(w))) return 'organization'
  if (run.titles.length) return 'person'
  if (run.words.length === 1 && ACRONYM.test(run.words[0]!))
    return /\./.test(run.words[0]!) ? 'place' : 'organization'
  const one = run.words.length === 1 ? run.words[0]! : null
  // a degree after a name ("Katie Allen, PhD") is no name of its own
  if (one && (SUFFIXES.has(one.toLowerCase()) || /^(?:PhD|MD|MBA|MPH|RN|JD)$/.test(one))) return 'name'
  // "GitLab", "RedMonk": a capital inside the word names a company
  if (one && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(one)) return 'organization'
  const whole = lookUp(run.words.join(' '))
  // alone, a city that is also a first name ("Houston") is the city
  if (whole.place && (one || !lookUp(run.words[0]!).first)) return 'place'
  if (whole.org) return 'organization'
  if (lookUp(run.words[0]!).first && run.words.length > 1) return 'person'
  if (whole.person) return 'person'
  return 'name'
}

export function genderOf(run: NameRun): Gender | null {
  for (const t of run.titles) {
    const g = GENDERED_TITLES[t.toLowerCase()]
    if (g) return g
  }
  if (run.words.length < 2) return null
  const first = lookUp(run.words[0]!).first
  return first === 'male' || first === 'female' ? first : null
}

export const PRONOUNS: Record<string, Gender | 'plural' | 'self'> = {
  he: 'male',
  she: 'female',
  they: 'plural',
  i: 'self',
  we: 'self',
}
