/**
 * Faults for real: another process holding the lock, a full database, a read-only notebook,
 * a damaged file, a folder or an impossible path given as the notebook. Each must come out as
 * a typed GlossError whose words say what happened and what to do, never `internal`.
 */
import Database from 'better-sqlite3'
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createDispatcher } from '../../shared/dispatch'
import { GlossError, toErrorData } from '../../shared/errors'
import { backupNotebook } from '../backup/backup'
import { restoreNotebookFile } from '../backup/restore'
import { openNotebook } from '../notebook'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3')

/** Another process that takes the notebook's write lock (BEGIN IMMEDIATE) and holds it for `ms`. */
function holdWriteLock(path: string, ms: number) {
  const code = `
    const Database = require(process.argv[1])
    const db = new Database(process.argv[2])
    db.exec('BEGIN IMMEDIATE')
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('held-by', 'another process')").run()
    process.stdout.write('locked\\n')
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]))
    db.exec('COMMIT')
    db.close()`
  const child = spawn(process.execPath, ['-e', code, BETTER_SQLITE3, path, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (status) => reject(new Error(`the lock holder exited (${status}) before locking`)))
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { locked, exited }
}

/** What a shell would send: the error as data, after the handler (or the open) threw it. */
function failure(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    return toErrorData(error)
  }
  throw new Error('expected a failure')
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const longText = (words: number) =>
  Array.from({ length: words }, (_, i) => `word${i}${i % 12 === 11 ? '.\n\n' : ' '}`).join('')

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook()
})
afterEach(() => nb.cleanup())

describe('writes wait their turn', () => {
  test('a write waits for another process to finish its write, then succeeds', async () => {
    const holder = holdWriteLock(nb.path, 1200)
    await holder.locked

    // the control: better-sqlite3's default (DEFERRED) upgrade fails at once under the same lock
    const db = nb.notebook.db
    const t0 = performance.now()
    const deferred = db.transaction(() => {
      db.prepare(`SELECT count(*) FROM tags`).get()
      db.prepare(`INSERT INTO meta (key, value) VALUES ('deferred', 'x')`).run()
    }).deferred
    expect(() => deferred()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }))
    expect(performance.now() - t0).toBeLessThan(500)

    const t1 = performance.now()
    const tag = await nb.call('createTag', { name: 'waited/its turn' })
    const waited = performance.now() - t1
    expect(tag.name).toBe('waited/its turn')
    expect(waited).toBeGreaterThan(300) // it really waited for the lock
    expect(await holder.exited).toBe(0)
    // both writes landed: the other process's and ours
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'held-by'`).pluck().get()).toBe('another process')
    expect((await nb.call('listTags', {})).map((t) => t.name)).toContain('waited/its turn')
  })

  test('a lock held past the wait is "locked": another Gloss holds it, nothing changed', async () => {
    const impatient = openNotebook({ path: nb.path, samplePath: null, busyTimeoutMs: 300 })
    try {
      const holder = holdWriteLock(nb.path, 2500)
      await holder.locked
      const tagsBefore = await impatient.handlers.listTags({})
      const error = failure(() => impatient.handlers.createTag({ name: 'too soon', color: null }))
      expect(error).toMatchObject({ code: 'locked' })
      expect(error.message).toContain(`"${nb.path}" is in use: another Gloss`)
      expect(error.message).toMatch(/more than 0\.3 s\. Nothing was changed/)
      await holder.exited
      expect(await impatient.handlers.listTags({})).toEqual(tagsBefore)
    } finally {
      impatient.close()
    }
  })

  test('a notebook another connection holds exclusively is "locked" at open', () => {
    nb.notebook.close()
    const other = new Database(nb.path)
    try {
      other.pragma('locking_mode = EXCLUSIVE')
      other.prepare(`INSERT INTO meta (key, value) VALUES ('exclusive', 'yes')`).run()
      const error = failure(() => openNotebook({ path: nb.path, samplePath: null, busyTimeoutMs: 200 }))
      expect(error.code).toBe('locked')
      expect(error.message).toMatch(/is in use: another Gloss \(the app, `gloss serve` or a gloss command\)/)
    } finally {
      other.close()
    }
    nb.reopen() // and once the other lets go, it opens
  })

  test('commits are synchronous = FULL (durable across a power cut, not only a crash)', () => {
    expect(nb.notebook.db.pragma('synchronous', { simple: true })).toBe(2)
  })
})

describe('a full disk', () => {
  test('says the disk is full, what to free, and that nothing was saved', async () => {
    const db = nb.notebook.db
    // cap the file a few pages above its size: SQLite answers SQLITE_FULL, as on a full disk
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`)
    const before = tableCounts(db)
    const error = await nb.call('importContent', { content: longText(40_000), format: 'text' }).then(
      () => null,
      (e: unknown) => toErrorData(e),
    )
    expect(error).toMatchObject({ code: 'disk_full' })
    expect(error!.message).toContain(
      `The disk that holds the notebook "${nb.path}" is full, so nothing was saved`,
    )
    expect(error!.message).toContain(`old backups in "${join(nb.dir, 'backups')}"`)
    expect(tableCounts(db)).toEqual(before)
  })
})

