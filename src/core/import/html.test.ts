import { describe, expect, it } from 'vitest'
import { parseArticle, parseText } from './index'
import { sanitizeHtml } from './sanitize'

const prose = (topic: string): string =>
  `This paragraph about ${topic} has enough words to look like real article prose to Readability. `.repeat(3)

const HOSTILE = `<!doctype html>
<html><head>
  <title>Summit Report | Example News</title>
  <meta name="author" content="Ann Reporter">
  <meta property="article:published_time" content="2024-05-01T10:00:00Z">
  <link rel="canonical" href="https://news.example.com/summit">
  <script>window.stolen = document.cookie</script>
  <style>body { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Summit Report</h1>
    <p onclick="alert('click')">${prose('the summit')} <a href="javascript:alert('x')">a script link</a></p>
    <script>document.body.innerHTML = 'pwned'</script>
    <iframe src="https://evil.example.com/frame"></iframe>
    <p onmouseover="steal()">${prose('sanctions')}</p>
    <h2>What comes next</h2>
    <ul><li>First point</li><li>Second point</li></ul>
    <blockquote>We will meet again.</blockquote>
    <div>A div with its own words.</div>
    <form action="/login"><input name="user"><button>Sign in</button></form>
  </article>
</body></html>`

describe('HTML import', () => {
  const article = parseArticle({ bytes: new TextEncoder().encode(HOSTILE), fileName: 'summit.html' })

  it('keeps no script, handler, javascript: URL, iframe or form in contentHtml', () => {
    const html = article.contentHtml ?? ''
    expect(html).toContain('about the summit')
    expect(html).not.toMatch(/<script|<style|<iframe|<form|<input|<button/i)
    expect(html).not.toMatch(/\bon(click|mouseover)\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
  })

  it('keeps none of them in the sections either', () => {
    expect(article.text).not.toMatch(/stolen|pwned|alert|steal\(|color: red|evil/)
    expect(article.text).not.toContain('Home')
  })

  it('sections headings, paragraphs, list items, quotes and text-bearing divs in order', () => {
    const kinds = article.sections.map((s) => [s.kind, s.text.slice(0, 24)])
    expect(kinds).toContainEqual(['heading', 'What comes next'])
    const texts = article.sections.map((s) => s.text)
    const order = [
      'What comes next',
      'First point',
      'Second point',
      'We will meet again.',
      'A div with its own words.',
    ]
    expect(order.map((t) => texts.indexOf(t))).toEqual(
      [...order.map((t) => texts.indexOf(t))].sort((a, b) => a - b),
    )
    expect(order.every((t) => texts.includes(t))).toBe(true)
    for (const s of article.sections) expect(article.text.slice(s.start, s.end)).toBe(s.text)
  })

  it('reads author, published time and canonical URL', () => {
    expect(article).toMatchObject({
      format: 'html',
      byline: 'Ann Reporter',
      publishedAt: '2024-05-01T10:00:00Z',
      sourceUrl: 'https://news.example.com/summit',
    })
    expect(article.title).toMatch(/^Summit Report/)
  })

  it('falls back to meta date, <time> and og:url, and normalizes dates to ISO', () => {
    const page = `<html><head><meta property="og:url" content="https://og.example.com/x"></head><body>
      <article><p>${prose('dates')}</p><time datetime="May 2, 2024 10:00 UTC">May 2</time></article></body></html>`
    const parsed = parseText(page)
    expect(parsed.format).toBe('html')
    expect(parsed.sourceUrl).toBe('https://og.example.com/x')
    expect(parsed.publishedAt).toBe('2024-05-02T10:00:00.000Z')
  })

  it('sniffs pasted HTML by its opening tag or doctype', () => {
    expect(parseText(`<!DOCTYPE html><p>${prose('sniffing')}</p>`).format).toBe('html')
    expect(parseText(`<span>${prose('spans')}</span>`).format).toBe('html')
    expect(parseText('1 < 2 is true').format).toBe('text')
  })

  it('uses the given source URL when the page names none', () => {
    const parsed = parseText(`<p>${prose('urls')}</p>`, {
      format: 'html',
      sourceUrl: 'https://given.example.com/a',
    })
    expect(parsed.sourceUrl).toBe('https://given.example.com/a')
  })

  it('relies on DOMPurify defaults that drop handlers and javascript: URLs', () => {
    const dirty =
      '<p onclick="x()">Hi <a href="javascript:alert(1)">link</a><img src="x" onerror="y()"></p><iframe></iframe><object></object><embed><form></form><script>z()</script><style>p{}</style>'
    const clean = sanitizeHtml(dirty)
    expect(clean).toContain('Hi')
    expect(clean).toContain('link')
    expect(clean).not.toMatch(/onclick|onerror|javascript:|<iframe|<object|<embed|<form|<script|<style/i)
  })
})
