import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openNotebook } from '../notebook'
import { GLOSS_APPLICATION_ID } from '../store/open'
import { openTempNotebook, tableCounts, tempDir } from '../testing/tempNotebook'
import { dumpTables, IDS, openSampleNotebook, type SampleNotebook } from '../testing/sampleNotebook'
import { backupNotebook, DAILY_KEEP, ensureDailyBackup, localDay } from './backup'
import { restoreNotebookFile } from './restore'

function inspect(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      appId: db.pragma('application_id', { simple: true }),
      excerptIds: new Set(db.prepare(`SELECT id FROM excerpts`).pluck().all() as string[]),
    }
  } finally {
    db.close()
  }
}

const leftovers = (dir: string) =>
  readdirSync(dir).filter((n) => n.includes('.gloss-') || n.startsWith('.restore-'))

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

describe('backupNotebook', () => {
  test('a backup taken while writes continue is sound and holds every write acknowledged before it started', async () => {
    const articleId = nb.article.id
    const comment = 'x'.repeat(2000)
    const create = (i: number) =>
      nb.notebook.handlers.createExcerpt({
        articleId,
        start: 10 + (i % 400),
        end: 30 + (i % 400),
        color: 'yellow',
        comment: `${i} ${comment}`,
        tags: [`batch/${i % 7}`],
      })
    const acknowledged = Array.from({ length: 300 }, (_, i) => (create(i) as { id: string }).id)

    const file = join(nb.dir, 'during-writes.db')
    let done = false
    let during = 0
    const backup = backupNotebook(nb.notebook.db, file, { pagesPerStep: 8 }).finally(() => {
      done = true
    })
    // a writer interleaved with the backup's steps, one write per event-loop turn
    await new Promise<void>((resolve) => {
      const tick = () => {
        if (done) return resolve()
        create(1000 + during++)
        setImmediate(tick)
      }
      setImmediate(tick)
    })
    const result = await backup
    expect(during, 'writes happened while the backup ran').toBeGreaterThan(3)
    expect(result).toEqual({ path: file, bytes: statSync(file).size, integrity: 'ok' })

    const copy = inspect(file)
    expect(copy.integrity).toBe('ok')
    expect(copy.journal).toBe('delete') // one self-contained file
    expect(copy.appId).toBe(GLOSS_APPLICATION_ID)
    for (const id of acknowledged) expect(copy.excerptIds.has(id)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
    expect(leftovers(nb.dir)).toEqual([])

    // and it opens as a notebook
    const reopened = openNotebook({ path: file, samplePath: null })
    expect(reopened.handlers.notebookInfo({}) as { excerptCount: number }).toMatchObject({
      excerptCount: expect.any(Number),
    })
    reopened.close()
  })

  test('never overwrites without force', async () => {
    const file = join(nb.dir, 'backup.db')
    writeFileSync(file, 'precious')
    await expect(nb.call('backupNotebook', { path: file })).rejects.toMatchObject({
      code: 'file_exists',
      message: expect.stringContaining(file),
    })
    expect(readFileSync(file, 'utf8')).toBe('precious')
    const result = await nb.call('backupNotebook', { path: file, force: true })
    expect(inspect(result.path).integrity).toBe('ok')
    await expect(nb.call('backupNotebook', { path: join(nb.dir, 'missing', 'b.db') })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'path',
    })
    expect(leftovers(nb.dir)).toEqual([])
  })
})

describe('daily backups', () => {
  test('taken when the notebook opens, once a day; the newest seven kept', async () => {
    const dataDir = tempDir()
    const first = openTempNotebook({ dailyBackupDir: dataDir })
    try {
      const result = await first.notebook.dailyBackup
      const today = join(dataDir, 'backups', `daily-${localDay(new Date())}.db`)
      expect(result).toEqual({ path: today, created: true, removed: [] })
      expect(inspect(today).integrity).toBe('ok')
      first.reopen()
      expect(await first.notebook.dailyBackup).toMatchObject({ path: today, created: false })

      // ten earlier days on disk: a new day keeps the seven newest
      for (let d = 1; d <= 10; d++)
        copyFileSync(today, join(dataDir, 'backups', `daily-2020-01-${String(d).padStart(2, '0')}.db`))
      writeFileSync(join(dataDir, 'backups', 'before-restore-keep-me.db'), '')
      const later = new Date(Date.now() + 86_400_000)
      const next = await ensureDailyBackup(first.notebook.db, dataDir, later)
      expect(next.created).toBe(true)
      const left = readdirSync(join(dataDir, 'backups')).sort()
      expect(left.filter((n) => n.startsWith('daily-'))).toHaveLength(DAILY_KEEP)
      expect(left).toContain(`daily-${localDay(later)}.db`)
      expect(left).toContain(`daily-${localDay(new Date())}.db`)
      expect(left).toContain('daily-2020-01-10.db')
      expect(left).not.toContain('daily-2020-01-05.db')
      expect(left).toContain('before-restore-keep-me.db')
    } finally {
      first.cleanup()
    }
  })

  test('a notebook closed during its daily backup leaves no partial file', async () => {
    const dataDir = tempDir()
    const quick = openTempNotebook({ dailyBackupDir: dataDir })
    quick.notebook.close()
    const outcome = await quick.notebook.dailyBackup
    const files = readdirSync(join(dataDir, 'backups'))
    if (outcome && 'error' in outcome) expect(files).toEqual([])
    else expect(files.every((f) => inspect(join(dataDir, 'backups', f)).integrity === 'ok')).toBe(true)
    quick.cleanup()
  })
})

