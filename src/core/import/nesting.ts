/**
 * Cheap nesting scans that run before jsdom, Readability or marked see the input: those tools
 * are recursive or superlinear in depth, so a deep document must be refused before they start.
 */

// Elements that never have children.
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
// Never article content (html.ts removes them after parsing anyway): dropped with their contents
// before parsing, so hidden markup inside them costs nothing.
const DROPPED = new Set(['script', 'style', 'template', 'noscript'])
// Their contents are text, not tags; kept.
const RAW_TEXT = new Set(['textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'])
// A start tag of one of these closes an open <p>, as the HTML parser does.
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
// Where the parser's "element in scope" search stops.
const SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template'])
const BUTTON_SCOPE = new Set([...SCOPE, 'button'])
const TABLE_SCOPE = new Set(['html', 'table', 'template'])
const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot'])
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption'])

/** Start tags that end an open element of the same family (`<li>` ends the open `<li>`, …). */
const IMPLIED_ENDS: Record<string, { ends: Set<string>; boundary: Set<string> }> = {
  li: { ends: new Set(['li']), boundary: new Set([...SCOPE, 'ol', 'ul']) },
  dt: { ends: new Set(['dt', 'dd']), boundary: new Set([...SCOPE, 'dl']) },
  dd: { ends: new Set(['dt', 'dd']), boundary: new Set([...SCOPE, 'dl']) },
  option: { ends: new Set(['option']), boundary: new Set(['select', ...SCOPE]) },
  tr: { ends: new Set(['tr']), boundary: TABLE_SCOPE },
  td: { ends: new Set(['td', 'th']), boundary: new Set(['tr', ...TABLE_SCOPE]) },
  th: { ends: new Set(['td', 'th']), boundary: new Set(['tr', ...TABLE_SCOPE]) },
  tbody: { ends: new Set(['tbody', 'thead', 'tfoot']), boundary: TABLE_SCOPE },
  thead: { ends: new Set(['tbody', 'thead', 'tfoot']), boundary: TABLE_SCOPE },
  tfoot: { ends: new Set(['tbody', 'thead', 'tfoot']), boundary: TABLE_SCOPE },
  a: { ends: new Set(['a']), boundary: SCOPE },
  nobr: { ends: new Set(['nobr']), boundary: SCOPE },
  button: { ends: new Set(['button']), boundary: SCOPE },
}

export interface HtmlScan {
  /** deepest element nesting, counting the implied <html> and <body> */
  depth: number
  /** the markup without comments and without script, style, template and noscript elements */
  markup: string
  /** characters of `markup` in quoted data: URL attribute values (embedded images) */
  inlineDataChars: number
}

const isNameChar = (code: number) =>
  code !== 0x20 &&
  code !== 0x09 &&
  code !== 0x0a &&
  code !== 0x0c &&
  code !== 0x0d &&
  code !== 0x2f &&
  code !== 0x3e

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)

/**
 * Scan HTML once, linearly, modelling just enough of the HTML parser (void elements, raw-text
 * elements, implied ends of <p>, <li>, table parts…) to know how deep the tree jsdom would build
 * is. It never builds that tree, so it is safe on any input.
 */
