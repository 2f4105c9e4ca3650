import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { pdfUnavailable } from './pdf'
import { IDS, openSampleNotebook, type SampleNotebook } from '../testing/sampleNotebook'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

function pdftotextMissing(): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return null
  } catch {
    return 'pdftotext (poppler-utils) is not installed'
  }
}

const text = (pdf: string) =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

describe('PDF export', () => {
  test('a note and an article report print through Chromium; the text is in the PDF', async (ctx) => {
    const missing = pdfUnavailable() ?? pdftotextMissing()
    if (missing) {
      console.info(`skipped: ${missing}`)
      ctx.skip()
    }
    const notePdf = join(nb.dir, 'note.pdf')
    const result = await nb.call('export', {
      scope: { kind: 'note', id: IDS.note },
      format: 'pdf',
      path: notePdf,
    })
    expect(result).toMatchObject({ path: notePdf, files: 1 })
    expect(readFileSync(notePdf).subarray(0, 5).toString()).toBe('%PDF-')
    expect(result.bytes).toBe(readFileSync(notePdf).length)
    const note = text(notePdf)
    for (const words of [
      'Kim, Trump and the next round',
      'Will the talks restart?',
      'Since those initial summits, North',
      '(¶4,',
      'hypersonic weapons',
      'His camp has not responded',
      '— The story of Trump and Kim’s relationship began on a tense note, ¶6',
      'Next: compare with the Hanoi summit.',
    ]) {
      expect(note, words).toContain(words)
    }

    const articlePdf = join(nb.dir, 'article.pdf')
    await nb.call('export', {
      scope: { kind: 'article', id: nb.article.id },
      format: 'pdf',
      path: articlePdf,
    })
    const article = text(articlePdf)
    // Chromium's print keeps the page's internal links: each ¶ reference a link annotation to a named destination
    const raw = readFileSync(articlePdf, 'latin1')
    expect(raw.match(/\/Subtype\s*\/Link/g)?.length ?? 0).toBeGreaterThanOrEqual(4)
    expect(raw).toMatch(/\/Dests?\b/)
    expect(article).toContain('Excerpts (3)')
    expect(article).toContain('Bruce Klingner')
    expect(article).not.toContain('TRASHED')
  }, 120_000)

  test('a clear error without Chromium, and no file', async () => {
    const previous = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = join(nb.dir, 'no-such-chromium')
    try {
      const path = join(nb.dir, 'x.pdf')
      await expect(
        nb.call('export', { scope: { kind: 'note', id: IDS.note }, format: 'pdf', path }),
      ).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/PDF export needs Chromium.*CHROMIUM_PATH/),
      })
      expect(existsSync(path)).toBe(false)
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = previous
    }
  })
})
