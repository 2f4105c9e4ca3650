/**
 * Documents full of structure (lists, quotes, code, tables, marks, links, pictures, captions,
 * odd whitespace) in every format that reaches the HTML or Markdown walk. Their section texts,
 * as the import made them before layouts existed, are in ../fixtures/section-texts.json:
 * extracting layouts must leave every one byte for byte (the excerpts' anchors depend on it).
 */
import { GIF, makeDocx, makeEpub, PNG, wordParagraph, wordPicture } from './documents'

const prose = (topic: string): string =>
  `This paragraph about ${topic} has enough words to look like real article prose to Readability. `.repeat(3)
const png = `data:image/png;base64,${PNG.toString('base64')}`

const PAGE = `<!doctype html><html><head><title>Structure | Example</title>
<link rel="canonical" href="https://news.example.com/2024/structure"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Structure <a class="headerlink" href="#s">¶</a></h1>
  <h2>Background <span class="mw-editsection">[<a href="/edit">edit</a>]</span></h2>
  <p>${prose('marks')} <em> spaced emphasis </em>and<strong>glued</strong>words, <b><i>nested</i> bold</b>,
     <code>x&nbsp;=&nbsp;1</code>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, CO<sub>2</sub>, E=mc<sup>2</sup>.</p>
  <p>${prose('links')} <a href="/world/summit">root-relative</a>, <a href="next.html">relative</a>,
     <a href="https://example.org/x?y=1#z">absolute</a>, <a href="mailto:a@example.com">mail</a>,
     <a href="javascript:alert(1)">script</a>, <a href="#top">anchor</a>.<br>After a<br/>break.</p>
  <figure><img src="${png}" alt="A dot"><figcaption>The dot, large. <span class="credit">Photo: Reuters</span></figcaption></figure>
  <div class="caption">An inline caption <span class="credit">AP</span></div>
  <p>${prose('lists')}</p>
  <ul><li>One <em>item</em><ul><li>Inner</li><li><p>Para in item</p><p>Second para</p></li></ul></li>
      <li>Two</li></ul>
  <ol start="4"><li>Four</li><li value="9">Nine</li><li>Ten</li></ol>
  <blockquote><p>${prose('a quote')}</p><ul><li>Quoted item</li></ul></blockquote>
  <pre>  indented code
    more   spaces

  after a blank line</pre>
  <table><thead><tr><th>Name</th><th>Value</th></tr></thead>
    <tbody><tr><td>Alpha <a href="https://example.com/a">link</a></td><td></td><td><div>Block</div><div>cells</div></td></tr></tbody></table>
  <p>\u00a0 No-break spaces\u00a0around\u00a0 </p>
  <img src="https://cdn.example.com/remote.jpg" alt="Remote picture">
  <p>${prose('the end')}</p>
  <p>Login</p>
</article></body></html>`

const MARKDOWN = `---
title: Structure in Markdown
---

# The *plan* and **more**

Some *em*, **strong**, \`code\`, [a link](https://example.com/x "t"), [relative](notes.md) and ![a picture](${png}).
Hard wrapped  
line with a break.

1. first *item*
2. second
   - inner **bold**
   - inner two

     a paragraph in the item

> quoted **words**
>
> > nested quote

\`\`\`js
let a = 1

let b = 2
\`\`\`

| Name | Age |  |
| --- | --- | --- |
| Ann *Lee* | 41 | |
|  | x | y |

<div>raw <b>html</b> block</div>

![only a picture](https://example.com/p.png)
`

export function layoutDocuments(): Array<{ name: string; fileName: string; bytes: Uint8Array }> {
  const epub = makeEpub(
    {
      title: 'Structured Book',
      creators: ['A. Writer'],
      chapters: [
        {
          id: 'c1',
          title: 'One',
          body: `<h1>One</h1><p>Words with <em>emphasis</em> and <a href="https://example.com/">a link</a>.</p>
            <figure><img src="../images/dot.png" alt="Dot"/><figcaption>The dot.</figcaption></figure>
            <ol><li>First</li><li>Second <strong>strong</strong></li></ol><blockquote><p>A quote.</p></blockquote>`,
        },
        { id: 'c2', title: 'Two', body: `<p>Second chapter.</p><pre>code\n  line</pre>` },
      ],
    },
    { 'OEBPS/images/dot.png': PNG },
  )
  const docx = makeDocx(
    [
      wordParagraph('Structured Notes', { style: 'Title' }),
      wordParagraph('Background', { style: 'Heading1' }),
      wordParagraph('Item one', { list: 1 }),
      wordParagraph('Item two', { list: 2 }),
      wordPicture('dot.gif', 'A dot'),
      wordParagraph('A quoted sentence.', { style: 'Quote' }),
      wordParagraph('The last paragraph.'),
    ],
    {},
    { 'dot.gif': GIF },
  )
  const text = (s: string) => new TextEncoder().encode(s)
  return [
    { name: 'page', fileName: 'page.html', bytes: text(PAGE) },
    { name: 'markdown', fileName: 'notes.md', bytes: text(MARKDOWN) },
    { name: 'epub', fileName: 'book.epub', bytes: epub },
    { name: 'docx', fileName: 'notes.docx', bytes: docx },
  ]
}
