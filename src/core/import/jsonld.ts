/**
 * schema.org JSON-LD metadata of a saved page (`<script type="application/ld+json">`). It is read
 * from the raw markup: the nesting scan drops every <script> before jsdom sees the page.
 */

/** What the page's JSON-LD says about its article; every field may be missing. */
export interface JsonLdArticle {
  headline: string | null
  /** `name` of the article node, which some sites fill with the site's name */
  name: string | null
  /** authors that are people */
  people: string[]
  /** authors that are organizations */
  organizations: string[]
  datePublished: string | null
  /** the publisher's or the WebSite's name */
  siteNames: string[]
}

const MAX_BLOCKS = 32
const MAX_BLOCK_CHARS = 1 << 20
const SCRIPT_TYPE = /\btype\s*=\s*["']?application\/ld\+json/i

/** The text of each JSON-LD script in `html`, at most MAX_BLOCKS of them, each at most 1 MiB. */
export function jsonLdTexts(html: string): string[] {
  const lower = html.length > 0 ? html.toLowerCase() : html
  const texts: string[] = []
  let from = 0
  while (texts.length < MAX_BLOCKS) {
    const open = lower.indexOf('<script', from)
    if (open === -1) break
    const tagEnd = lower.indexOf('>', open)
    if (tagEnd === -1) break
    const close = lower.indexOf('</script', tagEnd)
    const end = close === -1 ? html.length : close
    // a tag's attributes are short; a huge one is not a JSON-LD script
    if (tagEnd - open < 1000 && SCRIPT_TYPE.test(html.slice(open, tagEnd))) {
      if (end - tagEnd <= MAX_BLOCK_CHARS) texts.push(html.slice(tagEnd + 1, end))
    }
    if (close === -1) break
    from = close + 8
  }
  return texts
}

function parseJson(text: string): unknown {
  const body = text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)\s*/, '')
    .replace(/\s*(?:\/\/\s*)?(?:-->|\]\]>)$/, '')
    .trim()
  try {
    return JSON.parse(body)
  } catch {
    try {
      // raw line breaks and tabs inside strings are the usual fault
      // eslint-disable-next-line no-control-regex -- control characters are what is replaced
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '))
    } catch {
      return undefined
    }
  }
}

type Node = Record<string, unknown>

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)

function types(node: Node): string[] {
  const t = node['@type']
  const list = Array.isArray(t) ? t : [t]
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''))
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|^Report|^Review)$/
const PAGE_TYPE = /^(?:WebPage|ItemPage|MedicalWebPage|AboutPage|ProfilePage|QAPage|CollectionPage)$/

/** Every node of the JSON-LD documents, @graph and nested values included (bounded). */
function allNodes(docs: unknown[]): Node[] {
  const out: Node[] = []
  const stack = [...docs]
  let seen = 0
  while (stack.length > 0 && seen++ < 5000) {
    const value = stack.pop()
    if (Array.isArray(value)) stack.push(...value)
    else if (isNode(value)) {
      out.push(value)
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
        if (key in value) stack.push(value[key])
      }
    }
  }
  return out
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.replace(/\s+/g, ' ').trim()
    return t === '' ? null : t
  }
  if (Array.isArray(value)) return text(value[0])
  if (isNode(value)) return text(value['@value'] ?? value['name'])
  return null
}

function authorsOf(value: unknown, people: string[], organizations: string[]): void {
  const list = Array.isArray(value) ? value : [value]
  for (const a of list.slice(0, 20)) {
    if (typeof a === 'string') {
      const name = text(a)
      // a bare string is a name, unless it is a link to an author page
      if (name !== null && !/^https?:/i.test(name)) people.push(name)
    } else if (isNode(a)) {
      const name = text(a['name'])
      if (name === null) continue
      if (types(a).some((t) => /Organization|Corporation|NewsMediaOrganization/.test(t)))
        organizations.push(name)
      else people.push(name)
    }
  }
}

/** The article described by the page's JSON-LD (the first article node, else the page node), or null. */
export function jsonLdArticle(html: string): JsonLdArticle | null {
  const docs = jsonLdTexts(html)
    .map(parseJson)
    .filter((d) => d !== undefined)
  if (docs.length === 0) return null
  const nodes = allNodes(docs).reverse() // document order: the stack reversed it
  const article =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t))) ??
    nodes.find((n) => types(n).some((t) => PAGE_TYPE.test(t)))
  const siteNames: string[] = []
  for (const n of nodes) {
    if (types(n).some((t) => t === 'WebSite')) {
      const name = text(n['name'])
      if (name !== null) siteNames.push(name)
    }
  }
  if (article === undefined) {
    return siteNames.length === 0
      ? null
      : { headline: null, name: null, people: [], organizations: [], datePublished: null, siteNames }
  }
  const people: string[] = []
  const organizations: string[] = []
  authorsOf(article['author'] ?? article['creator'], people, organizations)
  for (const key of ['publisher', 'isPartOf', 'sourceOrganization']) {
    const name = text(isNode(article[key]) ? (article[key] as Node)['name'] : null)
    if (name !== null) siteNames.push(name)
  }
  return {
    headline: text(article['headline']) ?? text(article['alternativeHeadline']),
    name: text(article['name']),
    people,
    organizations,
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    siteNames,
  }
}
