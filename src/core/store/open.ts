import Database from 'better-sqlite3'
import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { GlossError } from '../../shared/errors'
import { LATEST_SCHEMA_VERSION, migrations } from './schema'

/** Marks a file as a Gloss notebook ("GLSS"), so we never migrate someone else's database. */
export const GLOSS_APPLICATION_ID = 0x474c5353

export type Db = Database.Database

/** How long a write waits for another connection's write lock before it gives up (SQLITE_BUSY). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000

/**
 * Why a notebook is open read-only: `asked` (the caller asked for it), `file` (the file or
 * its folder is not writable), `refused` (SQLite answered a write with SQLITE_READONLY).
 */
export type ReadOnlyReason = 'asked' | 'file' | 'refused'

/** SQLite's result codes that name a fault of the file or of another process, not of Gloss. */
const FILE_FAULT = /^SQLITE_(BUSY|LOCKED|CORRUPT|NOTADB|CANTOPEN|READONLY|FULL|IOERR)/
const isFileFault = (error: unknown) => FILE_FAULT.test(String((error as { code?: unknown }).code))

/**
 * Look at an existing file without changing a byte: read-only, before WAL or
 * migrations touch it. A newer or foreign database is refused here.
 */
function inspectExisting(path: string, timeout: number): void {
  if (statSync(path).size === 0) return
  let probe: Db
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout })
  } catch (error) {
    if (isFileFault(error)) throw error
    throw new GlossError('bad_file', `Cannot open notebook "${path}": ${(error as Error).message}`, 'db')
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number
    const appId = probe.pragma('application_id', { simple: true }) as number
    if (appId !== 0 && appId !== GLOSS_APPLICATION_ID) {
      throw new GlossError(
        'bad_file',
        `"${path}" is an SQLite database of another application; Gloss left it untouched.`,
        'db',
      )
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new GlossError(
        'future_schema',
        `"${path}" was written by a newer Gloss (notebook schema ${version}; this Gloss reads up to ${LATEST_SCHEMA_VERSION}). It was left untouched; update Gloss to open it.`,
        'db',
      )
    }
    if (version === 0 && appId === 0) {
      const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }
      if (tables.n > 0) {
        throw new GlossError(
          'bad_file',
          `"${path}" is an SQLite database but not a Gloss notebook; Gloss left it untouched.`,
          'db',
        )
      }
    }
  } catch (error) {
    if (error instanceof GlossError) throw error
    // damaged, locked, unreadable: left raw for store/faults.ts, which words them (and restore's isDamage reads the code)
    if (isFileFault(error)) throw error
    throw new GlossError('bad_file', `"${path}" is not a Gloss notebook: ${(error as Error).message}`, 'db')
  } finally {
    probe.close()
  }
}

/**
 * Every `db.transaction(fn)` of this connection begins IMMEDIATE: it takes the write lock
 * first, waiting up to busy_timeout for another process (a CLI import beside the app).
 * better-sqlite3's default BEGIN is DEFERRED, whose read-to-write upgrade fails at once with
 * SQLITE_BUSY, busy_timeout or not. A read-only snapshot (an export) asks for `.deferred`.
 */
function beginImmediate(db: Db): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn) => transaction(fn).immediate) as Db['transaction']
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

export interface OpenOptions {
  /** open without writing a byte; writes then fail with `read_only` */
  readOnly?: boolean
  busyTimeoutMs?: number
}

export interface OpenedDb {
  db: Db
  /** true when this open created the schema (a brand-new notebook) */
  created: boolean
  /** why the notebook is read-only, or null when it is writable */
  readOnly: ReadOnlyReason | null
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDb {
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  let readOnly: ReadOnlyReason | null = options.readOnly ? 'asked' : null
  if (path !== ':memory:') {
    // statSync, not existsSync: a path too long or with a NUL byte throws its own code (words in faults.ts)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (stat?.isDirectory()) {
      throw new GlossError(
        'bad_file',
        `"${path}" is a folder, not a notebook file; give the path of the file inside it, such as "${join(path, 'gloss.db')}".`,
        'db',
      )
    }
    if (stat) {
      inspectExisting(path, timeout)
      // SQLite writes the file and creates -wal/-shm beside it; root passes this check even on a 0444 file
      if (!readOnly && (!writable(path) || !writable(dirname(path)))) readOnly = 'file'
    } else if (readOnly) {
      throw new GlossError('bad_file', `There is no notebook at "${path}" to open read-only.`, 'db')
    } else {
      mkdirSync(dirname(path), { recursive: true })
    }
  }
  const db = new Database(path, { readonly: readOnly !== null, fileMustExist: readOnly !== null, timeout })
  beginImmediate(db)
  try {
    db.pragma(`busy_timeout = ${timeout}`)
    const before = db.pragma('user_version', { simple: true }) as number
    if (readOnly) {
      if (before < LATEST_SCHEMA_VERSION) {
        throw new GlossError(
          'read_only',
          before === 0
            ? `"${path}" is open read-only and is not a notebook yet (an empty file); Gloss can only create one where it may write.`
            : `"${path}" was written by an older Gloss (notebook schema ${before}) and needs an upgrade to schema ${LATEST_SCHEMA_VERSION}, which writes to it; it is open read-only, so it was left untouched.`,
          'db',
        )
      }
      return { db, created: false, readOnly }
    }
    db.pragma('journal_mode = WAL')
    // FULL: a commit is on disk before Gloss says it is saved, even across a power cut (NORMAL may lose the last ones)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    for (const migration of migrations) {
      if (migration.version <= before) continue
      db.transaction(() => {
        // read again under the write lock: another Gloss opening the same file may have migrated meanwhile
        if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return
        migration.up(db)
        db.pragma(`user_version = ${migration.version}`)
        db.pragma(`application_id = ${GLOSS_APPLICATION_ID}`)
      })()
    }
    return { db, created: before === 0, readOnly: null }
  } catch (error) {
    db.close()
    // a read-only medium (or a file only root could write) shows itself on the first write: open read-only instead
    if (!readOnly && String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) {
      const opened = openDatabase(path, { ...options, readOnly: true })
      return { ...opened, readOnly: 'refused' }
    }
    throw error
  }
}
