/**
 * Faults of the file, the disk or another process, in words a person can act on.
 *
 * SQLite and Node report them as codes (SQLITE_BUSY, SQLITE_FULL, ENAMETOOLONG…) that would
 * otherwise cross the boundary as `internal`. This is the one place they are worded: the
 * notebook's open runs through `NotebookGuard.run`, every handler through `NotebookGuard.guard`.
 * A message names the notebook, says whether anything was saved, and what to do; a damaged
 * notebook's names the newest good backup and the command that restores it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, sep } from 'node:path'
import { contract, type Handlers, type OperationName } from '../../shared/contract'
import { GlossError } from '../../shared/errors'
import type { NotebookDamage } from '../../shared/model'
import { backupsDir } from '../backup/backup'
import { newestGoodBackup, type IntegrityReport } from './integrity'
import { DEFAULT_BUSY_TIMEOUT_MS, type ReadOnlyReason } from './open'

export interface FaultContext {
  /** the notebook file */
  path: string
  /** the data folder whose backups/ holds the daily backups (the app's userData); else the notebook's folder */
  dataDir?: string
  busyTimeoutMs?: number
}

/** A path fit for a one-line message: a 5,000-character one is shortened in the middle. */
export function shortPath(path: string): string {
  return path.length <= 160 ? path : `${path.slice(0, 60)}…${path.slice(-60)} (${path.length} characters)`
}

const q = (path: string) => `"${shortPath(path)}"`

export function backupDirsOf(context: FaultContext): string[] {
  return [
    ...new Set([backupsDir(context.dataDir ?? dirname(context.path)), backupsDir(dirname(context.path))]),
  ]
}

/** What to do about a damaged notebook: the newest good backup and the command that restores it. */
export function restoreAdvice(context: FaultContext): { backup: string | null; advice: string } {
  const dirs = backupDirsOf(context)
  const backup = newestGoodBackup(dirs, context.path)
  if (!backup) {
    return {
      backup,
      advice: `No good backup was found in ${dirs.map(q).join(' or ')}. Export what still reads before anything else: gloss export --all --format json -o notebook.json --db ${q(context.path)}.`,
    }
  }
  return {
    backup,
    advice: `The newest good backup is "${backup}". Restore it with: gloss restore "${backup}" --yes --db ${q(context.path)} (in the app: File › Restore from Backup…); the damaged notebook is kept in backups/.`,
  }
}

const READ_ONLY_WHY: Record<ReadOnlyReason, string> = {
  asked: 'it was opened read-only',
  file: 'its file or its folder cannot be written',
  refused: 'the disk refused to write to it',
}

export function readOnlyError(context: FaultContext, reason: ReadOnlyReason, operation?: string): GlossError {
  const fix =
    reason === 'asked'
      ? 'open it without read-only'
      : 'make the file and its folder writable, or copy it to a writable folder and open the copy'
  return new GlossError(
    'read_only',
    `${operation ? `${operation} would change the notebook, but ` : 'The notebook '}${q(context.path)} is read-only: ${READ_ONLY_WHY[reason]}. Nothing was changed; you can still read, search, export and back it up. To make changes, ${fix}.`,
  )
}

/** SQLite's magic string: a file without it was never an SQLite database (or lost its header). */
function hasSqliteHeader(path: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const head = Buffer.alloc(16)
    readSync(fd, head, 0, 16, 0)
    return head.toString('latin1') === 'SQLite format 3\0'
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const THINGS: Record<string, string> = {
  articles: 'An article',
  sections: 'A section',
  excerpts: 'An excerpt',
  tags: 'A tag',
  notes: 'A note',
}

const OPEN_REASONS: Record<string, string> = {
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a part of its path is a file, not a folder', // mkdir of its folder met a file
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
}

function cannotOpenReason(path: string): string {
  const folder = statSync(dirname(path), { throwIfNoEntry: false })
  if (!folder) return 'its folder does not exist'
  if (!folder.isDirectory()) return OPEN_REASONS.ENOTDIR!
  return 'SQLite cannot open it there (check that the folder is yours and writable)'
}

function tooLongReason(path: string): string {
  const longest = path.split(sep).reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), '')
  const bytes = Buffer.byteLength(longest)
  return bytes > 255
    ? `one name in it is ${bytes} bytes long, and a file name may have at most 255`
    : `it is ${path.length} characters long, more than this system allows for a path`
}

/**
 * A raw fault as a GlossError in words, or null when `error` is not one this knows (it then
 * stays `internal`). `field` names the input that gave the notebook path ('db' at open).
 */