describe('a read-only notebook', () => {
  test('opened read-only: reads and exports work, writes say read_only, not a byte changes', async () => {
    nb.notebook.close()
    const before = fileHash(nb.path)
    const ro = openNotebook({ path: nb.path, readOnly: true, samplePath: null })
    const call = createDispatcher(ro.handlers)
    try {
      expect(await call('notebookInfo', {})).toMatchObject({ readOnly: true, articleCount: 1, damage: null })
      const [article] = (await call('listArticles', {})) as Array<{ id: string }>
      expect(((await call('search', { query: 'Klingner' })) as { hits: unknown[] }).hits).not.toHaveLength(0)
      expect(await call('renderExport', { scope: { kind: 'notebook' }, format: 'json' })).toMatchObject({
        content: expect.stringContaining(article!.id),
      })
      const copy = join(nb.dir, 'copy-of-read-only.db')
      expect(await call('backupNotebook', { path: copy })).toMatchObject({ path: copy, integrity: 'ok' })
      const error = await call('renameArticle', { id: article!.id, title: 'Renamed' }).then(
        () => null,
        (e: unknown) => toErrorData(e),
      )
      expect(error).toMatchObject({ code: 'read_only' })
      expect(error!.message).toBe(
        `renameArticle would change the notebook, but "${nb.path}" is read-only: it was opened read-only. Nothing was changed; you can still read, search, export and back it up. To make changes, open it without read-only.`,
      )
    } finally {
      ro.close()
    }
    expect(fileHash(nb.path)).toBe(before)
  })

  test('a write the disk refuses (SQLITE_READONLY) says so, and the notebook is read-only from then on', async () => {
    // query_only makes SQLite refuse writes exactly as a read-only medium does
    nb.notebook.db.pragma('query_only = ON')
    const error = await nb.call('createTag', { name: 'refused' }).then(
      () => null,
      (e: unknown) => toErrorData(e),
    )
    expect(error).toMatchObject({ code: 'read_only' })
    expect(error!.message).toContain('is read-only: the disk refused to write to it. Nothing was changed')
    expect((await nb.call('notebookInfo', {})).readOnly).toBe(true)
    // the next write is refused before it does any work
    await expect(nb.call('importContent', { content: 'Some text.', format: 'text' })).rejects.toMatchObject({
      code: 'read_only',
      message: expect.stringMatching(/^importContent would change the notebook/),
    })
  })

  test('a file Gloss cannot write opens read-only by itself', async (context) => {
    nb.notebook.close()
    // root ignores file modes; the immutable attribute stops even root (where chattr is allowed)
    const asRoot = process.getuid?.() === 0
    let undo = () => chmodSync(nb.path, 0o644)
    if (asRoot) {
      try {
        execFileSync('chattr', ['+i', nb.path], { stdio: 'ignore' })
        undo = () => execFileSync('chattr', ['-i', nb.path], { stdio: 'ignore' })
      } catch {
        context.skip('running as root where chattr +i is not allowed: no way to make a file unwritable')
      }
    } else {
      chmodSync(nb.path, 0o444)
    }
    try {
      const ro = openNotebook({ path: nb.path, samplePath: null })
      try {
        expect((await ro.handlers.notebookInfo({})).readOnly).toBe(true)
        expect(failure(() => ro.handlers.createTag({ name: 'nope', color: null }))).toMatchObject({
          code: 'read_only',
          message: expect.stringContaining('is read-only: its file or its folder cannot be written'),
        })
      } finally {
        ro.close()
      }
    } finally {
      undo()
    }
  })
})

