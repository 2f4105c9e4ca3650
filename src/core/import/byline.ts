/**
 * Bylines made of people's names only. A page's byline text carries much else: "By", dates and
 * times, the author's role and employer, the publication, a comment count glued on, an @handle.
 * cleanByline keeps the names, or gives null when what is left does not look like names.
 */
import { stripDates } from './dates'

/** "By" in the languages we read, at the start of a byline. */
const BY =
  /^(?:(?:posted|written|reported|words|text|story|compiled|edited|published|updated)\s+by|by|from|par|por|von|door|av|af|napsal[a]?|autor(?:a|in)?|auteur|author|texto|texte|text|reportage|redacción|redação)\s*[:：]?\s+/iu

// Words that end the names: what follows is a role, an employer or the publication.
const ROLE_WORDS = new RegExp(
  String.raw`\b(?:senior|junior|staff|chief|executive|managing|contributing|deputy|associate|assistant|special|foreign|political|national|global|tech(?:nology)?|science|business|health|sports?|games?|opinion|features?|news|editor(?:ial)?|editors|writer|reporter|correspondent|columnist|contributor|journalist|producer|analyst|technologist|director|president|professor|fellow|founder|ceo|cto|head|manager|officer|counsel|attorney|lawyer|researcher|scientist|student|intern|photographer|team|staff|desk|bureau|agency|redaktion|redakteur(?:in)?|korrespondent(?:in)?|rédact(?:eur|rice)|journaliste|envoyée?|spécial(?:e)?|correspondant(?:e)?|redactora?|corresponsal|periodista|enviad[oa]|repórter|colunista|colaborador(?:a)?|da redação|de la rédaction|health news)\b`,
  'iu',
)
// "Jane Roe for The Atlantic", "Jane Roe at Reuters": written in lower case, or it may be a name
const ROLE_PREPOSITION = /\s(?:for|at|in|with|via|of|from)\s/u

// Credentials after a name: "Brenda Goodman, MA", "Jane Roe MD".
const CREDENTIALS =
  /^(?:m\.?a|m\.?s|m\.?d|ph\.?d|m\.?p\.?h|r\.?n|d\.?o|m\.?b\.?a|j\.?d|esq|jr|sr|ii|iii|iv|bsc|msc|llm|dr|prof)\.?$/i

/** Words that make a byline nobody's: "TMZ Staff", "Newsroom", "Contributors to Wikimedia projects". */
const NOBODY = new Set([
  'staff',
  'admin',
  'administrator',
  'team',
  'newsroom',
  'redaktion',
  'rédaction',
  'redacción',
  'redação',
  'redazione',
  'anonymous',
  'anonyme',
  'unknown',
  'wire',
  'agencies',
  'agency',
  'services',
  'contributors',
  'desk',
])

/** Words that are no name on their own, but may end one ("Ann Reporter"). */
const NOT_FIRST_NAMES = new Set([
  'the',
  'editor',
  'editors',
  'news',
  'reporter',
  'guest',
  'contributor',
  'press',
  'updated',
  'published',
  'share',
  'follow',
  'unfollow',
  'profile',
  'email',
  'twitter',
  'facebook',
  'more',
  'view',
  'all',
  'posts',
  'comments',
  'contact',
  'about',
  'feed',
  'live',
  'video',
])

/** Name particles written in lower case: "Ludwig van Beethoven", "Maria da Silva". */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'e',
  'st.',
])

/** Wire agencies, credited as a byline where no person is named. */
const AGENCIES =
  /^(?:AFP|AP|Reuters|dpa|DPA|EFE|ANSA|Lusa|ČTK|CTK|APA|Kyodo|Xinhua|PA|Bloomberg|Associated Press|Agence France-Presse|Deutsche Presse-Agentur|Agência Brasil|Europa Press|Notimex|Yonhap|Press Association)$/

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’.\s])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
}

