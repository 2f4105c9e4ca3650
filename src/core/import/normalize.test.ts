import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle, parseText } from './index'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('normalization and the content hash', () => {
  const text = 'Café “quotes” stay.\nSecond   line\twith  runs.   \nThird line, the end.\n'

  it('gives the same text and hash for CRLF, CR, NFD and BOM variants', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-import-'))
    const variants = {
      'lf.txt': text,
      'crlf.txt': text.replace(/\n/g, '\r\n'),
      'cr.txt': text.replace(/\n/g, '\r'),
      'nfd.txt': text.normalize('NFD'),
      'bom.txt': `\uFEFF${text.replace(/\n/g, '\r\n')}`,
    }
    const parsed = Object.entries(variants).map(([name, content]) => {
      writeFileSync(join(dir, name), content, 'utf8')
      return parseArticle({ bytes: readFileSync(join(dir, name)), fileName: name })
    })
    const first = parsed[0]
    expect(first?.text).toBe('Café “quotes” stay.\n\nSecond line with runs.\n\nThird line, the end.')
    expect(first?.text).toBe(first?.text.normalize('NFC'))
    for (const article of parsed) {
      expect(article.text).toBe(first?.text)
      expect(article.contentHash).toBe(first?.contentHash)
    }
  })

  it('joins the lines of a hard-wrapped paragraph and splits on blank lines', () => {
    const wrapped =
      'The first paragraph is wrapped\nat a narrow column, as old\ntext files are.\n\nThe second one\nis wrapped too.\n'
    const article = parseText(wrapped, { format: 'text' })
    expect(article.sections.map((s) => s.text)).toEqual([
      'The first paragraph is wrapped at a narrow column, as old text files are.',
      'The second one is wrapped too.',
    ])
  })

  it('splits blocks of long lines into one paragraph per line even with blank lines elsewhere', () => {
    const long = (n: number): string =>
      `Paragraph ${n} ${'is a long line of prose that goes on. '.repeat(4)}`.trim()
    const article = parseText(`${long(1)}\n${long(2)}\n\n${long(3)}`, { format: 'text' })
    expect(article.sections).toHaveLength(3)
  })

  it('starts a new paragraph at each list item of a wrapped text', () => {
    const article = parseText('Shopping:\n\n- eggs\n- milk\n\nThat is all.', { format: 'text' })
    expect(article.sections.map((s) => s.text)).toEqual(['Shopping:', '- eggs', '- milk', 'That is all.'])
  })

  it('hashes the canonical text with sha256', async () => {
    const { createHash } = await import('node:crypto')
    const article = parseArticle({ bytes: utf8('One.\n\nTwo.'), fileName: 'a.txt' })
    expect(article.contentHash).toBe(createHash('sha256').update('One.\n\nTwo.').digest('hex'))
  })
})
