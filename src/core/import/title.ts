import type { SectionDraft } from './sectioning'

export const MAX_TITLE_CHARS = 80

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
])
const LOOK_AROUND = 64
const OPENS_SENTENCE = /[\p{Lu}\p{Nd}"'“‘«([]/u

function endsSentenceAt(text: string, i: number): boolean {
  const next = text[i + 1]
  if (next === undefined) return true
  if (!/\s/.test(next)) return false
  // look-around is bounded so a long run of "A. A. A. …" stays linear (it was quadratic)
  const following = text.slice(i + 1, i + 1 + LOOK_AROUND).trimStart()[0]
  if (following === undefined) return true
  if (!OPENS_SENTENCE.test(following)) return false
  if (text[i] !== '.') return true
  // "U.S. officials", "J. Smith", "Dr. Kim": the period closes an abbreviation
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - LOOK_AROUND), i))?.[1] ?? ''
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false
  return !ABBREVIATIONS.has(word.toLowerCase())
}

/** The first sentence of a paragraph, without a closing period ("!" and "?" are kept). */
export function firstSentence(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if ((ch === '.' || ch === '!' || ch === '?') && endsSentenceAt(text, i)) {
      return text.slice(0, ch === '.' ? i : i + 1).trim()
    }
  }
  return text.trim().replace(/\.$/, '')
}

