/**
 * Restoring a backup.
 *
 * How, and why this way: the notebook may be open, in this process (the app's worker, the
 * web shell) and even in another one (the app while the CLI runs). Replacing the database
 * file under an open connection is unsafe: SQLite's locks and the WAL belong to the file that
 * was opened, so a renamed-in file or a stale -wal would corrupt or silently lose data, and
 * the backup API run "in reverse" into the open file from a second connection would bypass the
 * first connection's view of the schema. Instead the restore goes through the notebook's own
 * connection, inside SQLite:
 *
 *  1. the backup is copied to a private temporary file (with its -wal, if it was a live copy),
 *     checked (a Gloss notebook, schema not newer than this build, integrity_check ok) and, if
 *     it is older, migrated to the current schema with the normal migrations;
 *  2. the current notebook is saved to `<data folder>/backups/before-restore-<time>.db` with
 *     VACUUM INTO, a consistent snapshot taken synchronously;
 *  3. the copy is ATTACHed and, in ONE transaction, every table of the notebook is emptied and
 *     refilled from it (foreign keys deferred to the commit; the full-text indexes follow through
 *     their triggers). Other connections see the old notebook or the restored one, never a mix;
 *     a failure rolls everything back.
 *
 * Steps 2 and 3 run without yielding to the event loop, so no other request of this process
 * can write between the safety copy and the restore.
 *
 * `restoreNotebookFile(dbPath, file)` (the CLI, when the notebook is not open here) opens the
 * notebook and does the same. Only when the current notebook is damaged beyond opening is the
 * file itself replaced, after moving the damaged one (and its -wal/-shm) into backups/.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { GlossError } from '../../shared/errors'
import type { RestoreResult } from '../../shared/model'
import { fsyncDir, publishFile, tempSibling } from '../store/files'
import { openDatabase, type Db } from '../store/open'
import { DERIVED_TABLES, LATEST_SCHEMA_VERSION, recountDerived } from '../store/schema'
import { backupsDir, checkNotebookFile, removeDatabaseFiles } from './backup'

export interface RestoreOptions {
  /** where the safety copy of the current notebook goes (the app's `<data folder>/backups`) */
  safetyDir: string
  now?: Date
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-')

