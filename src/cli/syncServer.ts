/**
 * `gloss sync-server`: the Hocuspocus server notebooks sync through (src/core/sync/server.ts),
 * and `gloss sync-server token <notebook>`, which prints the token that opens one notebook.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { GlossError } from '../shared/errors'
import type { CliContext } from './context'

const DEFAULT_PORT = 4455
const defaultDataDir = () => process.env.GLOSS_SYNC_DATA ?? join(homedir(), '.gloss-sync')

function portOf(value: unknown): number {
  const port = value === undefined ? DEFAULT_PORT : Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new GlossError(
      'invalid_input',
      `--port must be a number from 0 to 65535, not "${String(value)}"`,
      'port',
    )
  return port
}

/** registered in ./commands.ts (typed there as a Command) */
export const syncServerCommand = {
  name: 'sync-server',
  usage: 'sync-server [--port N] [--data DIR] [--host ADDRESS] | sync-server token <notebook> [--data DIR]',
  summary: 'Run the sync server (Hocuspocus, on 127.0.0.1), or print the token that opens one notebook',
  options: {
    port: { type: 'string' as const },
    data: { type: 'string' as const },
    host: { type: 'string' as const },
  },
  help: () =>
    [
      `The server keeps its documents in DIR/sync-server.db and its secret in DIR/secret (default ${defaultDataDir()},`,
      'or GLOSS_SYNC_DATA; GLOSS_SYNC_SECRET overrides the file). A notebook syncs with the server URL and a token',
      'from `gloss sync-server token <notebook>`: everyone given that token shares that notebook, and no other.',
      '--host 0.0.0.0 listens beyond this machine: put it behind TLS (wss://) before you do.',
    ].join('\n'),
  async run(ctx: CliContext, positionals: string[], values: Record<string, unknown>) {
    const dataDir = resolve((values.data as string | undefined) ?? defaultDataDir())
    const { notebookToken } = await import('../core/sync/tokens')
    const { startSyncServer, syncSecret } = await import('../core/sync/server')
    if (positionals[0] === 'token') {
      const name = positionals[1]
      if (!name)
        throw new GlossError(
          'invalid_input',
          'missing <notebook> (the name both machines will share)',
          'notebook',
        )
      const token = notebookToken(syncSecret(dataDir).secret, name)
      ctx.print(ctx.json ? JSON.stringify({ notebook: name, token }) : token)
      return
    }
    if (positionals.length > 0)
      throw new GlossError(
        'invalid_input',
        `unknown argument "${positionals[0]}" (see gloss sync-server --help)`,
        'argument',
      )
    ctx.keepOpen()
    const server = await startSyncServer({
      dataDir,
      port: portOf(values.port),
      host: (values.host as string | undefined) ?? '127.0.0.1',
    })
    ctx.print(
      ctx.json
        ? JSON.stringify({ url: server.url, dataDir, secretPath: server.secretPath })
        : `Gloss sync server on ${server.url} (documents in ${dataDir}; tokens: gloss sync-server token <notebook> --data ${dataDir})`,
    )
    const stop = () => void server.stop().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
}
