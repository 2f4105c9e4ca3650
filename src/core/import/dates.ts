/**
 * Dates written out in the page's own words: "12 November 2024", "Sept. 25, 2018", "30 avril 2015
 * à 07:19", "21.dez.2018 às 12h55", "27. Juli 2017", "21 de diciembre de 2018", "2/26/2015 7:11 AM
 * PST". Used to find a dateline (a line that is only a date), to read the published date from it,
 * and to take dates out of bylines.
 */

// month names and their usual abbreviations, in English, French, German, Spanish, Portuguese,
// Italian, Dutch and Czech; index = month - 1
const MONTHS: string[][] = [
  [
    'january',
    'jan',
    'janvier',
    'janv',
    'januar',
    'jänner',
    'enero',
    'ene',
    'janeiro',
    'gennaio',
    'gen',
    'januari',
    'leden',
    'ledna',
  ],
  [
    'february',
    'feb',
    'février',
    'fevrier',
    'févr',
    'fevr',
    'februar',
    'febrero',
    'fevereiro',
    'fev',
    'febbraio',
    'februari',
    'únor',
    'února',
  ],
  ['march', 'mar', 'mars', 'märz', 'marz', 'mär', 'marzo', 'março', 'marco', 'maart', 'březen', 'března'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'duben', 'dubna'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei', 'květen', 'května'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'junho', 'giugno', 'giu', 'červen', 'června'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'julho', 'luglio', 'lug', 'červenec', 'července'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'srpen', 'srpna'],
  [
    'september',
    'sep',
    'sept',
    'septembre',
    'septiembre',
    'setiembre',
    'set',
    'setembro',
    'settembre',
    'září',
  ],
  [
    'october',
    'oct',
    'octobre',
    'oktober',
    'okt',
    'octubre',
    'outubro',
    'out',
    'ottobre',
    'ott',
    'říjen',
    'října',
  ],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopadu'],
  [
    'december',
    'dec',
    'décembre',
    'decembre',
    'déc',
    'dezember',
    'dez',
    'diciembre',
    'dic',
    'dezembro',
    'dicembre',
    'prosinec',
    'prosince',
  ],
]
const MONTH_INDEX = new Map<string, number>()
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_INDEX.set(n, i + 1)))

const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
  'lunes',
  'martes',
  'miércoles',
  'miercoles',
  'jueves',
  'viernes',
  'sábado',
  'sabado',
  'domingo',
  'segunda-feira',
  'terça-feira',
  'quarta-feira',
  'quinta-feira',
  'sexta-feira',
  'lunedì',
  'martedì',
  'mercoledì',
  'giovedì',
  'venerdì',
]

const byLength = (a: string, b: string) => b.length - a.length
const MONTH = `(?:${[...MONTH_INDEX.keys()].sort(byLength).join('|')})\\.?`
const WEEKDAY = `(?:${WEEKDAYS.sort(byLength).join('|')})\\.?,?`
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º|°|\.)?`
const YEAR = String.raw`(?:1[89]|20)\d\d`

// "12 November 2024", "27. Juli 2017", "21 de diciembre de 2018", "30 avril 2015", "21.dez.2018"
const DAY_MONTH_YEAR = `(${DAY})\\s*(?:de\\s+)?(${MONTH})[\\s,.]*(?:de\\s+|del\\s+)?(${YEAR})`
// "February 1, 2015", "Sept. 25, 2018", "Feb 1 2015"
const MONTH_DAY_YEAR = `(${MONTH})\\s*(${DAY}),?\\s+(${YEAR})`
// "2024-11-12", "12/11/2024", "12.11.2024", "2/26/2015"
const ISO_DATE = String.raw`(${YEAR})-(\d\d)-(\d\d)`
const NUMERIC_DATE = String.raw`(\d{1,2})[./](\d{1,2})[./](${YEAR}|\d\d)`
const TIME = String.raw`(?:[01]?\d|2[0-3])(?:[:h.][0-5]\d)(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?|(?:1[0-2]|0?[1-9])\s*[ap]\.?\s?m\.?`
const ZONE = String.raw`(?:UTC|GMT|CET|CEST|MEZ|MESZ|BST|IST|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AEST|AEDT|JST|KST|HKT|SGT|BRT|ART|[+-]\d{2}:?\d{2})`
const RELATIVE = String.raw`(?:\d+|an?|one|un|une|ein|eine|einem|einer)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans?|stunden?|tagen?|wochen?|monaten?|jahren?|horas?|días?|dias?|semanas?|meses?|años?|anos?|hodin(?:ami|ou|y)?|minut(?:ami|ou|y)?|dn(?:y|ů|em)|dnem)\s*(?:ago)?|(?:il y a|vor|hace|há|před)\s+\d+\s+\p{L}+|(?:yesterday|today|hier|aujourd'hui|gestern|heute|ayer|hoy|ontem|hoje|včera|dnes)`

const DATE_PATTERNS: RegExp[] = [
  new RegExp(DAY_MONTH_YEAR, 'iu'),
  new RegExp(MONTH_DAY_YEAR, 'iu'),
  new RegExp(ISO_DATE, 'u'),
  new RegExp(NUMERIC_DATE, 'u'),
]

// everything a dateline may hold besides the date itself (\b is ASCII-only: "à" needs lookarounds)
const WORD_START = String.raw`(?<![\p{L}\p{N}])`
const WORD_END = String.raw`(?![\p{L}\p{N}])`
const FILLER = new RegExp(
  String.raw`${WORD_START}(?:\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:read|de lecture|lesezeit|de lectura|de leitura)|${WEEKDAY}|${TIME}|${ZONE}|${RELATIVE}|(?:last\s+)?(?:updated|published|posted|modified|created|originally published|first published|on|at|le|à|a|am|um|el|de|del|às|as|em|publié|publiée|mis à jour|modifié|veröffentlicht|aktualisiert|zuletzt aktualisiert|stand|actualizado|actualización|publicado|atualizado|atualização|pubblicato|aggiornato|il|alle|ore|h|uhr|hrs?))${WORD_END}|[|·•,;:/()–—-]+`,
  'giu',
)
// a time, an "ago" phrase or a month and day: what a dateline holds when it has no full date
const PARTIAL = new RegExp(
  String.raw`${WORD_START}(?:${TIME}|${RELATIVE}|${MONTH}\s*${DAY}|${DAY}\s*${MONTH})${WORD_END}`,
  'giu',
)

const pad = (n: number) => String(n).padStart(2, '0')

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1
}

