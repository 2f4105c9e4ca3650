/** Small web pages for the chrome, caption and metadata tests: an article long enough for Readability. */
import { parseText } from '../index'
import type { ParsedArticle, ParsedSection } from '../types'

/** A paragraph of plain prose on `topic`, long enough to count as article text. */
export function prose(topic: string): string {
  return `The committee spent the morning on ${topic}, and its members disagreed about almost every detail of the plan before them. Several of them said the costs had been underestimated from the start, while others argued that the benefits would only show after several years of work.`
}

/** Paragraphs of prose, each its own <p>. */
export function paragraphs(...topics: string[]): string {
  return topics.map((t) => `<p>${prose(t)}</p>`).join('\n')
}

/** A whole page with `body` inside <article>, and `head` in <head>. */
export function page(body: string, head = '<title>Test page</title>'): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
    <header><a href="/">Home</a></header>
    <main><article>${body}</article></main>
    <footer><p>Footer text</p></footer>
  </body></html>`
}

export function importPage(body: string, head?: string): ParsedArticle {
  return parseText(page(body, head), { format: 'html' })
}

export const hidden = (a: ParsedArticle): ParsedSection[] =>
  a.sections.filter((s) => s.kind === 'quarantined')
export const shown = (a: ParsedArticle): ParsedSection[] => a.sections.filter((s) => s.kind !== 'quarantined')

/** The reason a section with this text was hidden ("newsletter prompt"), or undefined when it is shown. */
export function reasonFor(a: ParsedArticle, text: string): string | undefined {
  const s = a.sections.find((x) => x.text === text)
  if (s === undefined)
    throw new Error(`no section "${text}" in: ${a.sections.map((x) => x.text).join(' ¶ ')}`)
  return s.kind === 'quarantined' ? s.quarantineReason?.replace(/^scrape junk: /, '') : undefined
}
