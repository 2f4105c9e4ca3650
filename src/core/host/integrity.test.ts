/**
 * The notebook worker checks the whole notebook in the background after it opens, an article at
 * a time: damage appears in notebookInfo, and requests are answered while the check runs.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import type { NotebookInfo } from '../../shared/model'
import { createDispatcher } from '../../shared/dispatch'
import { openNotebook } from '../notebook'
import { tempDir } from '../testing/tempNotebook'
import { startNotebookHost, type NotebookHost } from './worker-client'

let host: NotebookHost | undefined
afterEach(() => host?.close())

const start = (dbPath: string, fullCheckDelayMs: number) =>
  startNotebookHost({
    dbPath,
    samplePath: null,
    fullCheckDelayMs,
    // no check of a sample on open: only the background check can find the damage
    openCheckSections: 0,
    workerPath: new URL('./notebook-worker.ts', import.meta.url),
    execArgv: ['--import', import.meta.resolve('tsx')],
  })

it('finds damage in the background after the open, and keeps answering meanwhile', async () => {
  const dbPath = join(tempDir('gloss-check-'), 'gloss.db')
  const notebook = openNotebook({ path: dbPath, samplePath: null })
  const call = createDispatcher(notebook.handlers)
  const ids: string[] = []
  for (let i = 0; i < 40; i++) {
    const body = Array.from({ length: 30 }, (_, j) => `Article ${i}, paragraph ${j}: words of its own.`)
    const result = (await call('importContent', { content: body.join('\n\n'), format: 'text' })) as {
      article: { id: string }
    }
    ids.push(result.article.id)
  }
  notebook.close()
  // a byte changed behind Gloss's back, in the 33rd article's ¶7
  const other = new Database(dbPath)
  other
    .prepare(
      `UPDATE sections SET text = replace(text, 'words', 'wards') WHERE article_id = ? AND ordinal = 7`,
    )
    .run(ids[32])
  other.close()

  host = await start(dbPath, 0)
  let info = (await host.dispatch('notebookInfo', {})) as NotebookInfo
  const started = Date.now()
  let slowest = 0
  while (info.damage === null && Date.now() - started < 30_000) {
    const asked = performance.now()
    info = (await host.dispatch('notebookInfo', {})) as NotebookInfo
    slowest = Math.max(slowest, performance.now() - asked)
  }
  expect(info.damage).toMatchObject({ scope: 'full', articles: [{ id: ids[32], sectionOrdinals: [7] }] })
  expect(info.damage!.message).toMatch(/damaged/)
  // one article per turn: a request waits for one article's check, not the notebook's
  expect(slowest).toBeLessThan(1000)
})

it('a sound notebook stays sound after its background check', async () => {
  const dbPath = join(tempDir('gloss-check-'), 'gloss.db')
  host = await start(dbPath, 0)
  await host.dispatch('importContent', { content: 'One.\n\nTwo.', encoding: 'utf8', fileName: 'x.txt' })
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(((await host.dispatch('notebookInfo', {})) as NotebookInfo).damage).toBeNull()
})
