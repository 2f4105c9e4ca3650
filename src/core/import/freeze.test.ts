/**
 * Issue 16: an import can never freeze the notebook. Every input that used to hang or take
 * minutes, imported through the notebook as the shells do, is refused or imported in seconds,
 * and a refusal writes nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { createArticles } from '../articles'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'
import { createParsePool } from './parsePool'

const prose = 'This paragraph has enough words to look like real article prose to Readability. '.repeat(3)
const nested = (open: string, close: string, n: number, inner: string) =>
  open.repeat(n) + inner + close.repeat(n)
/** Generous: each of these answers in well under a second here; before, they took minutes or never. */
const SECONDS = 10_000

let nb: TempNotebook
beforeAll(async () => {
  nb = openTempNotebook({ samplePath: null })
  // start the parse worker, so the figures below are the parse, as for every import after the first
  await nb.call('importContent', { content: 'Warm-up.', encoding: 'utf8', fileName: 'warm.txt' })
})
afterAll(() => nb.cleanup())

const file = (name: string, content: string) => {
  const path = join(nb.dir, name)
  writeFileSync(path, content)
  return path
}

/** Import `path` and expect a bad_file refusal matching `message`, quickly, with no row written. */
async function refusedQuickly(path: string, message: string | RegExp): Promise<void> {
  const before = tableCounts(nb.notebook.db)
  const started = performance.now()
  const error = await nb.call('importFile', { path }).then(
    () => undefined,
    (e: unknown) => e,
  )
  const elapsed = performance.now() - started
  expect(error).toBeInstanceOf(GlossError)
  expect((error as GlossError).code).toBe('bad_file')
  if (typeof message === 'string') expect((error as GlossError).message).toBe(message)
  else expect((error as GlossError).message).toMatch(message)
  expect(elapsed).toBeLessThan(SECONDS)
  expect(tableCounts(nb.notebook.db)).toEqual(before)
}

describe('pathological imports are refused in seconds, writing nothing', () => {
  it('1,000 nested <div> (11 KB; took 18.6 s)', async () => {
    await refusedQuickly(
      file('div1000.html', nested('<div>', '</div>', 1000, 'x')),
      'Cannot import "div1000.html": its elements nest 1,002 deep; the limit is 500.',
    )
  })

  it('3,000 nested <div> (never answered)', async () => {
    await refusedQuickly(
      file('div3000.html', nested('<div>', '</div>', 3000, prose)),
      'Cannot import "div3000.html": its elements nest 3,002 deep; the limit is 500.',
    )
  })

  it('10,000 nested <b> (a stack overflow after 70 s)', async () => {
    await refusedQuickly(
      file('b10000.html', `<p>${nested('<b>', '</b>', 10_000, prose)}</p>`),
      'Cannot import "b10000.html": its elements nest 10,003 deep; the limit is 500.',
    )
  })

  it('a Markdown list nested 3,000 deep (never answered)', async () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')
    await refusedQuickly(
      file('list.md', list),
      'Cannot import "list.md": its lists and quotes nest 3,000 deep; the limit is 100.',
    )
  })

  it('a 19 MB page (52.6 s and 3.1 GB)', async () => {
    const paragraph = `<p>${prose}</p>\n`
    const page = `<html><body><article>${paragraph.repeat(Math.ceil(19e6 / paragraph.length))}</article></body></html>`
    await refusedQuickly(
      file('big.html', page),
      'Cannot import "big.html": its page markup is 18.1 MB without scripts, styles and embedded images; the limit for a web page is 8 MB.',
    )
  })

  it.skipIf(process.platform === 'win32')('a named pipe (hung forever)', async () => {
    const path = join(nb.dir, 'pipe.txt')
    execFileSync('mkfifo', [path])
    await refusedQuickly(path, 'Cannot import "pipe.txt": it is not a regular file (a named pipe).')
  })

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero (grew to 2 GB in 2.4 s)', async () => {
    await refusedQuickly('/dev/zero', 'Cannot import "zero": it is not a regular file (a device).')
  })
})

describe('deep but legal pages still import', () => {
  it('a page nested 300 deep skips Readability and imports its words', async () => {
    const result = await nb.call('importFile', {
      path: file('deep.html', nested('<div>', '</div>', 300, prose)),
    })
    expect(result.duplicate).toBe(false)
    expect(result.article.sectionCount).toBe(1)
  })

  it('a Markdown list nested 100 deep imports', async () => {
    const list = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')
    const result = await nb.call('importFile', { path: file('list100.md', list) })
    expect(result.article.sectionCount).toBe(100)
  })
})

describe('a parse past its time limit', () => {
  it('is stopped and refused with nothing written', async () => {
    const parser = createParsePool({ timeoutMs: 1000 })
    try {
      const articles = createArticles(nb.notebook.db, { parser })
      const paragraph = `<p>${prose}</p>\n`
      const slow = file('slow.html', `<article>${paragraph.repeat(20_000)}</article>`) // 5 MB: 8 s of parsing here
      const before = tableCounts(nb.notebook.db)
      await expect(articles.importFile(slow)).rejects.toMatchObject({
        code: 'bad_file',
        message: 'Cannot import "slow.html": reading it took longer than 1 second, so it was stopped.',
      })
      expect(tableCounts(nb.notebook.db)).toEqual(before)
    } finally {
      await parser.close()
    }
  })
})