/** Step 1: a checked, current-schema private copy of the backup, in `workDir`. */
export function prepareBackupCopy(backupFile: string, workDir: string): string {
  const source = resolve(backupFile)
  const stat = statSync(source, { throwIfNoEntry: false })
  if (!stat) throw new GlossError('bad_file', `No backup at "${source}".`, 'path')
  if (!stat.isFile()) throw new GlossError('bad_file', `"${source}" is not a file.`, 'path')
  mkdirSync(workDir, { recursive: true })
  const temp = join(workDir, `.restore-${stamp(new Date())}-${Math.random().toString(36).slice(2, 8)}.db`)
  try {
    copyFileSync(source, temp)
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${temp}-wal`)
    const { schemaVersion } = checkNotebookFile(temp)
    if (schemaVersion < LATEST_SCHEMA_VERSION) {
      openDatabase(temp).db.close() // runs the migrations
      const db = new Database(temp)
      db.pragma('journal_mode = DELETE')
      db.close()
    }
    return temp
  } catch (error) {
    removeDatabaseFiles(temp)
    throw error
  }
}

/**
 * The tables that hold the notebook: every real table but SQLite's own, the full-text index's and
 * those derived from the others (refilled by their triggers as the rows go in, then recounted).
 */
function dataTables(db: Db, schema: string): Map<string, string[]> {
  const rows = db
    .prepare(`SELECT name, sql FROM "${schema}".sqlite_schema WHERE type = 'table'`)
    .all() as Array<{ name: string; sql: string | null }>
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name)
  const tables = new Map<string, string[]>()
  for (const { name } of rows) {
    if (
      name.startsWith('sqlite_') ||
      DERIVED_TABLES.includes(name) ||
      virtual.includes(name) ||
      virtual.some((v) => name.startsWith(`${v}_`))
    )
      continue
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(name, schema) as string[]
    ).sort()
    tables.set(name, columns)
  }
  return tables
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Step 2: a consistent copy of the open notebook, made synchronously. */
function safetyCopy(db: Db, safetyDir: string, now: Date): string {
  mkdirSync(safetyDir, { recursive: true })
  let target = join(safetyDir, `before-restore-${stamp(now)}.db`)
  for (let n = 2; existsSync(target); n++) target = join(safetyDir, `before-restore-${stamp(now)}-${n}.db`)
  const temp = tempSibling(target)
  try {
    db.prepare('VACUUM INTO ?').run(temp)
    checkNotebookFile(temp, 'safety copy of the current notebook')
    publishFile(temp, target, false)
    fsyncDir(safetyDir)
  } finally {
    removeDatabaseFiles(temp)
  }
  return target
}

/** Step 3: every table emptied and refilled from the attached copy, in one transaction. */
function replaceContent(db: Db, copy: string): void {
  db.prepare(`ATTACH DATABASE ? AS gloss_restore`).run(copy)
  try {
    const mine = dataTables(db, 'main')
    const theirs = dataTables(db, 'gloss_restore')
    for (const [name, columns] of mine) {
      if (theirs.get(name)?.join(',') !== columns.join(',')) {
        throw new GlossError(
          'bad_file',
          `The backup's table "${name}" does not match this notebook's.`,
          'path',
        )
      }
    }
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON')
      for (const name of mine.keys()) db.prepare(`DELETE FROM main.${quote(name)}`).run()
      for (const [name, columns] of mine) {
        const list = columns.map(quote).join(', ')
        db.prepare(
          `INSERT INTO main.${quote(name)} (${list}) SELECT ${list} FROM gloss_restore.${quote(name)}`,
        ).run()
      }
      recountDerived(db)
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length)
        throw new GlossError(
          'bad_file',
          `The backup has ${broken.length} broken references; nothing was changed.`,
          'path',
        )
    })()
  } finally {
    db.prepare(`DETACH DATABASE gloss_restore`).run()
  }
}

function counts(db: Db, restoredFrom: string, safetyBackup: string | null): RestoreResult {
  const n = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    restoredFrom,
    safetyBackup,
    articleCount: n(`SELECT count(*) FROM articles`),
    excerptCount: n(`SELECT count(*) FROM excerpts WHERE deleted_at IS NULL`),
    noteCount: n(`SELECT count(*) FROM notes WHERE deleted_at IS NULL`),
    tagCount: n(`SELECT count(*) FROM tags`),
  }
}

/** Restore a backup into the open notebook `db` (whose file is `dbPath`). */
export function restoreNotebook(
  db: Db,
  dbPath: string,
  backupFile: string,
  options: RestoreOptions,
): RestoreResult {
  const source = resolve(backupFile)
  if (dbPath !== ':memory:' && source === resolve(dbPath)) {
    throw new GlossError('invalid_input', 'That is the notebook itself, not a backup of it.', 'path')
  }
  const copy = prepareBackupCopy(source, options.safetyDir)
  try {
    const safety = safetyCopy(db, options.safetyDir, options.now ?? new Date())
    replaceContent(db, copy)
    return counts(db, source, safety)
  } finally {
    removeDatabaseFiles(copy)
  }
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return true
  return (
    error instanceof GlossError &&
    error.code === 'bad_file' &&
    /malformed|not a database|corrupt/i.test(error.message)
  )
}

/**
 * Restore when the notebook is not open in this process (the CLI). Safe even if another
 * process has it open (see the module comment); a damaged notebook is moved aside instead.
 */
export function restoreNotebookFile(
  dbPath: string,
  backupFile: string,
  options: Partial<RestoreOptions> = {},
): RestoreResult {
  const path = resolve(dbPath)
  const safetyDir = options.safetyDir ?? backupsDir(dirname(path))
  const now = options.now ?? new Date()
  const source = resolve(backupFile)
  if (source === path)
    throw new GlossError('invalid_input', 'That is the notebook itself, not a backup of it.', 'path')

  if (!existsSync(path)) {
    const copy = prepareBackupCopy(source, dirname(path))
    renameSync(copy, path)
    fsyncDir(dirname(path))
    const db = new Database(path, { readonly: true })
    try {
      return counts(db, source, null)
    } finally {
      db.close()
    }
  }

  let db: Db | null = null
  let damaged: boolean
  try {
    db = openDatabase(path).db
    damaged = db.pragma('quick_check', { simple: true }) !== 'ok'
  } catch (error) {
    if (!isDamage(error)) throw error
    damaged = true
  }
  if (!damaged) {
    try {
      return restoreNotebook(db!, path, source, { safetyDir, now })
    } finally {
      db!.close()
    }
  }

  db?.close()
  const copy = prepareBackupCopy(source, dirname(path))
  mkdirSync(safetyDir, { recursive: true })
  const aside = join(safetyDir, `before-restore-${stamp(now)}-damaged.db`)
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix)
  renameSync(copy, path)
  fsyncDir(dirname(path))
  const restored = new Database(path, { readonly: true })
  try {
    return counts(restored, source, aside)
  } finally {
    restored.close()
  }
}
