import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { markdownDepth, scanHtml } from './nesting'

/** The depth of the tree jsdom really builds, for comparison with the scan. */
function jsdomDepth(html: string): number {
  const walk = (el: Element): number => 1 + Math.max(0, ...Array.from(el.children, (child) => walk(child)))
  return walk(new JSDOM(html).window.document.documentElement)
}

const nested = (tag: string, n: number, inner = 'words') =>
  `<${tag}>`.repeat(n) + inner + `</${tag}>`.repeat(n)

describe('scanHtml', () => {
  const agrees = (html: string) => expect(scanHtml(html).depth).toBe(jsdomDepth(html))

  it('counts nested elements with the <html> and <body> the parser adds', () => {
    expect(scanHtml(nested('div', 1000)).depth).toBe(1002)
    agrees(nested('div', 40))
    agrees(`<html><body>${nested('section', 30)}</body></html>`)
  })

  it('counts unclosed elements as nested, as the parser does, even with "/>"', () => {
    agrees('<div>'.repeat(50) + 'x')
    agrees('<div/>'.repeat(50) + 'x')
    agrees('<b>'.repeat(60) + 'x')
  })

  it('is not fooled by elements whose end is implied or that have no content', () => {
    agrees('<p>one<p>two<p>three'.repeat(100))
    agrees('<ul>' + '<li>item'.repeat(200) + '</ul>')
    agrees('<table>' + '<tr><td>a<td>b'.repeat(100) + '</table>')
    agrees('<dl>' + '<dt>t<dd>d'.repeat(100) + '</dl>')
    agrees('<p>' + 'line<br><img src="x.png"><hr>'.repeat(100))
    agrees('<svg>' + '<circle r="1"/>'.repeat(100) + '</svg>')
    agrees('<a href="/1">one<a href="/2">two'.repeat(100))
    agrees('<div title="a > b">' + '<span>x</span>'.repeat(10) + '</div>')
  })

  it('is not fooled into counting too little by end tags the parser ignores', () => {
    // after </body> content still goes into the open elements; </div> cannot close past a table cell
    agrees('<div></body>'.repeat(60) + 'x')
    agrees('<div><table><tr><td></div>'.repeat(30) + 'x')
  })

  it('skips and drops comments, scripts and styles, whatever they contain', () => {
    const html = `<p>kept</p><!-- <div><div><div> --><script>if (a < b) document.write("<div>".repeat(9))</script><style>p > a {}</style><template>${nested('div', 900)}</template><p>also kept</p>`
    const scan = scanHtml(html)
    expect(scan.depth).toBe(3)
    expect(scan.markup).toBe('<p>kept</p><p>also kept</p>')
  })

  it('keeps the text of titles and text areas without reading tags in it', () => {
    const scan = scanHtml(`<title>${'<div>'.repeat(900)}</title><textarea><b><b></textarea><p>x</p>`)
    expect(scan.depth).toBe(3)
    expect(scan.markup).toContain('<title>')
  })

  it('measures embedded data: images so size limits can leave them out', () => {
    const image = `data:image/png;base64,${'A'.repeat(5000)}`
    expect(scanHtml(`<p><img src="${image}">text</p>`).inlineDataChars).toBe(image.length)
    expect(scanHtml(`<script src="${image}"></script><p>x</p>`).inlineDataChars).toBe(0)
  })

  it('scans 20 MB of markup within seconds (linear, never per-tag quadratic)', () => {
    const page = '<div class="para"><p>Some words <a href="/x">a link</a> and more.</p></div>\n'.repeat(
      260_000,
    )
    const started = performance.now()
    expect(scanHtml(page).depth).toBe(5)
    // generous (1.4-2.7 s on a busy 2-core machine); a per-tag quadratic scan would take hours
    expect(performance.now() - started).toBeLessThan(15_000)
  })
})

describe('markdownDepth', () => {
  it('counts lists nested by indentation', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')
    expect(markdownDepth(list)).toBe(3000)
    expect(markdownDepth('- a\n  - b\n    - c\n- d\n  - e')).toBe(3)
  })

  it('counts quote markers and container markers stacked on one line', () => {
    expect(markdownDepth(`${'> '.repeat(3000)}x`)).toBe(3000)
    expect(markdownDepth(`${'- '.repeat(3000)}x`)).toBe(3000)
    expect(markdownDepth('> - 1. > x')).toBe(4)
  })

  it('does not add up sibling items, paragraphs or code', () => {
    expect(markdownDepth(Array.from({ length: 500 }, (_, i) => `- item ${i}`).join('\n'))).toBe(1)
    expect(markdownDepth('- a\n\nparagraph\n\n- b\n\n1. c\n2. d')).toBe(1)
    expect(markdownDepth(`\`\`\`\n${'> '.repeat(500)}code\n- - - - -\n\`\`\`\nText`)).toBe(0)
    expect(markdownDepth('# Title\n\nJust prose - with a dash.')).toBe(0)
  })
})