export function scanHtml(html: string): HtmlScan {
  const stack: string[] = []
  const pieces: string[] = []
  let kept = 0 // start of the run of input not yet copied to pieces
  let depth = 0
  let sawHtml = false
  let sawBody = false
  let foreign = 0 // how many <svg>/<math> are open: there "/>" really closes an element
  let inlineDataChars = 0

  const drop = (from: number, to: number) => {
    pieces.push(html.slice(kept, from))
    kept = to
  }
  // end of a tag's attributes: the ">" outside quoted attribute values, or the end of the input
  const tagEnd = (from: number): number => {
    let i = from
    while (i < html.length) {
      const c = html.charCodeAt(i)
      if (c === 0x3e) return i
      if (c === 0x3d) {
        i++
        while (i < html.length && /\s/.test(html[i]!)) i++
        const q = html[i]
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, i + 1)
          if (close === -1) return html.length
          if (html.startsWith('data:', i + 1)) inlineDataChars += close - i - 1
          i = close + 1
          continue
        }
        continue
      }
      i++
    }
    return html.length
  }
  const closeTo = (index: number) => {
    for (let k = stack.length - 1; k >= index; k--) if (stack[k] === 'svg' || stack[k] === 'math') foreign--
    stack.length = index
  }
  // index of the nearest open `names` element below no boundary element, or -1
  const findInScope = (names: Set<string>, boundary: Set<string>): number => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const name = stack[k]!
      if (names.has(name)) return k
      if (boundary.has(name)) return -1
    }
    return -1
  }
  const single = new Map<string, Set<string>>()
  const only = (name: string) => {
    let set = single.get(name)
    if (set === undefined) single.set(name, (set = new Set([name])))
    return set
  }

  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) break
    const next = html.charCodeAt(lt + 1)
    if (html.startsWith('<!--', lt)) {
      // a comment; "<!-->" and "<!--->" are empty ones
      const end = html.startsWith('>', lt + 4)
        ? lt + 5
        : html.startsWith('->', lt + 4)
          ? lt + 6
          : html.indexOf('-->', lt + 4)
      const stop = end === -1 ? html.length : html.startsWith('-->', end) ? end + 3 : end
      drop(lt, stop)
      i = stop
      continue
    }
    if (next === 0x21 || next === 0x3f) {
      // doctype, CDATA or a bogus comment: up to the next ">"
      const end = html.indexOf('>', lt)
      i = end === -1 ? html.length : end + 1
      continue
    }
    const closing = next === 0x2f
    const nameStart = closing ? lt + 2 : lt + 1
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      i = lt + 1 // "<" in text, or "</>" and "</ x>"
      continue
    }
    let nameEnd = nameStart
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    const dataBefore = inlineDataChars
    const end = tagEnd(nameEnd)
    const after = Math.min(end + 1, html.length)

    if (closing) {
      i = after
      // a stray </br> or </p> becomes an element; after </body> or </html> the parser goes on
      // inserting into the elements still open, so none of these closes anything
      if (name === 'br' || name === 'p' || name === 'body' || name === 'html') continue
      const index = findInScope(only(name), TABLE_PARTS.has(name) ? TABLE_SCOPE : SCOPE)
      if (index !== -1) closeTo(index)
      continue
    }

    if (DROPPED.has(name)) {
      inlineDataChars = dataBefore // none of it is kept
      const close = indexOfEndTag(html, name, after)
      const stop = close === -1 ? html.length : tagEnd(close + name.length + 2) + 1
      drop(lt, Math.min(stop, html.length))
      i = Math.min(stop, html.length)
      continue
    }
    i = after
    if (name === 'html') sawHtml = true
    if (name === 'body') sawBody = true
    if (name === 'plaintext') {
      depth = Math.max(depth, stack.length + 1)
      break // the rest of the input is text
    }
    if (CLOSES_P.has(name)) {
      const p = findInScope(only('p'), BUTTON_SCOPE)
      if (p !== -1) closeTo(p)
    }
    if (HEADINGS.has(name) && HEADINGS.has(stack[stack.length - 1] ?? '')) stack.pop()
    const implied = IMPLIED_ENDS[name]
    if (implied !== undefined) {
      const index = findInScope(implied.ends, implied.boundary)
      if (index !== -1) closeTo(index)
    }
    const selfClosing = foreign > 0 && html.charCodeAt(end - 1) === 0x2f
    if (VOID.has(name) || selfClosing) {
      depth = Math.max(depth, stack.length + 1)
      continue
    }
    // rows and cells get the <tbody> and <tr> the parser adds around them
    const top = stack[stack.length - 1]
    if ((name === 'tr' || name === 'td' || name === 'th') && top === 'table') stack.push('tbody')
    if ((name === 'td' || name === 'th') && TABLE_SECTIONS.has(stack[stack.length - 1]!)) stack.push('tr')
    stack.push(name)
    if (name === 'svg' || name === 'math') foreign++
    depth = Math.max(depth, stack.length)
    if (RAW_TEXT.has(name)) {
      const close = indexOfEndTag(html, name, after)
      i = close === -1 ? html.length : close
    }
  }
  pieces.push(html.slice(kept))
  // the parser adds <html> and <body> around content that does not open them itself
  const implied = (sawHtml ? 0 : 1) + (sawBody ? 0 : 1)
  return { depth: depth + implied, markup: pieces.join(''), inlineDataChars }
}

/** Where `</name` (any case, then whitespace, "/" or ">") starts at or after `from`; -1 if nowhere. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'gi')
  pattern.lastIndex = from
  return pattern.exec(html)?.index ?? -1
}

const QUOTE_MARKER = /[ \t]{0,3}>[ \t]?/y
const LIST_ITEM = /^([ \t]*)((?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/
// a second container marker right after the first: "- - x", "1. > x"
const STACKED_MARKER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/y
const FENCE = /^[ \t]{0,3}(```|~~~)/

function indentWidth(whitespace: string): number {
  let width = 0
  for (const ch of whitespace) width = ch === '\t' ? width + 4 - (width % 4) : width + 1
  return width
}

/** How many times `sticky` matches back to back from `from`, and where the run ends. */
function countRun(sticky: RegExp, text: string, from: number): { count: number; end: number } {
  let count = 0
  let at = from
  for (;;) {
    sticky.lastIndex = at
    const match = sticky.exec(text)
    if (match === null || match[0] === '') return { count, end: at }
    count++
    at += match[0].length
  }
}

/**
 * How deep a Markdown document's lists and block quotes nest: the quote markers at the start
 * of a line, list items indented under an earlier item's content, and container markers stacked
 * on one line ("> > - - x" is four deep).
 */
export function markdownDepth(markdown: string): number {
  // content columns of the open list items, outermost first
  const open: number[] = []
  let deepest = 0
  let blank = false
  let inFence: string | null = null
  for (const line of markdown.split('\n')) {
    const quotes = countRun(QUOTE_MARKER, line, 0)
    const rest = line.slice(quotes.end)
    const fence = FENCE.exec(rest)?.[1]
    if (inFence !== null) {
      if (fence === inFence) inFence = null
      continue
    }
    if (fence !== undefined) inFence = fence
    if (rest.trim() === '') {
      blank = true
      continue
    }
    const item = LIST_ITEM.exec(rest)
    const indent = indentWidth(/^[ \t]*/.exec(rest)![0])
    // an item, or a line after a blank one, closes the items whose content it is not indented under
    if (item !== null || blank) {
      while (open.length > 0 && indent < open[open.length - 1]!) open.pop()
    }
    if (item !== null) open.push(indent + item[2]!.length)
    blank = false
    const stacked = item === null ? 0 : countRun(STACKED_MARKER, rest, item[0].length).count
    deepest = Math.max(deepest, quotes.count + open.length + stacked)
  }
  return deepest
}
