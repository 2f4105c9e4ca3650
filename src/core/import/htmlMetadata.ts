/**
 * A web page's headline, byline and published date, from everything the page says about itself.
 * Read from the page before Readability rewrites it; resolved once the article's sections are known.
 *
 * Precedence, first good answer wins ("good": a headline that is not the site's own name; a byline
 * that is people's names after cleanByline; a date normalizeDate understands):
 *
 * | field     | 1                                   | 2                                         | 3                                                  | 4                                                  | 5                         | 6                              |
 * | --------- | ----------------------------------- | ----------------------------------------- | -------------------------------------------------- | -------------------------------------------------- | ------------------------- | ------------------------------ |
 * | headline  | an <h1> the metadata confirms       | og:title (site tail stripped)             | JSON-LD headline, twitter:title, dc.title, name    | <title> (site tail stripped)                       | an <h1> that is not the site | Readability's title         |
 * | byline    | JSON-LD author (people)             | microdata itemprop=author in the article  | <meta> author, article:author, byl, dc.creator…    | byline/author elements, rel=author, "Posted by X"  | Readability's byline      | a "By X" line atop the body    |
 * | published | JSON-LD datePublished               | article:published_time, itemprop=datePublished | <meta> date, dc.date, pubdate, publishdate…   | <time datetime> in the article                     | Readability's date        | the dateline ("12 November 2024") |
 *
 * A one-word byline ("devindra") gives way to a fuller name on the page that contains it; a wire
 * agency (AFP, Reuters…) is the byline only when no person is named; "Staff" is nobody.
 * Site names for the headline's tail: og:site_name, application-name, JSON-LD publisher and
 * WebSite, twitter:site, the host name, and what the <title> adds around og:title.
 */
import { cleanByline, fullerName, isUsername } from './byline'
import { bylineOfLine } from './chrome/lines'
import { leadingDate } from './dates'
import type { JsonLdArticle } from './jsonld'
import { normalizeDate, type ArticleMetadata } from './metadata'
import type { SectionDraft } from './sectioning'
import { chooseHeadline, tidyHeading, titleKey } from './title'

export interface PageFacts {
  documentTitle: string | null
  metaTitles: string[]
  h1s: string[]
  /** <h1>s inside <article> or <main>, or marked as the headline (itemprop, class) */
  articleH1s: string[]
  siteNames: string[]
  /** byline candidates in precedence order, each with whether a one-word name is allowed */
  bylines: Array<{ text: string; single: boolean }>
  /** names anywhere in bylines, author links and metadata: where a username's full name is found */
  names: string[]
  /** wire agencies or other organizations named as the author */
  organizations: string[]
  dates: string[]
}

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()

/** Elements of `pool` matching `selector`, in document order (as querySelectorAll gives them). */
const pick = (pool: Element[], selector: string): Element[] => pool.filter((el) => el.matches(selector))

function metaContent(metas: Element[], selectors: string[]): string[] {
  const out: string[] = []
  for (const selector of selectors) {
    for (const el of pick(metas, selector)) {
      const v = squash(el.getAttribute('content'))
      if (v !== '') out.push(v)
    }
  }
  return out
}

// containers whose bylines belong to other articles (teasers, related links) or to commenters
const ELSEWHERE =
  /(?:^|[\s_-])(?:related|teasers?|recommend\w*|more-?(?:stories|articles|from)|popular|trending|most-?read|sidebar|promo|outbrain|taboola|comments?|commentlist|respond|replies|discussion|newsletter|rail)(?:$|[\s_-])/i

function elsewhere(el: Element): boolean {
  let node: Element | null = el
  for (let i = 0; node !== null && i < 12; i++, node = node.parentElement) {
    const tag = node.tagName.toUpperCase()
    if (tag === 'ASIDE' || tag === 'NAV' || (tag === 'FOOTER' && i > 3)) return true
    const words = `${node.getAttribute('class') ?? ''} ${node.id}`
    if (ELSEWHERE.test(words)) return true
  }
  return false
}

function hostName(url: string | null): string[] {
  if (url === null) return []
  try {
    const host = new URL(url).hostname.replace(/^(?:www\d?|m|mobile|amp|en|blog|news)\./, '')
    const label = host.split('.')[0]
    return label ? [label] : []
  } catch {
    return []
  }
}

const BYLINE_CLASS =
  /(?:^|[\s_-])(?:byline|byline__author|author|authors|author-?name|post-?author|entry-?author|article-?author|article__author|writer|creator|contributor|auteur|autor|firma|signature)(?:$|[\s_-])/i

