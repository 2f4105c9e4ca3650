/**
 * Sync, as the notebook sees it. Off (the default), nothing of Yjs is loaded and every handler
 * is the notebook's own, untouched; on, the client loads on first need and each write operation
 * is followed by one call that writes its change into the Yjs documents (./client.ts).
 */
import { hostname } from 'node:os'
import type { Handlers, OperationName } from '../../shared/contract'
import { contract } from '../../shared/contract'
import { GlossError } from '../../shared/errors'
import { syncServerUrlProblem, type SyncSettings, type SyncStatus } from '../../shared/sync'
import type { Db } from '../store/open'
import type { SyncClient } from './client'
import { notebookOfToken } from './tokens'

export interface SyncOptions {
  /** may this process connect (the app's notebook worker, `gloss serve`); the CLI's one-shot commands don't */
  connect: boolean
  /** an article's text was replaced by a version that arrived (the articles' text cache forgets it) */
  textChanged?: (articleId: string) => void
}

const DEFAULTS: SyncSettings = { enabled: false, serverUrl: '', token: '', name: '' }

export function readSyncSettings(db: Db): SyncSettings {
  let rows: Array<{ key: string; value: string }>
  try {
    rows = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM sync_settings`).all()
  } catch {
    return DEFAULTS // a notebook older than sync, opened read-only
  }
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])) as Partial<SyncSettings>
  return { ...DEFAULTS, name: hostname(), ...stored }
}

function checkSettings(settings: SyncSettings): void {
  if (!settings.enabled) return
  const problem =
    settings.serverUrl === '' ? 'is required to turn sync on' : syncServerUrlProblem(settings.serverUrl)
  if (problem) throw new GlossError('invalid_input', `serverUrl ${problem}`, 'serverUrl')
  if (!notebookOfToken(settings.token))
    throw new GlossError(
      'invalid_input',
      'token is not a Gloss sync token (`gloss sync-server token <notebook>` prints one)',
      'token',
    )
}

export function openSync(db: Db, options: SyncOptions) {
  let settings = readSyncSettings(db)
  let client: SyncClient | null = null
  let starting: Promise<void> | null = null
  let failure: string | null = null

  const start = (): Promise<void> =>
    (starting ??= import('./client').then(({ SyncClient }) => {
      try {
        client = new SyncClient(db, settings, options.textChanged)
        if (options.connect) client.connect()
        failure = null
      } catch (error) {
        failure = `sync could not start: ${error instanceof Error ? error.message : String(error)}`
      }
    }))
  const stop = () => {
    client?.close()
    client = null
    starting = null
  }
  if (settings.enabled) void start()
  const restart = async () => {
    stop()
    settings = readSyncSettings(db)
    if (settings.enabled) await start()
  }

  const status = (): SyncStatus => {
    const { token, ...rest } = settings
    const shown = { ...rest, notebook: notebookOfToken(token), hasToken: token !== '' }
    const idle = {
      unsynced: 0,
      waiting: [],
      peers: [],
      lastSyncedAt: null,
      received: 0,
      noteChanges: {},
      presence: {},
    }
    if (!settings.enabled) return { ...idle, state: 'off', reason: null, settings: shown }
    if (failure) return { ...idle, state: 'error', reason: failure, settings: shown }
    if (!client) return { ...idle, state: 'syncing', reason: null, settings: shown }
    if (!options.connect)
      return {
        ...client.status(),
        state: 'offline',
        reason: 'this process does not connect',
        settings: shown,
      }
    return { ...client.status(), settings: shown }
  }

  const save = db.prepare(`INSERT OR REPLACE INTO sync_settings (key, value) VALUES (?, ?)`)

  return {
    handlers: {
      getSyncStatus: () => status(),
      setNotePresence: ({ noteId, caret }) => client?.setPresence(noteId, caret) ?? [],
      setSyncSettings: async (input: Partial<SyncSettings>) => {
        const next = { ...settings, ...input }
        // a new token for the same server keeps the one stored when none is given
        checkSettings(next)
        db.transaction(() => {
          for (const [key, value] of Object.entries(next)) save.run(key, JSON.stringify(value))
        })()
        settings = next
        stop()
        if (settings.enabled) await start()
        return status()
      },
    } satisfies Pick<Handlers, 'getSyncStatus' | 'setSyncSettings' | 'setNotePresence'>,

    /** The handlers, each write followed by one call into sync while it runs; untouched while off. */
    track(handlers: Handlers): Handlers {
      const tracked = { ...handlers } as Record<string, (input: unknown) => unknown>
      for (const name of Object.keys(handlers) as OperationName[]) {
        if (name === 'getNote') {
          // the note's editor now holds this: its next save is an edit of it (see SyncClient.noteRead)
          tracked[name] = (input) => {
            const result = handlers.getNote(input as never)
            client?.noteRead((input as { id: string }).id)
            return result
          }
          continue
        }
        if (contract[name].effect !== 'write' || name === 'setSyncSettings') continue
        const run = handlers[name] as (input: unknown) => unknown
        const after = (input: unknown, result: unknown) => {
          try {
            // a restored notebook brings its own sync state: start again from it, and what the
            // others have since comes back, rather than pushing the backup's deletions to them
            if (name === 'restoreNotebook') void restart()
            else client?.afterWrite(name, input, result)
          } catch (error) {
            failure = `a change could not be written for sync: ${error instanceof Error ? error.message : String(error)}`
          }
          return result
        }
        tracked[name] = (input) => {
          const result = run(input)
          if (!client) return result
          return result instanceof Promise ? result.then((r) => after(input, r)) : after(input, result)
        }
      }
      return tracked as Handlers
    },

    /** for tests and the bench: the running client, once started */
    ready: async (): Promise<SyncClient | null> => (await starting, client),
    close: stop,
  }
}

export type Sync = ReturnType<typeof openSync>