/** At most `max` characters, cut at a word boundary with "…" when something was cut. */
export function shortenAtWord(text: string, max = MAX_TITLE_CHARS): string {
  if (text.length <= max) return text
  const room = text.slice(0, max - 1)
  const lastSpace = room.lastIndexOf(' ')
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`
}

/** Metadata title, else the first heading, else the first sentence of the first real paragraph. */
export function chooseTitle(
  metadataTitle: string | null | undefined,
  drafts: SectionDraft[],
  fallback: string,
): string {
  const fromMetadata = metadataTitle?.replace(/\s+/g, ' ').trim()
  if (fromMetadata) return shortenAtWord(fromMetadata, 300)
  const heading = drafts.find((d) => d.kind === 'heading')
  if (heading !== undefined) return shortenAtWord(heading.text, 300)
  const paragraph = drafts.find((d) => d.kind === 'paragraph')
  // a title never shows more than MAX_TITLE_CHARS, so the first sentence is sought only near the start
  if (paragraph !== undefined)
    return shortenAtWord(firstSentence(paragraph.text.slice(0, 4 * MAX_TITLE_CHARS)))
  return fallback
}

// ─── Headlines of web pages ────────────────────────────────────────────────────────────────────

/** What a page offers as its headline, gathered by htmlMetadata.ts. */
export interface HeadlineSources {
  /** metadata titles in precedence order: og:title, JSON-LD headline, twitter:title, dc.title… */
  metadata: string[]
  /** the document's <title> */
  documentTitle: string | null
  /** the page's <h1> texts, in document order */
  h1s: string[]
  /** the <h1>s the markup calls the article's headline (inside <article> or <main>, itemprop, class) */
  articleH1s?: string[]
  /** names the site goes by: og:site_name, the publisher, the host name… */
  siteNames: string[]
  /** the article's authors (a title may end " | Jane Roe") */
  authors: string[]
  /** Readability's guess */
  readability: string | null
}

// " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / " between a headline and the site's name
const TAIL_SEPARATOR = /\s+(?:[|·•»«~/]|::|-{1,2}|–|—)\s+|\s+(?=[[(（【])|(?<=[)）\]】])\s*/u
const LEADING_SEPARATOR = /^(.{2,60}?)\s*(?:[:|·•»]|::|\s-{1,2}|\s–|\s—)\s+/u

/** Loose form for comparing titles: case, quotes, punctuation and spacing aside. */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** "example.co.uk" → "example"; also the name's words run together, so "Simply Found" meets "simplyfound.com". */
function siteKeys(names: string[]): Set<string> {
  const keys = new Set<string>()
  for (const name of names) {
    for (const part of name.split(/\s+(?:[|·•»–—:-])\s+|\s+-\s+/u)) {
      const key = titleKey(
        part.replace(
          /\.(?:com|org|net|co|gov|edu|io|info|news|tv|fr|de|es|pt|br|ar|cz|jp|uk|it|nl|ch|at|be)\b/giu,
          '',
        ),
      )
      if (key.length < 2) continue
      keys.add(key)
      keys.add(key.replace(/\s+/g, ''))
    }
  }
  return keys
}

const DATE_PART = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.\d{1,2}\.\d{2,4})$/

/** True for a title part that names the site (or an author, or is a date): "BBC News", "Wikipedia", "07.12.2017". */
function isTailPart(part: string, keys: Set<string>): boolean {
  const bare = part.replace(/^[[(（【]\s*|\s*[\])）】]$/gu, '').trim()
  if (DATE_PART.test(bare)) return true
  const key = titleKey(bare)
  if (key === '') return true
  if (keys.has(key) || keys.has(key.replace(/\s+/g, ''))) return true
  // "Folha" for "Folha de S.Paulo", "Aktuálně.cz" for "Aktuálně.cz - Víte, co se právě děje"
  for (const k of keys) if (k.length >= 4 && (k.startsWith(`${key} `) || key.startsWith(`${k} `))) return true
  return false
}

/** The headline without the site's name (and section, date or author) after it, or before it. */
export function stripSiteTail(title: string, siteNames: string[]): string {
  const keys = siteKeys(siteNames)
  let text = title.replace(/\s+/g, ' ').trim()
  for (let i = 0; i < 4; i++) {
    const parts = text.split(TAIL_SEPARATOR)
    if (parts.length < 2) break
    const last = parts[parts.length - 1]!
    if (!isTailPart(last, keys)) break
    const cut = text.lastIndexOf(last)
    const head = text
      .slice(0, cut)
      .replace(/[\s|·•»«~/:–—-]+$/u, '')
      .trim()
    if (head.length < 3) break
    text = head
  }
  const lead = LEADING_SEPARATOR.exec(text)
  if (lead !== null && isTailPart(lead[1]!, keys) && text.length - lead[0].length >= 3)
    text = text.slice(lead[0].length)
  return text
}

/**
 * What `title` goes on with after `prefix`, compared letter by letter (case, quotes and spacing
 * aside), or null when it does not start with `prefix`.
 */
function remainderAfter(title: string, prefix: string): string | null {
  const letters = (ch: string) => /[\p{L}\p{N}]/u.test(ch)
  const t = title.normalize('NFKC').toLowerCase()
  const p = prefix.normalize('NFKC').toLowerCase()
  let i = 0
  let j = 0
  while (j < p.length) {
    if (!letters(p[j]!)) {
      j++
      continue
    }
    while (i < t.length && !letters(t[i]!)) i++
    if (i >= t.length || t[i] !== p[j]) return null
    i++
    j++
  }
  // the prefix's own closing marks ("…プロテクション」") are not the remainder's
  const closing = /[^\p{L}\p{N}]*$/u.exec(p)![0]
  if (closing !== '' && t.startsWith(closing, i)) i += closing.length
  return i < t.length ? title.normalize('NFKC').slice(i) : null
}

/** A heading's text without the permalink or edit marker pages put after it ("¶", "#", "[edit]"). */
export function tidyHeading(text: string): string {
  return text
    .replace(
      /\s*\[\s*(?:edit|edit source|modifier|modifier le code|bearbeiten|quelltext bearbeiten|editar|editar código-fonte|editar código|modifica|modifica wikitesto|bewerken|upravit)(?:\s*[|·]\s*(?:edit|edit source|modifier|modifier le code|bearbeiten|quelltext bearbeiten|editar|editar código-fonte|editar código|modifica|modifica wikitesto|bewerken|upravit))*\s*\]\s*/giu,
      ' ',
    )
    .replace(/[\s\u00a0]*(?:[¶§#🔗]|&para;)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The headline: the page's <h1> when the metadata or the <title> confirm it (equal, or the title
 * starts with it and the rest is a tail); otherwise the first metadata title, without the site's
 * tail, that is not the site's own name; then the <title>, an <h1>, Readability's guess.
 */
export function chooseHeadline(src: HeadlineSources): string | null {
  const siteNames = [...src.siteNames]
  const metadata = src.metadata.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean)
  const documentTitle = src.documentTitle?.replace(/\s+/g, ' ').trim() || null
  // "Silicon Exposed: Open Verilog flow…" with og:title "Open Verilog flow…": the rest is the site
  if (documentTitle !== null) {
    for (const m of metadata) {
      const at = documentTitle.indexOf(m)
      if (at === -1 || m.length === documentTitle.length) continue
      for (const rest of [documentTitle.slice(0, at), documentTitle.slice(at + m.length)]) {
        const bare = rest.replace(/^[\s|·•»«~/:–—-]+|[\s|·•»«~/:–—-]+$/gu, '')
        if (bare.length >= 2 && bare.length <= 60) siteNames.push(bare)
      }
      break
    }
  }
  const tailNames = [...siteNames, ...src.authors]
  const keys = siteKeys(siteNames)
  const isSite = (t: string) => keys.has(titleKey(t)) || keys.has(titleKey(t).replace(/\s+/g, ''))
  const cleaned = [
    ...metadata,
    ...(documentTitle ? [documentTitle] : []),
    ...(src.readability ? [src.readability] : []),
  ]
    .map((t) => stripSiteTail(t, tailNames))
    .filter((t) => t !== '' && !isSite(t))
  const cleanedKeys = cleaned.map(titleKey)
  const h1s = src.h1s.slice(0, 8).map(tidyHeading)
  const h1Keys = h1s.map(titleKey)
  const wholes = [...metadata, ...(documentTitle ? [documentTitle] : [])]
  for (const h1 of h1s) {
    const key = titleKey(h1)
    if (key.length < 2 || isSite(h1)) continue
    if (cleanedKeys.includes(key)) return h1
    // the <title> starts with the h1 and goes on after a separator with a tail: "Headline - Site"
    for (const whole of wholes) {
      const rest = remainderAfter(whole, h1)
      if (rest === null || !/^\s*(?:[|·•»«~/:\-–—]|[[(（【])/u.test(rest)) continue
      const tail = titleKey(rest)
      if (
        tail.length < key.length ||
        isSite(rest.replace(/^[\s|·•»«~/:\-–—]+/u, '')) ||
        h1Keys.includes(tail)
      )
        return h1
    }
  }
  // no metadata names an <h1>: the one the markup calls the article's beats a title that may be a slogan
  const headlineH1 = (src.articleH1s ?? [])
    .map(tidyHeading)
    .find((h) => titleKey(h).split(' ').length >= 3 && !isSite(h))
  if (headlineH1 !== undefined) return headlineH1
  const first = cleaned[0]
  if (first !== undefined) return first
  const h1 = src.h1s.map(tidyHeading).find((t) => t.length >= 2 && !isSite(t))
  return h1 ?? null
}