/** Everything the page says about its headline, authors and date, read before Readability runs. */
export function readPageFacts(doc: Document, jsonLd: JsonLdArticle | null, url: string | null): PageFacts {
  // one walk of the page, each query a filter of it: a query per selector walked a large page's
  // whole tree each time (a second of the import of a long Wikipedia article)
  const all = Array.from(doc.getElementsByTagName('*'))
  const named = (name: string) => all.filter((el) => el.localName === name)
  const metas = named('meta')
  const h1Elements = named('h1')
  const h1s = h1Elements.map((h) => squash(h.textContent)).filter(Boolean)
  // an <h1> the markup calls the article's headline: inside <article> or <main>, or named so
  const articleH1s = h1Elements
    .filter(
      (h) =>
        h.closest('article, main, [role="main"], [itemprop~="articleBody" i]') !== null ||
        /\bheadline\b/i.test(h.getAttribute('itemprop') ?? '') ||
        /(?:^|[\s_-])(?:headline|entry-title|post-title|article-title|story-title|article-headline|page-title|content-title)(?:$|[\s_-])/i.test(
          h.getAttribute('class') ?? '',
        ),
    )
    .map((h) => squash(h.textContent))
    .filter(Boolean)
  const metaTitles = [
    ...metaContent(metas, ['meta[property="og:title" i]', 'meta[name="og:title" i]']),
    ...(jsonLd?.headline ? [jsonLd.headline] : []),
    ...metaContent(metas, [
      'meta[name="twitter:title" i]',
      'meta[property="twitter:title" i]',
      'meta[name="dc.title" i]',
      'meta[name="fulltitle" i]',
      'meta[name="sailthru.title" i]',
      'meta[name="parsely-title" i]',
      'meta[name="title" i]',
      'meta[itemprop="headline" i]',
    ]),
    ...(jsonLd?.name ? [jsonLd.name] : []),
  ]
  const titleKeys = new Set([...metaTitles, squash(doc.title)].map(titleKey))
  const siteNames = [
    ...metaContent(metas, [
      'meta[property="og:site_name" i]',
      'meta[name="application-name" i]',
      'meta[name="apple-mobile-web-app-title" i]',
    ]),
    ...(jsonLd?.siteNames ?? []),
    ...metaContent(metas, ['meta[name="twitter:site" i]', 'meta[property="twitter:site" i]']).map((h) =>
      h.replace(/^@/, ''),
    ),
    ...hostName(url),
  ].filter((n) => n.length <= 60 && !titleKeys.has(titleKey(n))) // some pages give their app the article's title

  const bylines: PageFacts['bylines'] = []
  const names: string[] = []
  const organizations = [...(jsonLd?.organizations ?? [])]
  for (const p of jsonLd?.people ?? []) bylines.push({ text: p, single: true })
  // microdata: itemprop=author, its name inside it
  const withItemprop = all.filter((el) => el.hasAttribute('itemprop'))
  pick(withItemprop, '[itemprop~="author" i], [itemprop~="creator" i]').forEach((el) => {
    if (elsewhere(el)) return
    const nameEl = el.querySelector('[itemprop~="name" i]')
    const text = squash(
      nameEl?.getAttribute('content') ?? nameEl?.textContent ?? el.getAttribute('content') ?? el.textContent,
    )
    if (text === '') return
    const type = el.getAttribute('itemtype') ?? ''
    if (/Organization/i.test(type)) organizations.push(text)
    else bylines.push({ text, single: /Person/i.test(type) })
  })
  for (const text of metaContent(metas, [
    'meta[name="author" i]',
    'meta[property="article:author" i]',
    'meta[name="article:author" i]',
    'meta[name="byl" i]',
    'meta[name="dc.creator" i]',
    'meta[name="parsely-author" i]',
    'meta[name="sailthru.author" i]',
    'meta[property="author" i]',
    'meta[itemprop="author" i]',
  ])) {
    if (!/^https?:|^\/\//i.test(text)) bylines.push({ text, single: false })
  }
  // visible bylines: author links and byline-classed elements outside teasers and comments
  const visible: string[] = []
  // a[rel~="author" i], [class*="byline" i], [class*="author" i], [class*="auteur" i], [class*="autor" i]
  all
    .filter(
      (el) =>
        /byline|author|auteur|autor/i.test(el.getAttribute('class') ?? '') ||
        (el.localName === 'a' &&
          /(?:^|[ \t\n\f\r])author(?:$|[ \t\n\f\r])/i.test(el.getAttribute('rel') ?? '')),
    )
    .forEach((el) => {
      if (visible.length >= 40) return
      const tag = el.tagName.toUpperCase()
      if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'META' || tag === 'IMG') return
      if (tag !== 'A' && !BYLINE_CLASS.test(el.getAttribute('class') ?? '')) return
      if (elsewhere(el)) return
      const text = squash(el.textContent)
      if (text !== '' && text.length <= 200) visible.push(text)
    })
  // "Posted by Alon Zakai." in the article's footer: found by its text, in one pass over the page
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */)
  let posted = 0
  for (let node = walker.nextNode(); node !== null && posted < 20; node = walker.nextNode()) {
    if (!/^\s*(?:posted|written|published)\s+by\b/i.test(node.nodeValue ?? '')) continue
    const el = node.parentElement
    if (
      el === null ||
      el.closest('article, main, [role="main"], .post, .entry, .hentry') === null ||
      elsewhere(el)
    )
      continue
    const text = squash(el.textContent)
    if (text.length <= 80) visible.push(text)
    posted++
  }
  for (const text of visible) bylines.push({ text, single: false })
  for (const b of bylines) {
    const cleaned = cleanByline(b.text, { single: b.single })
    if (cleaned !== null) names.push(...cleaned.split(', '))
  }
  pick(
    named('a'),
    'a[href*="/author/" i], a[href*="/authors/" i], a[href*="/people/" i], a[href*="/profile/" i], a[href*="/editors/" i]',
  ).forEach((a) => {
    const cleaned = cleanByline(a.textContent)
    if (cleaned !== null && names.length < 200) names.push(...cleaned.split(', '))
  })

  const dates = [
    ...(jsonLd?.datePublished ? [jsonLd.datePublished] : []),
    ...metaContent(metas, [
      'meta[property="article:published_time" i]',
      'meta[name="article:published_time" i]',
      'meta[property="og:published_time" i]',
      'meta[itemprop="datePublished" i]',
      'meta[name="datePublished" i]',
    ]),
    ...pick(withItemprop, 'time[itemprop~="datePublished" i]').map((t) => squash(t.getAttribute('datetime'))),
    ...metaContent(metas, [
      'meta[name="date" i]',
      'meta[name="dc.date" i]',
      'meta[name="dc.date.issued" i]',
      'meta[name="dcterms.date" i]',
      'meta[name="pubdate" i]',
      'meta[name="publishdate" i]',
      'meta[name="publish-date" i]',
      'meta[name="publish_date" i]',
      'meta[name="sailthru.date" i]',
      'meta[name="parsely-pub-date" i]',
      'meta[name="displaydate" i]',
    ]),
  ].filter(Boolean)
  // the first <time datetime> of the page that is not a teaser's or a comment's
  for (const t of named('time')
    .filter((el) => el.hasAttribute('datetime'))
    .slice(0, 50)) {
    if (elsewhere(t)) continue
    const v = squash(t.getAttribute('datetime'))
    if (v !== '') {
      dates.push(v)
      break
    }
  }

  return {
    documentTitle: squash(doc.title) || null,
    metaTitles,
    h1s,
    articleH1s,
    siteNames,
    bylines,
    names,
    organizations,
    dates,
  }
}

