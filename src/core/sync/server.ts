/**
 * `gloss sync-server`: Hocuspocus with its SQLite persistence (one row per document, the Yjs
 * state), on 127.0.0.1 unless told otherwise. A connection opens a document only with a token of
 * that document's notebook (./tokens.ts), checked before anything is read or stored.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'
import BetterSqlite from 'better-sqlite3'
import { writeFileAtomic } from '../store/files'
import { notebookOfDoc, tokenOpens } from './tokens'

export interface SyncServerOptions {
  dataDir: string
  port?: number
  host?: string
  /** how long edits wait before they are written (ms; Hocuspocus batches them) */
  debounceMs?: number
}

export interface RunningSyncServer {
  url: string
  port: number
  secretPath: string
  secret: string
  stop(): Promise<void>
}

/** The server's secret: GLOSS_SYNC_SECRET, else `<data>/secret`, made on first start (owner-only). */
export function syncSecret(dataDir: string): { secret: string; path: string } {
  const path = join(dataDir, 'secret')
  const fromEnv = process.env.GLOSS_SYNC_SECRET
  if (fromEnv) return { secret: fromEnv, path: '(GLOSS_SYNC_SECRET)' }
  mkdirSync(dataDir, { recursive: true })
  if (!existsSync(path)) {
    writeFileAtomic(path, randomBytes(32).toString('base64url'), {})
    chmodSync(path, 0o600)
  }
  return { secret: readFileSync(path, 'utf8').trim(), path }
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { secret, path: secretPath } = syncSecret(options.dataDir)
  const db = new BetterSqlite(join(options.dataDir, 'sync-server.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(
    `CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, stored_at TEXT NOT NULL) WITHOUT ROWID`,
  )
  const read = db.prepare<[string], Buffer>(`SELECT data FROM documents WHERE name = ?`).pluck()
  const write = db.prepare(
    `INSERT INTO documents (name, data, stored_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET data = excluded.data, stored_at = excluded.stored_at`,
  )

  const server = new Server({
    port: options.port ?? 0,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 300,
    maxDebounce: 2000,
    async onAuthenticate({ token, documentName }) {
      if (!tokenOpens(secret, token, documentName))
        throw new Error(`this token does not open notebook "${notebookOfDoc(documentName)}"`)
    },
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const data = read.get(documentName)
          return data ? new Uint8Array(data) : null
        },
        store: async ({ documentName, state }) => {
          write.run(documentName, state, new Date().toISOString())
        },
      }),
    ],
  })
  // a stop ends the open WebSockets too (Hocuspocus closes its documents, not the sockets under them)
  const sockets = new Set<Socket>()
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await server.listen()
  const port = server.address.port
  const host = options.host ?? '127.0.0.1'
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    secret,
    secretPath,
    async stop() {
      await server.destroy()
      for (const socket of sockets) socket.destroy()
      db.close()
    },
  }
}