describe('a damaged notebook', () => {
  const smash = (path: string, at: number, bytes: string) => {
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.from(bytes, 'latin1'), 0, bytes.length, at)
    closeSync(fd)
  }

  test('names the newest good backup and the command that restores it; the command works', async () => {
    await nb.call('createTag', { name: 'kept' })
    const backups = join(nb.dir, 'backups')
    mkdirSync(backups)
    const older = join(backups, 'daily-2025-01-01.db')
    const newer = join(backups, 'daily-2025-01-02.db')
    const newest = join(backups, 'daily-2025-01-03.db')
    await backupNotebook(nb.notebook.db, older)
    await backupNotebook(nb.notebook.db, newer)
    await backupNotebook(nb.notebook.db, newest)
    utimesSync(older, new Date('2025-01-01'), new Date('2025-01-01'))
    utimesSync(newer, new Date('2025-01-02'), new Date('2025-01-02'))
    smash(newest, 0, 'not SQLite at all') // the newest backup is bad too: it must be passed over
    nb.notebook.close()
    smash(nb.path, 0, 'garbage garbage!') // the header, SQLite's magic string included

    const error = failure(() => openNotebook({ path: nb.path, samplePath: null }))
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain(`The notebook "${nb.path}" is damaged (SQLite: file is not a database).`)
    expect(error.message).toContain(
      `The newest good backup is "${newer}". Restore it with: gloss restore "${newer}" --yes --db "${nb.path}"`,
    )

    // following the advice brings the notebook back
    restoreNotebookFile(nb.path, newer)
    nb.reopen()
    expect((await nb.call('listTags', {})).map((t) => t.name)).toContain('kept')
  })

  test('with no backup, says so and how to save what still reads', () => {
    nb.notebook.close()
    smash(nb.path, 16, '\xff\xff\xff\xff') // page size and format bytes; the magic string survives
    const error = failure(() => openNotebook({ path: nb.path, samplePath: null }))
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain(`No good backup was found in "${join(nb.dir, 'backups')}"`)
    expect(error.message).toContain('gloss export --all --format json')
  })

  test('a file that never was SQLite is "not a Gloss notebook", not damage', () => {
    const path = join(nb.dir, 'notes.txt')
    writeFileSync(
      path,
      'Just some notes, long enough to be read as a database header by SQLite.\n'.repeat(20),
    )
    const before = fileHash(path)
    const error = failure(() => openNotebook({ path, samplePath: null }))
    expect(error).toMatchObject({
      code: 'bad_file',
      message: `"${path}" is not a Gloss notebook (not an SQLite database); Gloss left it untouched.`,
    })
    expect(fileHash(path)).toBe(before)
  })
})

describe('impossible notebook paths', () => {
  test('a folder is "a folder, not a notebook file", not "disk I/O error"', () => {
    const error = failure(() => openNotebook({ path: nb.dir, samplePath: null }))
    expect(error).toEqual({
      code: 'bad_file',
      field: 'db',
      message: `"${nb.dir}" is a folder, not a notebook file; give the path of the file inside it, such as "${join(nb.dir, 'gloss.db')}".`,
    })
  })

  test('a 5,000-character path is too long, said in a message of one short line', () => {
    const path = join(nb.dir, `${'a'.repeat(5000)}.db`)
    const error = failure(() => openNotebook({ path, samplePath: null }))
    expect(error.code).toBe('invalid_input')
    expect(error.field).toBe('db')
    expect(error.message).toMatch(
      /^The path ".*…a+\.db \(\d+ characters\)" is too long: one name in it is 5003 bytes/,
    )
    expect(error.message).toContain('a file name may have at most 255')
    expect(error.message.length).toBeLessThan(300)
  })

  test('a path with a NUL byte is refused, at open and at the contract', async () => {
    expect(failure(() => openNotebook({ path: join(nb.dir, 'a\0b.db'), samplePath: null }))).toEqual({
      code: 'invalid_input',
      field: 'db',
      message: 'A path contains a NUL character (\\0), which no file name can hold.',
    })
    for (const [name, input] of [
      ['importFile', { path: join(nb.dir, 'a\0b.txt') }],
      ['backupNotebook', { path: join(nb.dir, 'a\0b.db') }],
    ] as const) {
      await expect(nb.call(name, input)).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'path',
        message: `${name}: path: path contains a NUL character (\\0), which no file name can hold`,
      })
    }
  })

  test('a path through a file says a part of it is a file, not a folder', () => {
    const path = join(nb.path, 'inner.db')
    expect(failure(() => openNotebook({ path, samplePath: null }))).toEqual({
      code: 'bad_file',
      field: 'db',
      message: `Cannot open the notebook "${path}": a part of its path is a file, not a folder.`,
    })
  })
})

describe('constraint failures', () => {
  test('restoring a tag snapshot under an id another tag has is a conflict, not internal', async () => {
    const tag = await nb.call('createTag', { name: 'people' })
    const error = await nb
      .call('restoreTags', {
        snapshots: [{ id: tag.id, name: 'places', color: null, createdAt: tag.createdAt, excerptIds: [] }],
      })
      .then(
        () => null,
        (e: unknown) => toErrorData(e),
      )
    expect(error).toEqual({
      code: 'conflict',
      field: 'id',
      message: 'A tag with this id already exists; nothing was changed.',
    })
    expect((await nb.call('listTags', {})).map((t) => t.name)).toEqual(['people'])
  })

  test('GlossErrors the core throws pass through unchanged', async () => {
    await expect(nb.call('getArticle', { id: 'nope' })).rejects.toBeInstanceOf(GlossError)
    await expect(nb.call('getArticle', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' })
  })
})
