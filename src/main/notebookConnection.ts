/** The main process's connection to the notebook worker: start once, dispatch, close on quit. */
import { setTimeout as delay } from 'node:timers/promises'
import { startNotebookHost, type NotebookHost } from '../core/host/worker-client'
// electron-vite builds the worker as its own entry and gives its path at run time.
import workerPath from '../core/host/notebook-worker?modulePath'
// …and the import parser's worker, which the notebook worker starts (see core/import/parseWorkerUrl.ts)
import parseWorkerPath from '../core/import/parse-worker?modulePath'
import type { OperationName } from '../shared/contract'
import { GlossError } from '../shared/errors'

const CLOSE_TIMEOUT_MS = 5000

export class NotebookConnection {
  private readonly host: Promise<NotebookHost>
  private closing: Promise<void> | null = null

  constructor(
    readonly dbPath: string,
    options: { appVersion: string; samplePath: string | null; dailyBackupDir: string },
  ) {
    // execArgv []: nothing of Electron's own command line (--inspect from test runners…) reaches the worker
    this.host = startNotebookHost({ dbPath, workerPath, parseWorkerPath, execArgv: [], ...options })
    // Failures are reported through ready() and dispatch(); never an unhandled rejection.
    this.host.catch(() => undefined)
  }

  /** Resolves once the database is open; rejects with the GlossError that prevented it. */
  ready(): Promise<NotebookHost> {
    return this.host
  }

  readonly dispatch = async (name: OperationName, input: unknown): Promise<unknown> => {
    if (this.closing)
      throw new GlossError('internal', 'Gloss is closing; the notebook no longer takes requests.')
    const host = await this.host
    return host.dispatch(name, input)
  }

  /** Close the database cleanly (waits for work in flight), giving up after a few seconds. */
  close(timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
    this.closing ??= (async () => {
      let host: NotebookHost
      try {
        host = await this.host
      } catch {
        return // never opened: nothing to close
      }
      const timedOut = Symbol('timeout')
      const outcome = await Promise.race([
        host.close().then(
          () => undefined,
          (error: unknown) => error,
        ),
        delay(timeoutMs, timedOut, { ref: false }),
      ])
      if (outcome === timedOut)
        console.error(`Gloss: the notebook did not close within ${timeoutMs} ms; quitting anyway.`)
      else if (outcome !== undefined) console.error('Gloss: closing the notebook failed:', outcome)
    })()
    return this.closing
  }
}
