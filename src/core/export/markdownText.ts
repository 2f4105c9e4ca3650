/** Text as Markdown shows it literally, and the YAML front matter, for the Markdown export (./markdown.ts). */
/** CommonMark also ends a line at CR: make every line end "\n", so each line start is seen (and escaped). */
export const lf = (text: string) => text.replace(/\r\n?/g, '\n')

/**
 * "\](": escaped brackets followed by "(". CommonMark reads "\[x\](y)" as text, but inside a
 * link's text marked (and so any tool built on it) takes it for a nested link or image: the
 * outer link is dropped, or "!\[x\](javascript:…)" becomes an <img>. Escaping the "(" too
 * leaves nothing to mistake.
 */
export const ESCAPED_LINK_SHAPE = /\\\]\(/g

/** Escape text so that CommonMark, GFM and Obsidian show it literally. */
export function escapeMarkdown(text: string): string {
  const inline = lf(text)
    .replace(/[\\`*_[\]<>#~$|]/g, '\\$&')
    .replace(/&(?=[A-Za-z0-9#]+;)/g, '\\&')
    .replace(/==/g, '=\\=')
    .replace(ESCAPED_LINK_SHAPE, '\\]\\(')
  return inline
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^([-+])(?=\s|$)/, '\\$1')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
        .replace(/^(=+|-+)\s*$/, (m) => '\\' + m),
    )
    .join('\n')
}

/** Escaped text on one line (headings, titles, bylines, link text): a line break would end the block. */
export const escapeLine = (text: string) => escapeMarkdown(text.replace(/[\r\n]+/g, ' '))

/**
 * A safe (http, https, mailto) URL as a link destination: what could end it early or open
 * markup (space and controls, double quote, angle brackets, parentheses, backslash, backtick)
 * percent-encoded. `safeUrl` has already encoded the rest where it matters.
 */
export function linkDestination(href: string): string {
  return href.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020"<>()\\`]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  )
}

/**
 * A link title, "…": on one line, since a blank line inside would end the link and leave
 * the rest of the title as Markdown (raw HTML included); quotes and backslashes escaped.
 */
export function linkTitle(title: string): string {
  // "<", ">" and brackets escaped too: should a reader not see a link here, the title shows as text, not markup
  return `"${title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/["\\<>[\]]/g, '\\$&')}"`
}

/** A code span holding `text` exactly (line breaks as spaces: a blank line would end the span). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ')
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad =
    flat.startsWith('`') ||
    flat.endsWith('`') ||
    (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '')
      ? ' '
      : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * A front matter string as JSON, which YAML reads as the same string, with two kinds of
 * character written as \uXXXX escapes (JSON and YAML both read them back):
 * - those YAML does not allow unescaped: DEL, C1 controls, U+2028/U+2029, BOM, U+FFFE/U+FFFF
 *   (lone surrogates, which neither can hold, become U+FFFD);
 * - "<" and "[", so that a Markdown reader that does not know front matter, and renders it
 *   as text, finds no raw HTML, autolink or link in it ("[" kept for a vault: Obsidian reads
 *   front matter, and "[[Title]]" there is a link).
 */
function yamlString(value: string, wikiLinks = false): string {
  const escaped = wikiLinks
    ? /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff<]/g
    : /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff<[]/g
  return JSON.stringify(value.replace(/\p{Cs}/gu, '\ufffd')).replace(
    escaped,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  )
}

/** A front matter value: a string (see yamlString), a number, or a flow sequence of strings. */
function yamlValue(value: string | number | string[], wikiLinks: boolean): string {
  if (typeof value === 'number') return JSON.stringify(value)
  if (typeof value === 'string') return yamlString(value, wikiLinks)
  return `[${value.map((v) => yamlString(v, wikiLinks)).join(',')}]`
}

/**
 * YAML front matter, one `key: value` per line (see yamlValue). Null and empty values are left
 * out. `wikiLinks`: for Obsidian, which reads front matter, "[[Title]]" is written as it is (a link).
 */
export function frontMatter(
  fields: Record<string, string | number | string[] | null | undefined>,
  options: { wikiLinks?: boolean } = {},
): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${yamlValue(v!, options.wikiLinks === true)}`)
  return `---\n${lines.join('\n')}\n---`
}