const unique = (names: string[]): string[] => [...new Set(names)]

// "Andrés Malamud es politólogo…", "Jane Roe is a professor of…": a closing note naming the authors
const BIO_VERB = String.raw`(?:is|was|es|fue|est|était|ist|war|é|foi|è)`
const BIO_ROLE = String.raw`(?:a |an |the |un |una |um |uma |une |ein |eine |el |la |le |o |a |der |die |il )?(?:\p{L}+ ){0,3}(?:professor|profesor|profesora|professeur|professora|lecturer|researcher|investigador|investigadora|chercheur|chercheuse|forscher|forscherin|fellow|writer|escritor|escritora|écrivain|autor|autora|author|auteur|journalist|journaliste|periodista|jornalista|reporter|columnist|columnista|colunista|contributor|editor|editora|rédacteur|redakteur|analyst|analista|analyste|politólogo|politóloga|politologue|politologe|politólogo|economist|economista|économiste|ökonom|abogado|abogada|advogado|advogada|avocat|avocate|anwalt|lawyer|attorney|historian|historiador|historiadora|historien|historiker|director|directora|directeur|diretor|diretora|doctor|médico|médica|founder|fundador|fundadora|consultant|consultor|consultora|sociólogo|socióloga|sociologue|soziologe|candidate|doctorant|doctorante|student|estudiante)`
const BIO_SENTENCE = new RegExp(
  String.raw`^(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|do|dos|das|del|van|von|der|di|du|la|le)){1,4})\s+${BIO_VERB}\s+${BIO_ROLE}\b`,
  'u',
)

