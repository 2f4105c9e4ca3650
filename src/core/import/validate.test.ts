import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { MAX_IMPORT_BYTES, parseArticle, parseText } from './index'

function refusal(run: () => unknown): GlossError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe('bad_file')
    return error as GlossError
  }
  throw new Error('expected the import to be refused')
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('refused imports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-refused-'))
  const fromDisk = (name: string, content: Uint8Array | string) => {
    writeFileSync(join(dir, name), content)
    return () => parseArticle({ bytes: readFileSync(join(dir, name)), fileName: name })
  }

  it('refuses an empty file', () => {
    expect(refusal(fromDisk('empty.txt', '')).message).toBe('Cannot import "empty.txt": the file is empty.')
  })

  it('refuses a whitespace-only file', () => {
    expect(refusal(fromDisk('blank.md', ' \n\t\r\n  ')).message).toMatch(/"blank\.md".*only whitespace/)
  })

  it('refuses binary data with NUL bytes', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
    expect(refusal(fromDisk('notes.txt', bytes)).message).toBe(
      'Cannot import "notes.txt": it looks like a binary file, not text.',
    )
  })

  it('refuses text full of control characters', () => {
    const bytes = utf8('a\x01b\x02c\x03d\x04e\x05f\x06')
    expect(refusal(() => parseArticle({ bytes, fileName: 'ctl.txt' })).message).toMatch(/"ctl\.txt".*binary/)
  })

  it('refuses invalid UTF-8', () => {
    const bytes = new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0x21])
    expect(refusal(fromDisk('latin.txt', bytes)).message).toMatch(/"latin\.txt".*not valid UTF-8/)
  })

  it('refuses unsupported types and lists the supported ones', () => {
    const message = refusal(() => parseArticle({ bytes: utf8('PK'), fileName: 'slides.pptx' })).message
    expect(message).toMatch(/"slides\.pptx".*unsupported type/)
    expect(message).toContain('.txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .epub, .docx')
  })

  it('refuses files over 20 MB before decoding them', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    expect(refusal(() => parseArticle({ bytes, fileName: 'huge.txt' })).message).toMatch(/"huge\.txt".*20 MB/)
  })

  it('accepts a file of exactly 20 MB', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)
    expect(parseArticle({ bytes, fileName: 'big.txt' }).sections).toHaveLength(1)
  })

  it('refuses HTML with only scripts and navigation', () => {
    const html =
      '<html><head><script>var a = 1</script></head><body><nav><a href="/">Home</a> <a href="/b">About us</a></nav><script>document.write("x")</script></body></html>'
    expect(refusal(fromDisk('page.html', html)).message).toBe(
      'Cannot import "page.html": it has no readable text.',
    )
  })

  it('names pasted text in its refusals', () => {
    expect(refusal(() => parseText('   \n ')).message).toMatch(/^Cannot import pasted text: .*whitespace/)
    expect(refusal(() => parseText('bad\u0000data')).message).toMatch(/^Cannot import pasted text: .*binary/)
    expect(refusal(() => parseText('<html><body><script>x()</script></body></html>')).message).toBe(
      'Cannot import pasted text: it has no readable text.',
    )
  })

  it('names "the file" when no file name was given', () => {
    expect(refusal(() => parseArticle({ bytes: new Uint8Array() })).message).toMatch(
      /^Cannot import the file: /,
    )
  })
})
