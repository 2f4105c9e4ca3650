/**
 * Silent damage: bytes flipped inside the notebook file where SQLite's own integrity_check
 * still says "ok". Gloss's check must find it, name the article and section, and point to
 * the newest good backup.
 */
import Database from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { toErrorData } from '../../shared/errors'
import { backupNotebook } from '../backup/backup'
import { openNotebook } from '../notebook'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'
import { checkIntegrity, newestGoodBackup } from './integrity'

const NEEDLE = 'Zanzibarquux'
const ARTICLE = [
  'The accord, as told by its clerks',
  'The first clerk wrote down the date and nothing else.',
  `The ${NEEDLE} accord was signed in the rain, twice.`,
  'The third clerk kept the pen.',
].join('\n\n')

/**
 * Flip one byte of `needle` where it is stored in `table`'s pages (found through dbstat), in
 * the file itself, as a bad disk sector or a stray write would. The notebook must be closed.
 */
function flipIn(path: string, table: string, needle = NEEDLE): void {
  const db = new Database(path, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const owners = new Map(
    (db.prepare(`SELECT pageno, name FROM dbstat`).all() as Array<{ pageno: number; name: string }>).map(
      (r) => [r.pageno, r.name],
    ),
  )
  db.close()
  const bytes = readFileSync(path)
  let at = bytes.indexOf(needle)
  while (at >= 0 && owners.get(Math.floor(at / pageSize) + 1) !== table) at = bytes.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`"${needle}" is not in the pages of ${table}`)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.from('y'), 0, 1, at + needle.length - 1) // …quux → …quuy: still valid UTF-8
  closeSync(fd)
}

const sqliteSaysOk = (path: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok'
  } finally {
    db.close()
  }
}

let nb: TempNotebook
let articleId: string
let backups: string
beforeEach(async () => {
  nb = openTempNotebook({ samplePath: null })
  articleId = (await nb.call('importContent', { content: ARTICLE, format: 'text' })).article.id
  backups = join(nb.dir, 'backups')
  mkdirSync(backups)
})
afterEach(() => nb.cleanup())

