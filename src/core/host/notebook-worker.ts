/**
 * Worker-thread entry: owns the SQLite notebook so parsing, imports and queries
 * never block the Electron main thread or the web server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createDispatcher } from '../../shared/dispatch'
import { toErrorData } from '../../shared/errors'
import { closeDefaultParsePool, defaultParsePool } from '../import/parsePool'
import { configureParseWorker } from '../import/parseWorkerUrl'
import { openNotebook, type Notebook } from '../notebook'
import type { Reply, Request, WorkerOptions } from './messages'

const port = parentPort!
const post = (reply: Reply) => port.postMessage(reply)
const options = workerData as WorkerOptions

// imports are parsed in workers of their own (see import/parsePool.ts), so this thread never
// runs a parser and keeps answering while one works
if (options.parseWorkerPath !== undefined) configureParseWorker(options.parseWorkerPath)

let notebook: Notebook
try {
  notebook = openNotebook({
    path: options.dbPath,
    appVersion: options.appVersion,
    samplePath: options.samplePath,
    dailyBackupDir: options.dailyBackupDir,
    openCheckSections: options.openCheckSections,
    syncConnect: true,
  })
  post({ type: 'ready' })
} catch (error) {
  post({ type: 'failed', error: toErrorData(error) })
  process.exit(0)
}

const dispatch = createDispatcher(notebook.handlers)

// The open checked a sample of sections; the whole notebook is checked once in the background,
// an article per turn of the event loop, after the first requests have been answered.
// notebookInfo reports any damage it finds, with the newest good backup.
const FULL_CHECK_DELAY_MS = 3000
const fullCheck = setTimeout(() => {
  notebook
    .checkIntegrityGradually(() => new Promise((resolve) => setImmediate(resolve)))
    .catch((error: unknown) => {
      if (notebook.db.open) console.warn(`Gloss: the background integrity check stopped: ${String(error)}`)
    })
}, options.fullCheckDelayMs ?? FULL_CHECK_DELAY_MS)
fullCheck.unref()

// the research analysis of articles from before it (and of the sample on first start), one per pause
const ANALYSIS_DELAY_MS = 300
const analysis = setTimeout(() => {
  notebook
    .analyzeGradually(() => new Promise((resolve) => setTimeout(resolve, 10)))
    .catch((error: unknown) => {
      if (notebook.db.open) console.warn(`Gloss: the background analysis stopped: ${String(error)}`)
    })
}, ANALYSIS_DELAY_MS)
analysis.unref()

port.on('message', async (request: Request) => {
  if (request.name === '__close') {
    clearTimeout(fullCheck)
    clearTimeout(analysis)
    await closeDefaultParsePool()
    notebook.close()
    post({ type: 'result', id: request.id, ok: true, value: null })
    port.close()
    return
  }
  if (request.name === '__cancelImports') {
    post({ type: 'result', id: request.id, ok: true, value: defaultParsePool().cancelAll() })
    return
  }
  try {
    const value = await dispatch(request.name, (request as { input: unknown }).input)
    post({ type: 'result', id: request.id, ok: true, value })
  } catch (error) {
    post({ type: 'result', id: request.id, ok: false, error: toErrorData(error) })
  }
})
