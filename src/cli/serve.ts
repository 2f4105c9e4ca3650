import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { startNotebookHost, type NotebookHost } from '../core/host/worker-client'
import { packageRoot, userDataDir, workerEntry } from '../core/paths'
import { GlossError, toErrorData } from '../shared/errors'
import { startWebShell } from '../web/server'
import type { CliContext } from './context'

/** The port each notebook was last served on, so a bookmark keeps working (the token changes). */
const portsFile = () => join(userDataDir(), 'web-ports.json')

function readPorts(): Record<string, number> {
  try {
    const ports = JSON.parse(readFileSync(portsFile(), 'utf8')) as unknown
    return ports && typeof ports === 'object' ? (ports as Record<string, number>) : {}
  } catch {
    return {}
  }
}

function rememberPort(dbPath: string, port: number): void {
  try {
    // notebooks that no longer exist drop out
    const kept = Object.entries(readPorts()).filter(([path]) => existsSync(path))
    const ports = { ...Object.fromEntries(kept), [resolve(dbPath)]: port }
    mkdirSync(dirname(portsFile()), { recursive: true })
    const temp = `${portsFile()}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(ports, null, 2))
    renameSync(temp, portsFile())
  } catch {
    // a convenience only: a read-only config folder must not stop the server
  }
}

/** `--port`: undefined without it (then the notebook's last port if free, else any). */
export function portOption(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GlossError(
      'invalid_input',
      `--port must be a number from 0 to 65535, not "${String(value)}"`,
      'port',
    )
  }
  return port
}

/**
 * `gloss serve`: the notebook in a worker thread, the renderer and contract over loopback HTTP.
 * The listener starts while the worker opens the notebook, and the URL is printed once it
 * listens: a request that comes first waits for the notebook. A notebook that cannot open
 * ends the server with its reason.
 */
export async function serve(ctx: CliContext, port: number | undefined): Promise<void> {
  const staticDir = join(packageRoot(), 'out', 'web')
  if (!existsSync(join(staticDir, 'index.html'))) {
    ctx.print('Gloss: the web renderer is not built; run `npm run build:web`, then reload the page.')
  }
  const worker = workerEntry('notebook-worker', 'src/core/host/notebook-worker.ts')
  const opening = startNotebookHost({
    dbPath: ctx.dbPath,
    // the daily automatic backups (last 7 days) go to backups/ beside the notebook
    dailyBackupDir: dirname(ctx.dbPath),
    workerPath: worker.url,
    execArgv: worker.execArgv,
  })
  let failed: unknown = null
  opening.catch((error: unknown) => (failed = error))
  const host: NotebookHost = {
    dispatch: async (name, input) => (await opening).dispatch(name, input),
    cancelImports: async () => (await opening).cancelImports(),
    close: async () => (await opening.catch(() => null))?.close(),
  }
  const last = readPorts()[resolve(ctx.dbPath)]
  const shell = await startWebShell({ host, staticDir, port: port ?? last ?? 0 }).catch((error: unknown) => {
    if (port === undefined && (error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      return startWebShell({ host, staticDir, port: 0 })
    throw error
  })
  if (failed) {
    await shell.close()
    throw failed
  }
  if (port === undefined) rememberPort(ctx.dbPath, shell.port)
  ctx.print(`Gloss web shell: ${shell.url}`)
  ctx.print(`Notebook: ${ctx.dbPath}  (Ctrl+C to stop)`)
  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) return
    stopping = true
    await shell.close()
    await host.close()
    process.exit(code)
  }
  opening.catch((error: unknown) => {
    console.error(`gloss: ${toErrorData(error).message}`)
    void stop(1)
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop())
  // started by `npm start` with an IPC channel: stop when the starter goes, however it went
  if (process.send) process.once('disconnect', () => void stop())
}
