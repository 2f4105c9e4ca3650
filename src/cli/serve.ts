import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startNotebookHost } from '../core/host/worker-client'
import { startWebShell } from '../web/server'
import type { CliContext } from './main'

const STATIC_DIR = fileURLToPath(new URL('../../out/web', import.meta.url))

/** `gloss serve`: the notebook in a worker thread, the renderer and contract over loopback HTTP. */
export async function serve(ctx: CliContext, port: number): Promise<void> {
  const host = await startNotebookHost({
    dbPath: ctx.dbPath,
    // the daily automatic backups (last 7 days) go to backups/ beside the notebook
    dailyBackupDir: dirname(ctx.dbPath),
    workerPath: new URL('../core/host/notebook-worker.ts', import.meta.url),
    // the worker loads TypeScript sources through the same loader as this CLI
    execArgv: ['--import', import.meta.resolve('tsx')],
  })
  const shell = await startWebShell({ host, staticDir: STATIC_DIR, port })
  ctx.print(`Gloss web shell: ${shell.url}`)
  ctx.print(`Notebook: ${ctx.dbPath}  (Ctrl+C to stop)`)
  const stop = async () => {
    await shell.close()
    await host.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
