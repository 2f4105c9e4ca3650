/**
 * What a text is inside of, by the names of its containers: a "newsletter" box, a "related" list,
 * a "caption", a "credit", a <nav>. Readability rewrites the page (a <div class="caption"> becomes
 * the bare <p> of its words), so the hints are read on the page as it was, before Readability runs,
 * and kept on the text itself: each text inside a hinted container is wrapped in
 * <span data-gloss-hint="…">. A hint counts only for a small container: a wrapper named
 * "related-content" around the whole article says nothing about its paragraphs.
 */
import {
  HINT_ATTRIBUTE,
  classWords,
  inFigure,
  isCaptionElement,
  isCreditElement,
  isPictureLabel,
  rememberedInFigure,
} from '../htmlSections'
import { nameWords, textLength } from './context'

export interface ContainerRule {
  words: string[]
  reason: string
  /** longest block the hint applies to, in words */
  maxWords: number
  /** largest container that still counts as a widget, in characters of text */
  maxChars: number
  /** share of a longer block's text that must be links */
  links?: number
}

export const CONTAINER_RULES: ContainerRule[] = [
  {
    words: ['newsletter', 'newsletters', 'signup', 'subscribe', 'optin', 'nlsignup', 'inscription'],
    reason: 'newsletter prompt',
    maxWords: 40,
    maxChars: 1200,
  },
  {
    words: [
      'paywall',
      'regwall',
      'piano',
      'metered',
      'subscriber',
      'subscription',
      'pricing',
      'abonnement',
      'abo',
      'assinatura',
      'suscripcion',
    ],
    reason: 'paywall',
    maxWords: 40,
    maxChars: 2500,
  },
  {
    words: [
      'related',
      'recommended',
      'recommendations',
      'readmore',
      'outbrain',
      'taboola',
      'trending',
      'popular',
      'mostread',
      'teaser',
      'teasers',
      'morestories',
      'moreon',
      'storylist',
      'relacionadas',
      'relacionados',
      'similaires',
      'aussi',
    ],
    reason: 'related links',
    maxWords: 30,
    maxChars: 4000,
    links: 0.5,
  },
  {
    words: [
      'share',
      'sharing',
      'sharebar',
      'social',
      'socialbar',
      'sharetools',
      'partage',
      'teilen',
      'compartir',
    ],
    reason: 'share link',
    maxWords: 10,
    maxChars: 600,
  },
  {
    words: [
      'ad',
      'ads',
      'advert',
      'advertisement',
      'advertising',
      'adslot',
      'dfp',
      'sponsor',
      'sponsored',
      'publicite',
      'werbung',
      'anzeige',
      'publicidad',
    ],
    reason: 'advertisement',
    maxWords: 12,
    maxChars: 600,
  },
  {
    words: ['ticker', 'breakingnews', 'newsticker', 'alertbar', 'newsalert', 'breaking'],
    reason: 'news ticker',
    maxWords: 20,
    maxChars: 600,
  },
  {
    words: ['breadcrumb', 'breadcrumbs', 'pagination', 'pager'],
    reason: 'navigation',
    maxWords: 15,
    maxChars: 800,
  },
  { words: ['toc', 'toctitle', 'tocnumber'], reason: 'table of contents', maxWords: 20, maxChars: 20000 },
  {
    words: ['comments', 'commentlist', 'disqus', 'respond'],
    reason: 'comments',
    maxWords: 400,
    maxChars: 200000,
  },
]

const RULE_BY_REASON = new Map(CONTAINER_RULES.map((r) => [r.reason, r]))

export function containerRule(reason: string): ContainerRule | undefined {
  return RULE_BY_REASON.get(reason)
}

/** The hint an element gives the text inside it, or null. `inPicture` is inFigure, maybe remembered. */
export function elementHint(el: Element, inPicture: (el: Element) => boolean = inFigure): string | null {
  const tag = el.tagName.toUpperCase()
  if (tag === 'NAV' || el.getAttribute('role') === 'navigation') return 'navigation'
  if (isPictureLabel(el, inPicture)) return 'label'
  if (isCreditElement(el) && inPicture(el)) return 'credit'
  if (isCaptionElement(el)) return 'caption'
  const words = nameWords(el)
  if (words.length === 0) return null
  for (const rule of CONTAINER_RULES) {
    if (!words.some((w) => rule.words.includes(w)) || textLength(el) > rule.maxChars) continue
    // a link back to the contents ("toc-backref" around a section's title) is not the contents
    if (rule.reason === 'table of contents' && (tag === 'A' || words.includes('backref'))) continue
    // "breaking" names a news ticker only with "news" beside it ("yom-breaking-news")
    if (rule.reason === 'news ticker' && !words.some((w) => w !== 'breaking' && rule.words.includes(w))) {
      if (!words.includes('news')) continue
    }
    return rule.reason
  }
  return null
}

const LEVELS = 10

/**
 * Wraps every text of the page that sits inside a hinted container in a span carrying the hint, so
 * that the hint outlives Readability. Run on the page before Readability; cheap: one pass over the
 * texts, each looking at most LEVELS containers up (remembered per element).
 */
export function annotateHints(doc: Document): void {
  const body = doc.body
  if (body === null) return
  // a container holding most of the page is the article's wrapper, whatever its name, not a widget
  const most = textLength(body) * 0.6
  // wrapping texts in spans moves no element
  const inPicture = rememberedInFigure()
  const hintOf = new Map<Element, string | null>()
  const hint = (el: Element): string | null => {
    let h = hintOf.get(el)
    if (h === undefined) {
      h = textLength(el) > most ? null : elementHint(el, inPicture)
      hintOf.set(el, h)
    }
    return h
  }
  const texts: Text[] = []
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (/\S/.test(node.nodeValue ?? '')) texts.push(node as Text)
  }
  for (const text of texts) {
    let found: string | null = null
    let el = text.parentElement
    for (let i = 0; el !== null && el !== body && i < LEVELS; i++, el = el.parentElement) {
      found = hint(el)
      if (found !== null) break
    }
    if (found === null) continue
    const parent = text.parentElement!
    const tag = parent.tagName.toUpperCase()
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEXTAREA' || tag === 'TITLE' || tag === 'OPTION')
      continue
    const span = doc.createElement('span')
    span.setAttribute(HINT_ATTRIBUTE, found)
    parent.replaceChild(span, text)
    span.appendChild(text)
  }
}

/** The hint that covers most of a block's text (at least half of it), from the spans inside it. */
export function spanHint(el: Element): string | null {
  const own = el.getAttribute(HINT_ATTRIBUTE)
  if (own !== null) return own
  const spans = el.querySelectorAll(`[${HINT_ATTRIBUTE}]`)
  if (spans.length === 0) return null
  const total = textLength(el)
  const by = new Map<string, number>()
  spans.forEach((s) => {
    const h = s.getAttribute(HINT_ATTRIBUTE)!
    by.set(h, (by.get(h) ?? 0) + (s.textContent ?? '').length)
  })
  let best: string | null = null
  let most = 0
  for (const [h, n] of by) if (n > most) [best, most] = [h, n]
  return best !== null && most * 2 >= total ? best : null
}

export { classWords }