function monthOf(word: string): number | undefined {
  return MONTH_INDEX.get(word.toLowerCase().replace(/\.$/, ''))
}

function fullYear(y: string): number {
  const n = Number(y)
  return y.length === 2 ? (n > 50 ? 1900 + n : 2000 + n) : n
}

/** The first full date (with a year) written in `text`, as YYYY-MM-DD, with where it was; null if none. */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  let best: { iso: string; index: number; length: number } | null = null
  for (const [k, pattern] of DATE_PATTERNS.entries()) {
    const m = pattern.exec(text)
    if (m === null) continue
    let y: number
    let mo: number | undefined
    let d: number
    if (k === 0) {
      d = parseInt(m[1]!, 10)
      mo = monthOf(m[2]!)
      y = fullYear(m[3]!)
    } else if (k === 1) {
      mo = monthOf(m[1]!)
      d = parseInt(m[2]!, 10)
      y = fullYear(m[3]!)
    } else if (k === 2) {
      y = Number(m[1])
      mo = Number(m[2])
      d = Number(m[3])
    } else {
      // 2/26/2015 is month first; 26/2/2015 and 12.11.2024 day first
      const a = Number(m[1])
      const b = Number(m[2])
      y = fullYear(m[3]!)
      const dotted = m[0].includes('.')
      ;[d, mo] = !dotted && b > 12 ? [b, a] : [a, b]
    }
    if (mo === undefined || !validDay(y, mo, d)) continue
    const found = { iso: `${y}-${pad(mo)}-${pad(d)}`, index: m.index, length: m[0].length }
    if (best === null || found.index < best.index) best = found
  }
  return best
}

/** `text` without its dates, times, "ago" phrases and the words around them ("Updated", "at"). */
export function stripDates(text: string): string {
  let out = text
  for (let i = 0; i < 4; i++) {
    const found = findDate(out)
    if (found === null) break
    out = `${out.slice(0, found.index)} ${out.slice(found.index + found.length)}`
  }
  // a time or an "ago" phrase, and the filler that introduces them, at the end or the start
  const tail = new RegExp(
    String.raw`(?:\s*(?:(?<![\p{L}\p{N}])(?:on|at|le|à|am|um|el|às|em|updated|published|posted|last updated|mis à jour|aktualisiert|actualizado|atualizado|${WEEKDAY}|${TIME}|${ZONE}|${RELATIVE})(?![\p{L}\p{N}])|[|·•,;:@–—-]))+\s*$`,
    'iu',
  )
  out = out.replace(tail, '')
  out = out.replace(
    new RegExp(
      String.raw`^\s*(?:(?<![\p{L}\p{N}])(?:${WEEKDAY}|${TIME}|${ZONE})(?![\p{L}\p{N}])[\s,|·•@]*)+`,
      'iu',
    ),
    '',
  )
  return out.replace(/\s+/g, ' ').trim()
}

/** True when `text` holds a date (or a time, or "2 hours ago") and nothing else but the words around one. */
export function isDateline(text: string): boolean {
  const t = text.trim()
  if (t.length > 90 || t.length < 4) return false
  const found = findDate(t)
  let rest = found === null ? t : `${t.slice(0, found.index)} ${t.slice(found.index + found.length)}`
  if (found === null) {
    // "1:39 PM ET", "Updated 2 hours ago", "Sept. 25": a time, an age or a day of a month
    const partial = rest.replace(PARTIAL, ' ')
    if (partial === rest) return false
    rest = partial
  }
  rest = rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim()
  if (rest === '') return true
  // "2/26/2015 7:11 AM PST BY TMZ STAFF": a date with the byline after it
  return /^(?:by|par|por|von)\s+[\p{L}.'’ -]{2,40}$/iu.test(rest)
}

/** The date of a dateline, or the date a paragraph opens with ("Feb. 23, 2015 -- Life-threatening…"). */
export function leadingDate(text: string): string | null {
  const found = findDate(text.slice(0, 80))
  if (found === null) return null
  const before = text.slice(0, found.index).replace(FILLER, ' ').trim()
  return before === '' ? found.iso : null
}