/** One name, tidied ("GILLIAN MOHNEY" → "Gillian Mohney"), or null when it does not look like one. */
export function cleanName(raw: string): string | null {
  let name = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’([{<|·•,;:–—-]+|[\s"'“”‘’)\]}>|·•,;:–—-]+$/gu, '')
    .trim()
  if (name === '' || name.length > 60) return null
  if (/[@/\\#=]|https?:|www\.|\d/.test(name)) return null
  // names in Chinese, Japanese or Korean script are not told from other words here
  if (CJK.test(name)) return null
  // "Bruno (Henrique Zecchin) Rodrigues": a parenthesised middle name stays
  const words = name.split(' ')
  while (words.length > 1 && CREDENTIALS.test(words[words.length - 1]!)) words.pop()
  if (words.length === 0 || words.length > 6) return null
  const allCaps = words.every((w) => w === w.toUpperCase())
  const fixed = words.map((w) => (allCaps && w.length > 1 && /\p{L}/u.test(w) ? titleCase(w) : w))
  const kept: string[] = []
  for (const w of fixed) {
    const bare = w.replace(/^\(|\)$/g, '')
    // a brand written like "WebMD" or a word that is no name: the name ends before it, if it has begun
    if (NOBODY.has(bare.toLowerCase())) return null
    const ok =
      !(NOT_FIRST_NAMES.has(bare.toLowerCase()) && kept.length === 0) &&
      (PARTICLES.has(bare.toLowerCase()) || (NAME_WORD.test(bare) && !/\p{Ll}\p{Lu}{2,}/u.test(bare)))
    if (!ok) {
      if (kept.filter((k) => !PARTICLES.has(k.toLowerCase())).length >= 2) break
      return null
    }
    kept.push(w)
  }
  while (kept.length > 0 && PARTICLES.has(kept[kept.length - 1]!.toLowerCase())) kept.pop()
  if (kept.length === 0 || PARTICLES.has(kept[0]!.toLowerCase())) return null
  name = kept.join(' ')
  return name
}

/**
 * A byline's people, "Jane Roe, John Doe", from whatever the page put around them; null when it
 * names nobody. `single` allows a one-word name (a source that labels it as a person's name).
 */
export function cleanByline(
  raw: string | null | undefined,
  options: { single?: boolean } = {},
): string | null {
  if (!raw) return null
  let text = raw.replace(/\s+/g, ' ').trim()
  if (text === '' || text.length > 300) return null
  if (AGENCIES.test(text)) return text
  // glued text: "Lucas Nolan22 Dec 2016651" (a name, a date, a comment count)
  text = text.replace(/(\p{Ll})(\d)/gu, '$1 $2')
  text = stripDates(text)
  // "@handle", e-mail addresses and links go; so do "| Updated …" and "– 5 min read" tails
  text = text
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/\s[|•·–—]\s.*$/u, '')
    .replace(/\b\d+\s*(?:min|minute|minutes|mins)\b.*$/i, '')
    .trim()
  // counts left over ("651" comments) and lone numbers are never part of a name
  text = text.replace(/(?:^|\s)\d+(?=\s|$)/g, ' ').trim()
  for (let i = 0; i < 3; i++) text = text.replace(BY, '').trim()
  // "Posted by Alon Zakai.": the sentence's period, not an initial's
  text = text.replace(/(\p{L}{2,})\.$/u, '$1')
  // a role after a comma or in a second line: "Jane Roe, Senior Staff Technologist, ACLU"
  const parts = text
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\+|\s\/\s)\s*/iu)
    // "Jane Roe (Reuters)": the employer in brackets goes; a bracketed middle name stays
    .map((p) => p.replace(/\s*\([^()]*\)\s*$/u, '').trim())
    .filter(Boolean)
  const names: string[] = []
  for (const part of parts) {
    // "Jane Roe Senior Writer": the names end where a role word begins
    const roles = [part.search(ROLE_WORDS), part.search(ROLE_PREPOSITION)].filter((i) => i !== -1)
    let roleAt = roles.length === 0 ? -1 : Math.min(...roles)
    // a role word right after a first name is a surname: "Ann Reporter", "Tom Head"
    if (roleAt !== -1 && part.slice(0, roleAt).trim().split(/\s+/).filter(Boolean).length < 2) roleAt = -1
    let head = roleAt === -1 ? part : part.slice(0, roleAt).trim()
    // "MA WebMD Health News" after "Brenda Goodman,": a credential, then the employer
    while (/^\S+\s/.test(head) && CREDENTIALS.test(head.split(' ')[0]!)) head = head.replace(/^\S+\s+/, '')
    if (head === '') {
      if (names.length > 0) break // the rest of the byline is the role
      continue
    }
    if (CREDENTIALS.test(head.replace(/\s+/g, ''))) continue
    const name = cleanName(head)
    if (name === null) {
      // after the names, the rest is an employer or a place ("…, ACLU", "…, Washington")
      if (names.length > 0) break
      return null
    }
    if (!options.single && !name.includes(' ') && !/^\p{Lu}\.$/u.test(name)) {
      if (names.length > 0) break
      return null
    }
    if (roleAt !== -1 && names.length > 0 && !name.includes(' ')) break
    if (!names.includes(name)) names.push(name)
    if (roleAt !== -1) break
  }
  return names.length === 0 ? null : names.join(', ')
}

/** True for a one-word handle ("devindra") rather than a name. */
export function isUsername(byline: string): boolean {
  return !/\s/.test(byline.trim())
}

/**
 * The fuller form of a username among names seen on the page: "devindra" → "Devindra Hardawar".
 * The handle must be a word of the name (or the name's words run together, "devindrahardawar").
 */
export function fullerName(handle: string, names: Iterable<string>): string | null {
  const h = handle.toLowerCase().replace(/[^\p{L}]/gu, '')
  if (h.length < 3) return null
  for (const name of names) {
    if (!name.includes(' ')) continue
    const words = name.toLowerCase().split(/\s+/)
    const joined = words.join('').replace(/[^\p{L}]/gu, '')
    if (words.some((w) => w.replace(/[^\p{L}]/gu, '') === h) || joined === h || joined.startsWith(h))
      return name
  }
  return null
}
