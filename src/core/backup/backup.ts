/**
 * Backups of the notebook database.
 *
 * `backupNotebook` uses SQLite's online backup API (better-sqlite3 `db.backup`), which copies the
 * database a few pages per event-loop turn while the notebook stays usable. Writes made
 * through the same connection during the copy are carried into it by SQLite, so the copy is
 * one consistent state that holds at least everything committed before it started.
 * The copy goes to a temporary file beside the target, is switched from WAL to a rollback
 * journal (a backup is one self-contained file), checked with PRAGMA integrity_check, flushed
 * to disk, and only then renamed into place, never over an existing file unless `force`.
 */
import Database from 'better-sqlite3'
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { GlossError } from '../../shared/errors'
import type { BackupResult } from '../../shared/model'
import { fileExists, fsyncDir, publishFile, tempSibling, writeError } from '../store/files'
import { GLOSS_APPLICATION_ID, type Db } from '../store/open'
import { LATEST_SCHEMA_VERSION } from '../store/schema'

export interface BackupOptions {
  force?: boolean
  /** pages copied per step (SQLite's default chunk here is 100); smaller steps yield more often */
  pagesPerStep?: number
}

/** Remove a database file and the journal files SQLite may have left beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export interface CheckedDatabase {
  schemaVersion: number
}

/**
 * Is this file a sound Gloss notebook this build can read? Opens it read-write (the caller
 * owns it: a copy), makes it a single file (journal_mode DELETE), runs integrity_check.
 */
export function checkNotebookFile(path: string, what = 'backup'): CheckedDatabase {
  let db: Db
  try {
    db = new Database(path, { fileMustExist: true })
  } catch (error) {
    throw new GlossError('bad_file', `The ${what} cannot be opened: ${(error as Error).message}`, 'path')
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    if (appId !== GLOSS_APPLICATION_ID || version < 1) {
      throw new GlossError('bad_file', `The ${what} is not a Gloss notebook.`, 'path')
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new GlossError(
        'future_schema',
        `The ${what} was written by a newer Gloss (notebook schema ${version}; this Gloss reads up to ${LATEST_SCHEMA_VERSION}).`,
        'path',
      )
    }
    db.pragma('journal_mode = DELETE')
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    if (integrity !== 'ok')
      throw new GlossError('bad_file', `The ${what} is damaged (integrity check: ${integrity}).`, 'path')
    return { schemaVersion: version }
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw new GlossError(
      'bad_file',
      `The ${what} is not a readable Gloss notebook: ${(error as Error).message}`,
      'path',
    )
  } finally {
    db.close()
  }
}

/** Copy the open notebook to `file` (see the module comment). */
export async function backupNotebook(
  db: Db,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const target = resolve(file)
  const force = options.force === true
  try {
    if (!force && statSync(target, { throwIfNoEntry: false })) throw fileExists(target)
    // SQLite would only say "unable to open database file": name the problem first
    const folder = statSync(dirname(target), { throwIfNoEntry: false })
    if (!folder?.isDirectory())
      throw writeError(Object.assign(new Error('no folder'), { code: folder ? 'ENOTDIR' : 'ENOENT' }), target)
    const temp = tempSibling(target)
    try {
      const step = options.pagesPerStep
      await db.backup(temp, step ? { progress: () => step } : undefined)
      checkNotebookFile(temp, 'backup just written')
      fsyncFile(temp)
      publishFile(temp, target, force)
      fsyncDir(dirname(target))
    } finally {
      removeDatabaseFiles(temp)
    }
    return { path: target, bytes: statSync(target).size, integrity: 'ok' }
  } catch (error) {
    if (error instanceof GlossError) throw error
    if ((error as NodeJS.ErrnoException).code) throw writeError(error, target)
    throw new GlossError('internal', `The backup to "${target}" failed: ${(error as Error).message}`, 'path')
  }
}

/* ---------- daily backups ---------- */

export const DAILY_KEEP = 7
const DAILY_NAME = /^daily-(\d{4}-\d{2}-\d{2})\.db$/

/** The local calendar day, YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export const backupsDir = (dataDir: string) => join(dataDir, 'backups')

export interface DailyBackupResult {
  path: string
  /** false when today's backup already existed */
  created: boolean
  /** older daily backups deleted to keep the last DAILY_KEEP */
  removed: string[]
}

/**
 * Once a day: `<dataDir>/backups/daily-YYYY-MM-DD.db` (local date). Keeps the DAILY_KEEP
 * newest daily backups, which is the last week when Gloss is used every day; counting files
 * rather than days means a long break never deletes the last good copies.
 */
export async function ensureDailyBackup(
  db: Db,
  dataDir: string,
  now: Date = new Date(),
): Promise<DailyBackupResult> {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `daily-${localDay(now)}.db`)
  let created = false
  if (!statSync(path, { throwIfNoEntry: false })) {
    try {
      await backupNotebook(db, path)
      created = true
    } catch (error) {
      // another process (a second window, the CLI) made today's backup meanwhile: fine
      if (!(error instanceof GlossError && error.code === 'file_exists')) throw error
    }
  }
  const daily = readdirSync(dir)
    .filter((name) => DAILY_NAME.test(name))
    .sort()
    .reverse()
  const removed: string[] = []
  for (const name of daily.slice(DAILY_KEEP)) {
    rmSync(join(dir, name), { force: true })
    removed.push(join(dir, name))
  }
  return { path, created, removed }
}
