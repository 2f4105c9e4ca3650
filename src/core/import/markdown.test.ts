import { describe, expect, it } from 'vitest'
import { parseArticle, parseText } from './index'

const MARKDOWN = `---
title: "Notes on Diplomacy"
author: Jane Doe
date: 2024-03-05
---

# The *first* summit

Kim and Trump met in **Singapore**, see [the report](https://example.com/report) and \`code()\`.
This sentence is on a second source line.

- first item with _emphasis_
- second item
  - nested item

1. numbered one
2. numbered two

> A quoted line
> that continues.

\`\`\`
const a = 1
\`\`\`

![a chart](chart.png)

## Later

Tom &amp; Jerry &mdash; the &#8220;end&#x201D;.
`

describe('markdown import', () => {
  const article = parseArticle({ bytes: new TextEncoder().encode(MARKDOWN), fileName: 'notes.md' })

  it('reads title, author and date from front matter, which is not a section', () => {
    expect(article).toMatchObject({
      format: 'markdown',
      title: 'Notes on Diplomacy',
      byline: 'Jane Doe',
      publishedAt: '2024-03-05',
    })
    expect(article.text).not.toContain('title:')
    expect(article.text).not.toContain('---')
  })

  it('turns headings, paragraphs, list items, quotes and code into plain sections', () => {
    expect(article.sections.map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'The first summit'],
      [
        'paragraph',
        'Kim and Trump met in Singapore, see the report and code(). This sentence is on a second source line.',
      ],
      ['paragraph', 'first item with emphasis'],
      ['paragraph', 'second item'],
      ['paragraph', 'nested item'],
      ['paragraph', 'numbered one'],
      ['paragraph', 'numbered two'],
      ['paragraph', 'A quoted line that continues.'],
      ['paragraph', 'const a = 1'],
      ['heading', 'Later'],
      ['paragraph', 'Tom & Jerry — the “end”.'],
    ])
    expect(article.sections[0]?.level).toBe(1)
    expect(article.sections[9]?.level).toBe(2)
    for (const s of article.sections) expect(article.text.slice(s.start, s.end)).toBe(s.text)
  })

  it('keeps no markup characters and drops images', () => {
    expect(article.text).not.toMatch(/[*_`#[\]]|chart/)
  })

  it('falls back to the first heading for the title when there is no front matter', () => {
    expect(parseText('## Heading title\n\nBody text.', { format: 'markdown' }).title).toBe('Heading title')
  })

  it('sniffs pasted markdown by its headings or lists', () => {
    expect(parseText('# Title\n\nText').format).toBe('markdown')
    expect(parseText('Intro\n\n- one\n- two').format).toBe('markdown')
    expect(parseText('Just a sentence - with a dash.').format).toBe('text')
  })

  it('keeps code indentation but squeezes blank lines', () => {
    const code = parseText('```\nif (x) {\n  y()\n\n\n}\n```', { format: 'markdown' })
    expect(code.sections.map((s) => s.text)).toEqual(['if (x) {\n  y()\n}'])
  })
})
