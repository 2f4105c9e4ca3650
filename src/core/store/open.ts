import Database from 'better-sqlite3'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { GlossError } from '../../shared/errors'
import { LATEST_SCHEMA_VERSION, migrations } from './schema'

/** Marks a file as a Gloss notebook ("GLSS"), so we never migrate someone else's database. */
export const GLOSS_APPLICATION_ID = 0x474c5353

export type Db = Database.Database

/**
 * Look at an existing file without changing a byte: read-only, before WAL or
 * migrations touch it. A newer or foreign database is refused here.
 */
function inspectExisting(path: string): void {
  if (statSync(path).size === 0) return
  let probe: Db
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
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
    throw new GlossError('bad_file', `"${path}" is not a Gloss notebook: ${(error as Error).message}`, 'db')
  } finally {
    probe.close()
  }
}

export interface OpenedDb {
  db: Db
  /** true when this open created the schema (a brand-new notebook) */
  created: boolean
}

export function openDatabase(path: string): OpenedDb {
  if (path !== ':memory:') {
    if (existsSync(path)) inspectExisting(path)
    else mkdirSync(dirname(path), { recursive: true })
  }
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL') // durable against process crashes in WAL mode
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const before = db.pragma('user_version', { simple: true }) as number
    for (const migration of migrations) {
      if (migration.version <= before) continue
      db.transaction(() => {
        migration.up(db)
        db.pragma(`user_version = ${migration.version}`)
        db.pragma(`application_id = ${GLOSS_APPLICATION_ID}`)
      })()
    }
    return { db, created: before === 0 }
  } catch (error) {
    db.close()
    throw error
  }
}