describe('damage SQLite cannot see', () => {
  test('a flipped byte in a section is reported on open, with the backup and how to restore it', async () => {
    const backup = join(backups, 'daily-2025-01-01.db')
    await backupNotebook(nb.notebook.db, backup)
    expect((await nb.call('notebookInfo', {})).damage).toBeNull()
    nb.notebook.close()

    flipIn(nb.path, 'sections')
    expect(sqliteSaysOk(nb.path)).toBe(true) // the damage is silent to SQLite

    nb.reopen()
    const { damage } = await nb.call('notebookInfo', {})
    expect(damage).toMatchObject({
      scope: 'sample',
      articles: [{ id: articleId, sectionOrdinals: [3], textChanged: false }],
      sqlite: null,
      backup,
    })
    const title = damage!.articles[0]!.title
    expect(damage!.message).toBe(
      `Part of the notebook "${nb.path}" is damaged: “${title}” ¶3. The newest good backup is "${backup}". Restore it with: gloss restore "${backup}" --yes --db "${nb.path}" (in the app: File › Restore from Backup…); the damaged notebook is kept in backups/.`,
    )
    expect(nb.notebook.checkIntegrity()).toMatchObject({ scope: 'full', articles: damage!.articles })

    // the advice works: restoring the backup clears the report
    await nb.call('restoreNotebook', { path: backup })
    expect((await nb.call('notebookInfo', {})).damage).toBeNull()
    const sections = await nb.call('listSections', { articleId })
    expect(sections[2]!.text).toContain(NEEDLE)
  })

  test("a flipped byte in the article's text breaks its hash and its sections", () => {
    nb.notebook.close()
    flipIn(nb.path, 'articles')
    expect(sqliteSaysOk(nb.path)).toBe(true)
    const db = new Database(nb.path, { readonly: true })
    try {
      expect(checkIntegrity(db)).toMatchObject({
        ok: false,
        scope: 'full',
        checkedArticles: 1,
        checkedSections: 4,
        articles: [{ id: articleId, sectionOrdinals: [3], textChanged: true }],
      })
    } finally {
      db.close()
    }
    nb.reopen()
  })

  test('no daily backup is taken of a damaged notebook (it would push the good ones out)', async () => {
    nb.notebook.close()
    flipIn(nb.path, 'sections')
    const damaged = openNotebook({ path: nb.path, samplePath: null, dailyBackupDir: nb.dir })
    try {
      expect(await damaged.dailyBackup).toBeNull()
      expect(readdirSync(backups)).toEqual([])
    } finally {
      damaged.close()
    }
  })

  test('the open check samples; the full check reads every section', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph number ${i} of the long one.`)
    paragraphs[97] = 'Paragraph Quagmirequux stands out.'
    const long = await nb.call('importContent', { content: paragraphs.join('\n\n'), format: 'text' })
    const ordinal = (await nb.call('listSections', { articleId: long.article.id })).find((s) =>
      s.text.includes('Quagmirequux'),
    )!.ordinal
    nb.notebook.close()
    flipIn(nb.path, 'sections', 'Quagmirequux')
    const db = new Database(nb.path, { readonly: true })
    try {
      const sample = checkIntegrity(db, { sample: 10 })
      expect(sample.scope).toBe('sample')
      expect(sample.checkedSections).toBeLessThanOrEqual(10)
      // a text budget bounds the open's reading: past it, further articles are not read
      expect(checkIntegrity(db, { sample: 500, textBudget: 1 })).toMatchObject({
        ok: true,
        checkedArticles: 1,
        checkedSections: 4,
      })
      const full = checkIntegrity(db, { textBudget: 1 }) // the full check has no budget
      expect(full.checkedSections).toBe(4 + 120)
      expect(full.articles).toEqual([
        { id: long.article.id, title: long.article.title, sectionOrdinals: [ordinal], textChanged: false },
      ])
      // a sample that lands on the damaged section finds it: seq is the section's row
      const seq = db
        .prepare(`SELECT seq FROM sections WHERE article_id = ? AND ordinal = ?`)
        .pluck()
        .get(long.article.id, ordinal) as number
      const { lo, hi } = db.prepare(`SELECT min(seq) AS lo, max(seq) AS hi FROM sections`).get() as {
        lo: number
        hi: number
      }
      const hit = checkIntegrity(db, { sample: 1, random: () => (seq - lo + 0.5) / (hi - lo + 1) })
      expect(hit).toMatchObject({ checkedSections: 1, articles: [{ sectionOrdinals: [ordinal] }] })
    } finally {
      db.close()
    }
    nb.reopen()
  })
})

describe('damage SQLite sees', () => {
  test('an unreadable sections page is reported on open and every use says "corrupt" with the backup', async () => {
    const backup = join(backups, 'daily-2025-01-01.db')
    await backupNotebook(nb.notebook.db, backup)
    nb.notebook.close()
    // smash the b-tree header of the sections table's root page
    const db = new Database(nb.path, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const root = db
      .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'sections'`)
      .pluck()
      .get() as number
    db.close()
    const fd = openSync(nb.path, 'r+')
    writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, (root - 1) * pageSize)
    closeSync(fd)

    nb.reopen()
    const { damage } = await nb.call('notebookInfo', {})
    expect(damage).toMatchObject({ sqlite: 'database disk image is malformed', backup })
    const error = await nb.call('listSections', { articleId }).then(
      () => null,
      (e: unknown) => toErrorData(e),
    )
    expect(error).toMatchObject({ code: 'corrupt' })
    expect(error!.message).toContain(
      `The notebook "${nb.path}" is damaged (SQLite: database disk image is malformed).`,
    )
    expect(error!.message).toContain(`gloss restore "${backup}" --yes`)
  })
})

describe('the newest good backup', () => {
  test('passes over a newer backup with silent damage, and damaged notebooks set aside', async () => {
    const older = join(backups, 'daily-2025-01-01.db')
    const newer = join(backups, 'daily-2025-01-02.db')
    await backupNotebook(nb.notebook.db, older)
    await backupNotebook(nb.notebook.db, newer)
    await backupNotebook(nb.notebook.db, join(backups, 'before-restore-2025-01-03-damaged.db'))
    flipIn(newer, 'sections')
    expect(sqliteSaysOk(newer)).toBe(true)
    expect(newestGoodBackup([backups, join(nb.dir, 'elsewhere')])).toBe(older)
    expect(existsSync(join(nb.dir, 'elsewhere'))).toBe(false)
  })
})