describe('restore', () => {
  test('replaces the open notebook with the backup, after saving it to backups/', async () => {
    const dataDir = tempDir()
    const app = openTempNotebook({ dailyBackupDir: dataDir })
    try {
      await app.notebook.dailyBackup
      const [article] = await app.call('listArticles', {})
      await app.call('createExcerpt', {
        articleId: article!.id,
        quote: 'Bruce Klingner',
        comment: 'before the backup',
        tags: ['people/Klingner'],
      })
      const file = join(app.dir, 'snapshot.db')
      await app.call('backupNotebook', { path: file })
      const atBackup = dumpTables(app.notebook.db, true)

      // changes after the backup
      const later = await app.call('createExcerpt', {
        articleId: article!.id,
        quote: 'Ramon Pacheco Pardo',
        comment: 'after the backup',
      })
      await app.call('createNote', { title: 'after the backup' })
      await app.call('createTag', { name: 'after' })

      const result = await app.call('restoreNotebook', { path: file })
      expect(result).toMatchObject({ restoredFrom: file, articleCount: 1, excerptCount: 1, noteCount: 0 })
      expect(result.safetyBackup).toMatch(/backups[/\\]before-restore-\d{4}-\d{2}-\d{2}T[\d-]+Z\.db$/)
      expect(result.safetyBackup!.startsWith(join(dataDir, 'backups'))).toBe(true)
      expect(dumpTables(app.notebook.db, true)).toEqual(atBackup)

      // the safety copy holds what the restore replaced
      const safety = inspect(result.safetyBackup!)
      expect(safety.integrity).toBe('ok')
      expect(safety.excerptIds.has(later.id)).toBe(true)

      // the notebook works on: search (the full-text index followed), writes, reopening
      expect((await app.call('search', { query: 'before the backup' })).hits.map((h) => h.kind)).toEqual([
        'excerpt',
      ])
      expect((await app.call('search', { query: 'after the backup' })).hits).toEqual([])
      await app.call('createExcerpt', { articleId: article!.id, quote: 'Duyeon Kim' })
      app.reopen()
      expect((await app.call('notebookInfo', {})).excerptCount).toBe(2)
      expect(app.notebook.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(leftovers(join(dataDir, 'backups'))).toEqual([])
    } finally {
      app.cleanup()
    }
  })

  test('refuses what is not a sound Gloss backup, and changes nothing', async () => {
    const before = dumpTables(nb.notebook.db, true)
    const good = join(nb.dir, 'good.db')
    await nb.call('backupNotebook', { path: good })

    const foreign = join(nb.dir, 'foreign.db')
    const other = new Database(foreign)
    other.exec('CREATE TABLE t (x)')
    other.close()
    const future = join(nb.dir, 'future.db')
    copyFileSync(good, future)
    const f = new Database(future)
    f.pragma('user_version = 99')
    f.close()
    const garbage = join(nb.dir, 'garbage.db')
    writeFileSync(garbage, 'this is not a database at all, just some words'.repeat(200))
    const damaged = join(nb.dir, 'damaged.db')
    const bytes = readFileSync(good)
    bytes.fill(0x5a, 4096 * 3, 4096 * 5) // wreck two pages in the middle
    writeFileSync(damaged, bytes)

    const cases: Array<[string, string, string]> = [
      [foreign, 'bad_file', 'not a Gloss notebook'],
      [future, 'future_schema', 'newer Gloss'],
      [garbage, 'bad_file', ''],
      [damaged, 'bad_file', ''],
      [join(nb.dir, 'missing.db'), 'bad_file', 'No backup'],
      [nb.path, 'invalid_input', 'the notebook itself'],
    ]
    for (const [path, code, words] of cases) {
      await expect(nb.call('restoreNotebook', { path }), path).rejects.toMatchObject({
        code,
        message: expect.stringContaining(words),
      })
    }
    expect(dumpTables(nb.notebook.db, true)).toEqual(before)
    expect(existsSync(join(nb.dir, 'backups')) ? leftovers(join(nb.dir, 'backups')) : []).toEqual([])
    expect(
      readdirSync(join(nb.dir, 'backups'), { withFileTypes: true }).filter((e) =>
        e.name.startsWith('before-restore'),
      ),
    ).toEqual([])
  })

  test('restoreNotebook, for a notebook not open here (CLI): in place, into a new file, over a damaged one', async () => {
    const file = join(nb.dir, 'snapshot.db')
    await nb.call('backupNotebook', { path: file })
    const atBackup = dumpTables(nb.notebook.db, true)
    await nb.call('deleteNote', { id: IDS.note })
    await nb.call('emptyTrash', {})
    nb.notebook.close()

    const result = restoreNotebookFile(nb.path, file)
    expect(result.safetyBackup).toMatch(/before-restore-.*\.db$/)
    expect(result.safetyBackup!.startsWith(join(nb.dir, 'backups'))).toBe(true)
    nb.reopen()
    expect(dumpTables(nb.notebook.db, true)).toEqual(atBackup)
    nb.notebook.close()

    // into a notebook file that does not exist yet
    const fresh = join(tempDir(), 'new.db')
    expect(restoreNotebookFile(fresh, file)).toMatchObject({ safetyBackup: null, noteCount: 2 })
    const opened = openNotebook({ path: fresh, samplePath: null })
    expect(dumpTables(opened.db, true)).toEqual(atBackup)
    opened.close()

    // over a damaged notebook: moved aside, not deleted
    writeFileSync(nb.path, 'SQLite format 3\0' + 'wrecked'.repeat(2000))
    const over = restoreNotebookFile(nb.path, file)
    expect(over.safetyBackup).toMatch(/-damaged\.db$/)
    expect(readFileSync(over.safetyBackup!, 'utf8')).toContain('wrecked')
    nb.reopen()
    expect(tableCounts(nb.notebook.db)).toMatchObject({ excerpts: 5, notes: 3 })
  })
})