/** The authors a closing note names, when the page has no byline: "X es politólogo… Y es abogado…". */
function closingBioNames(drafts: SectionDraft[]): string | null {
  const paragraphs = drafts.filter((d) => d.kind === 'paragraph').slice(-2)
  for (const p of paragraphs.reverse()) {
    if (p.text.split(/\s+/).length > 60) continue
    const names: string[] = []
    for (const sentence of p.text.split(/(?<=[.!?])\s+/)) {
      const m = BIO_SENTENCE.exec(sentence.trim())
      const name = m ? cleanByline(m[1]) : null
      if (name !== null) names.push(name)
    }
    if (names.length > 0) return unique(names).join(', ')
  }
  return null
}

const AGENCY =
  /^(?:AFP|AP|Reuters|dpa|DPA|EFE|ANSA|Lusa|ČTK|CTK|APA|Kyodo|Xinhua|PA|Associated Press|Agence France-Presse|Europa Press|Yonhap)$/

export interface ArticleFacts {
  /** Readability's title, byline and date */
  readability: { title: string | null; byline: string | null; publishedTime: string | null }
  /** the first <time datetime> inside the article */
  articleTime: string | null
  /** the article's sections after chrome detection (a byline line, a dateline) */
  drafts: SectionDraft[]
}

/** The headline, byline and date by the table above. */
export function resolveMetadata(page: PageFacts, article: ArticleFacts): ArticleMetadata {
  // byline first: the headline's tail may be the author ("… | Eleanor Ainge Roy")
  const bodyLines = article.drafts
    .filter((d) => d.quarantineReason === 'scrape junk: byline')
    .map((d) => d.text)
  const candidates = [
    ...page.bylines,
    ...(article.readability.byline ? [{ text: article.readability.byline, single: false }] : []),
    ...bodyLines.slice(0, 3).map((text) => ({ text, single: false })),
  ]
  let byline: string | null = null
  // a byline that is the site's own name ("Mac & i", "Spiceworks") names nobody
  const sites = new Set(page.siteNames.map(titleKey))
  for (const c of candidates) {
    if (sites.has(titleKey(c.text.replace(/^by\s+/i, '')))) continue
    // a username ("devindra") counts when the page also gives the name it stands for
    const handle = /^@?([a-z][a-z0-9_.-]{2,30})$/.exec(c.text.trim())
    byline = handle !== null ? fullerName(handle[1]!, page.names) : cleanByline(c.text, { single: c.single })
    if (byline !== null) break
  }
  if (byline !== null && isUsername(byline)) byline = fullerName(byline, page.names) ?? byline
  // a weekly edition: several articles, each with its byline line; the page's byline is all of them
  const lineNames = unique(bodyLines.flatMap((t) => bylineOfLine(t)?.split(', ') ?? []))
  if (lineNames.length >= 2) byline = unique([...(byline?.split(', ') ?? []), ...lineNames]).join(', ')
  byline ??= closingBioNames(article.drafts)
  byline ??= page.organizations.find((o) => AGENCY.test(o.trim())) ?? null

  const authors = byline === null ? [] : byline.split(', ')
  const title = chooseHeadline({
    metadata: page.metaTitles,
    documentTitle: page.documentTitle,
    h1s: page.h1s,
    articleH1s: page.articleH1s,
    siteNames: page.siteNames,
    authors,
    readability: article.readability.title,
  })

  let publishedAt: string | null = null
  for (const raw of [...page.dates, article.articleTime, article.readability.publishedTime]) {
    publishedAt = normalizeDate(raw)
    if (publishedAt !== null) break
  }
  if (publishedAt === null) {
    const dateline = article.drafts.find((d) => d.quarantineReason === 'scrape junk: dateline')
    const first = article.drafts.find((d) => d.kind === 'paragraph')
    publishedAt = leadingDate(dateline?.text ?? '') ?? (first ? leadingDate(first.text) : null)
  }
  return { title: title === null ? null : tidyHeading(title), byline, publishedAt }
}
