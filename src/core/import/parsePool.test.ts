import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { tempDir } from '../testing/tempNotebook'
import { parseArticle } from './index'
import { createParsePool, type ParsePool } from './parsePool'

const prose = (n: number) =>
  `Paragraph ${n} has enough words to look like real article prose to Readability. `.repeat(3)
/** A valid page of `mb` megabytes of paragraphs: seconds of jsdom and Readability work. */
const page = (mb: number) => {
  const paragraph = `<p>${prose(1)}</p>\n`
  return `<html><body><article>${paragraph.repeat(Math.ceil((mb * 1e6) / paragraph.length))}</article></body></html>`
}
const bytes = (text: string) => new TextEncoder().encode(text)
const small = { kind: 'bytes' as const, bytes: bytes(`<p>${prose(0)}</p>`), fileName: 'small.html' }

async function refusal(promise: Promise<unknown>): Promise<GlossError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GlossError)
  return error as GlossError
}

const pools: ParsePool[] = []
const pool = (options: Parameters<typeof createParsePool>[0] = {}) => {
  const made = createParsePool(options)
  pools.push(made)
  return made
}
afterAll(() => Promise.all(pools.map((p) => p.close())))

describe('the parse worker pool', () => {
  it('gives what the in-thread parse gives, and refusals as they are', async () => {
    const parsing = pool()
    const { article, sourcePath } = await parsing.parse(small)
    expect(sourcePath).toBeNull()
    expect(article).toEqual(parseArticle({ bytes: small.bytes, fileName: 'small.html' }))
    const refused = await refusal(parsing.parse({ kind: 'bytes', bytes: bytes(''), fileName: 'empty.txt' }))
    expect(refused.toJSON()).toEqual({
      code: 'bad_file',
      message: 'Cannot import "empty.txt": the file is empty.',
    })
  })

  it('stops a parse that runs past its time limit, and parses the next one in a fresh worker', async () => {
    const parsing = pool({ timeoutMs: 1000 })
    await parsing.parse(small) // a warm worker, as after any first import
    const started = performance.now()
    const error = await refusal(
      parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'slow.html' }),
    )
    const elapsed = performance.now() - started
    expect(error.toJSON()).toEqual({
      code: 'bad_file',
      message: 'Cannot import "slow.html": reading it took longer than 1 second, so it was stopped.',
    })
    // that page takes 8 s or more to parse here; stopping it took its limit plus message time
    expect(elapsed).toBeGreaterThanOrEqual(990)
    expect(elapsed).toBeLessThan(5000)
    expect((await parsing.parse(small)).article.sections).toHaveLength(1)
  })

  it('stops a parse that needs more memory than its limit, and goes on working', async () => {
    const parsing = pool({ memoryMb: 64 })
    await parsing.parse(small) // jsdom itself fits
    const error = await refusal(parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'big.html' }))
    expect(error.toJSON()).toEqual({
      code: 'bad_file',
      message: 'Cannot import "big.html": reading it needed more than 64 MB of memory, so it was stopped.',
    })
    expect((await parsing.parse(small)).article.sections).toHaveLength(1)
  })

  it('cancels running and queued parses, by signal or all at once', async () => {
    const parsing = pool({ maxWorkers: 1 })
    await parsing.parse(small)
    const controller = new AbortController()
    const running = parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'one.html' }, controller)
    const queued = parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'two.html' })
    const third = parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'three.html' })
    controller.abort()
    expect((await refusal(running)).message).toBe('Cannot import "one.html": the import was cancelled.')
    expect(parsing.cancelAll()).toBe(2)
    expect((await refusal(queued)).message).toBe('Cannot import "two.html": the import was cancelled.')
    expect((await refusal(third)).message).toBe('Cannot import "three.html": the import was cancelled.')
    expect(parsing.cancelAll()).toBe(0)
    expect((await parsing.parse(small)).article.sections).toHaveLength(1)
  })

  it('parses two imports at once, so a slow one does not hold up a small one', async () => {
    const parsing = pool({ maxWorkers: 2 })
    await parsing.parse(small)
    let slowDone = false
    const slow = parsing.parse({ kind: 'bytes', bytes: bytes(page(5)), fileName: 'slow.html' })
    void slow.finally(() => (slowDone = true)).catch(() => undefined)
    expect((await parsing.parse(small)).article.sections).toHaveLength(1)
    expect(slowDone).toBe(false)
    parsing.cancelAll()
    expect((await refusal(slow)).message).toMatch(/cancelled/)
  })

  it.skipIf(process.platform === 'win32')(
    'refuses a pipe from a stat, without starting a worker',
    async () => {
      const path = join(tempDir('gloss-pool-'), 'pipe.md')
      execFileSync('mkfifo', [path])
      // an entry that cannot load: had a worker been started, the error would say so
      const noWorker = pool({
        entry: { url: new URL('./no-such-parse-worker.js', import.meta.url), execArgv: [] },
      })
      expect((await refusal(noWorker.parse({ kind: 'file', path }))).message).toBe(
        'Cannot import "pipe.md": it is not a regular file (a named pipe).',
      )
    },
  )

  it('cancels a file job while its path is still being checked', async () => {
    const path = join(tempDir('gloss-pool-'), 'note.md')
    writeFileSync(path, '# Note')
    const parsing = pool()
    const job = parsing.parse({ kind: 'file', path })
    expect(parsing.cancelAll()).toBe(1)
    expect((await refusal(job)).message).toBe('Cannot import "note.md": the import was cancelled.')
  })

  it('refuses new work once closed', async () => {
    const parsing = pool()
    await parsing.close()
    expect((await refusal(parsing.parse(small))).message).toBe('The notebook is closed.')
  })
})

describe('the parse worker entry', () => {
  it('is found beside its locator when running from sources, with the TypeScript loader', async () => {
    const { parseWorkerEntry } = await import('./parseWorkerUrl')
    const entry = parseWorkerEntry()
    expect(entry.url.href).toBe(new URL('./parse-worker.ts', import.meta.url).href)
    expect(entry.execArgv).toEqual(['--import', import.meta.resolve('tsx')])
  })

  it('reports an entry that cannot load instead of waiting on it', async () => {
    const missing = pool({
      entry: { url: new URL('./no-such-parse-worker.js', import.meta.url), execArgv: [] },
    })
    const error = await refusal(missing.parse(small))
    expect(error.code).toBe('internal')
    expect(error.message).toMatch(
      /^Cannot import "small\.html": the import worker failed \(.*no-such-parse-worker/,
    )
  })
})