export function describeFault(error: unknown, context: FaultContext, field?: string): GlossError | null {
  if (error instanceof GlossError) return error
  const e = error as { code?: unknown; message?: unknown; path?: unknown }
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : String(error)
  const where = q(context.path)

  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    const seconds = (context.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS) / 1000
    return new GlossError(
      'locked',
      `The notebook ${where} is in use: another Gloss (the app, \`gloss serve\` or a gloss command) held its lock for more than ${seconds} s. Nothing was changed; let it finish or close it, then try again.`,
    )
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new GlossError(
      'disk_full',
      `The disk that holds the notebook ${where} is full, so nothing was saved (the change was undone). Free some space on it (large files you no longer need, the system's trash, old backups in ${q(backupDirsOf(context)[0]!)}), then try again.`,
    )
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return readOnlyError(context, 'refused')
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    const { backup, advice } = restoreAdvice(context)
    // a file that never was SQLite (a PDF given as --db) is not "damaged", unless a backup says it was a notebook
    if (code === 'SQLITE_NOTADB' && backup === null && !hasSqliteHeader(context.path)) {
      return new GlossError(
        'bad_file',
        `${where} is not a Gloss notebook (not an SQLite database); Gloss left it untouched.`,
        field,
      )
    }
    return new GlossError('corrupt', `The notebook ${where} is damaged (SQLite: ${message}). ${advice}`)
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new GlossError(
      'bad_file',
      `Cannot open the notebook ${where}: ${cannotOpenReason(context.path)}.`,
      field ?? 'db',
    )
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const [, table = '', column = 'id'] = /constraint failed: (\w+)\.(\w+)/.exec(message) ?? []
    return new GlossError(
      'conflict',
      `${THINGS[table] ?? 'A record'} with this ${column === 'content_hash' ? 'text' : column} already exists; nothing was changed.`,
      column === 'content_hash' ? undefined : column,
    )
  }
  if (code === 'ENAMETOOLONG') {
    const path = typeof e.path === 'string' ? e.path : context.path
    return new GlossError(
      'invalid_input',
      `The path ${q(path)} is too long: ${tooLongReason(path)}.`,
      field ?? 'path',
    )
  }
  // the notebook's own path at open (the fs calls of exports and imports word theirs where they happen)
  if (field !== undefined && OPEN_REASONS[code]) {
    return new GlossError('bad_file', `Cannot open the notebook ${where}: ${OPEN_REASONS[code]}.`, field)
  }
  if (code === 'ERR_INVALID_ARG_VALUE') {
    return new GlossError(
      'invalid_input',
      /null bytes/.test(message)
        ? 'A path contains a NUL character (\\0), which no file name can hold.'
        : `An input has a value Node.js refuses: ${message}`,
      field ?? 'path',
    )
  }
  return null
}

/** Words for Gloss's own integrity report (see integrity.ts), with the way back to a backup. */
export function describeDamage(report: IntegrityReport, context: FaultContext): NotebookDamage | null {
  if (report.ok) return null
  const parts = report.articles.slice(0, 3).map((a) => {
    const sections = a.sectionOrdinals.length ? ` ¶${a.sectionOrdinals.join(', ¶')}` : ''
    return `“${a.title}”${sections}${a.textChanged ? ' (its stored text changed)' : ''}`
  })
  if (report.articles.length > 3) parts.push(`${report.articles.length - 3} more articles`)
  if (report.sqlite) parts.push(`SQLite reports: ${report.sqlite}`)
  const { backup, advice } = restoreAdvice(context)
  return {
    scope: report.scope,
    articles: report.articles,
    sqlite: report.sqlite,
    backup,
    message: `Part of the notebook ${q(context.path)} is damaged: ${parts.join('; ')}. ${advice}`,
  }
}

/** The notebook's fault state (read-only, damage) and the wrapper that words every fault. */
export class NotebookGuard {
  readOnly: ReadOnlyReason | null = null
  damage: NotebookDamage | null = null

  constructor(readonly context: FaultContext) {}

  /** `error` in words when it is a fault this knows; a refused write also marks the notebook read-only. */
  word(error: unknown, field?: string): unknown {
    const worded = describeFault(error, this.context, field)
    if (!worded) return error
    if (worded.code === 'read_only' && !(error instanceof GlossError)) this.readOnly ??= 'refused'
    return worded
  }

  run<T>(fn: () => T, field?: string): T {
    try {
      return fn()
    } catch (error) {
      throw this.word(error, field)
    }
  }

  noteIntegrity(report: IntegrityReport): NotebookDamage | null {
    this.damage = describeDamage(report, this.context)
    return this.damage
  }

  /**
   * Every handler with its faults worded; while read-only, a write is refused before it does
   * any work (an import would otherwise parse a 20 MB page only to fail at the end).
   */
  guard(handlers: Handlers, after?: (name: OperationName) => void): Handlers {
    const guarded: Record<string, (input: unknown) => unknown> = {}
    for (const name of Object.keys(handlers) as OperationName[]) {
      const handler = handlers[name] as (input: unknown) => unknown
      const write = contract[name].effect === 'write'
      // made once per operation, not at each call (under tsx, which the bench and scripts run in,
      // every closure made also gets its name defined: ~9 µs a call)
      const done = <T>(value: T) => {
        after?.(name)
        return value
      }
      guarded[name] = (input) => {
        if (write && this.readOnly) throw readOnlyError(this.context, this.readOnly, name)
        try {
          const result = handler(input)
          if (result instanceof Promise) {
            return result.then(done, (error: unknown) => {
              throw this.word(error)
            })
          }
          return done(result)
        } catch (error) {
          throw this.word(error)
        }
      }
    }
    return guarded as Handlers
  }
}
