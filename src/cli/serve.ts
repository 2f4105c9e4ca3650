import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { startNotebookHost } from '../core/host/worker-client'
import { packageRoot, workerEntry } from '../core/paths'
import { startWebShell } from '../web/server'
import type { CliContext } from './context'

/** `gloss serve`: the notebook in a worker thread, the renderer and contract over loopback HTTP. */
export async function serve(ctx: CliContext, port: number): Promise<void> {
  const staticDir = join(packageRoot(), 'out', 'web')
  if (!existsSync(join(staticDir, 'index.html'))) {
    ctx.print('Gloss: the web renderer is not built; run `npm run build:web`, then reload the page.')
  }
  const worker = workerEntry('notebook-worker', 'src/core/host/notebook-worker.ts')
  const host = await startNotebookHost({
    dbPath: ctx.dbPath,
    // the daily automatic backups (last 7 days) go to backups/ beside the notebook
    dailyBackupDir: dirname(ctx.dbPath),
    workerPath: worker.url,
    execArgv: worker.execArgv,
  })
  const shell = await startWebShell({ host, staticDir, port })
  ctx.print(`Gloss web shell: ${shell.url}`)
  ctx.print(`Notebook: ${ctx.dbPath}  (Ctrl+C to stop)`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await shell.close()
    await host.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  process.once('SIGHUP', stop)
  // started by `npm start` with an IPC channel: stop when the starter goes, however it went
  if (process.send) process.once('disconnect', stop)
}
