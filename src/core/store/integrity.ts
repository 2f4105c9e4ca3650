/**
 * Gloss's own integrity check, for damage SQLite cannot see.
 *
 * PRAGMA integrity_check verifies the file's structure (pages, b-trees, indexes), not what a
 * row says: a flipped byte inside a section's text leaves a valid UTF-8 string and an "ok"
 * check. Gloss stores every text twice, which makes it checkable: a section's text equals the
 * article text at the section's offsets, and the article text hashes to its content_hash.
 *
 * On open a random sample of sections is checked (each costs one indexed read; their
 * articles' texts are read once each); the full check reads everything and also runs SQLite's
 * quick_check, so it is for the host to run when it has time.
 */
import Database, { type Statement } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { GLOSS_APPLICATION_ID, type Db } from './open'
import { LATEST_SCHEMA_VERSION } from './schema'

export const OPEN_SAMPLE_SECTIONS = 50

export interface DamagedArticle {
  id: string
  title: string
  /** ordinals of the sections whose text differs from the article text at their offsets */
  sectionOrdinals: number[]
  /** the article text no longer matches its content hash */
  textChanged: boolean
}

export interface IntegrityReport {
  scope: 'sample' | 'full'
  ok: boolean
  checkedSections: number
  checkedArticles: number
  articles: DamagedArticle[]
  /** SQLite's own complaint (quick_check, or an error while reading), or null */
  sqlite: string | null
}

export interface IntegrityOptions {
  /** check this many sections picked at random; omitted, check everything */
  sample?: number
  /** for tests: a seeded random source */
  random?: () => number
  /**
   * sample only: stop reading further articles once this many characters of article text are
   * loaded (the first always loads), so 50 sections of 50 long articles cannot make an open slow
   */
  textBudget?: number
}

/** About 8 MB of article text read on open, at most (plus one long article). */
export const OPEN_TEXT_BUDGET = 4_000_000

interface SectionCheckRow {
  seq: number
  article_id: string
  ordinal: number
  text: string
  start_offset: number
  end_offset: number
}

const SECTION_COLUMNS = `seq, article_id, ordinal, text, start_offset, end_offset`
const isDamaged = (a: DamagedArticle) => a.textChanged || a.sectionOrdinals.length > 0
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export function checkIntegrity(db: Db, options: IntegrityOptions = {}): IntegrityReport {
  const steps = integritySteps(db, options)
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/**
 * The full check a slice at a time, for a host that must keep answering meanwhile: `pause`
 * runs after each article (e.g. `setImmediate`), so requests queued behind the check go first.
 */
export async function checkIntegrityGradually(db: Db, pause: () => Promise<void>): Promise<IntegrityReport> {
  const steps = integritySteps(db, {})
  let step = steps.next()
  while (!step.done) {
    await pause()
    if (!db.open) throw new Error('the notebook was closed during its integrity check')
    step = steps.next()
  }
  return step.value
}

/** The check as steps: the full check yields after each article. */
function* integritySteps(db: Db, options: IntegrityOptions): Generator<void, IntegrityReport> {
  const scope = options.sample === undefined ? 'full' : 'sample'
  const report: IntegrityReport = {
    scope,
    ok: true,
    checkedSections: 0,
    checkedArticles: 0,
    articles: [],
    sqlite: null,
  }
  // prepared on first use, inside the try below: on a damaged schema even preparing fails
  let articleOf: Statement<[string], { title: string; text: string; content_hash: string }> | undefined
  const articles = new Map<string, { text: string; damage: DamagedArticle }>()
  const budget = options.sample === undefined ? Infinity : (options.textBudget ?? OPEN_TEXT_BUDGET)
  let loaded = 0
  const article = (id: string) => {
    let entry = articles.get(id)
    if (!entry) {
      if (loaded >= budget) return undefined
      articleOf ??= db.prepare(`SELECT title, text, content_hash FROM articles WHERE id = ?`)
      const row = articleOf.get(id)
      if (!row) return undefined
      const damage = {
        id,
        title: row.title,
        sectionOrdinals: [],
        textChanged: sha256(row.text) !== row.content_hash,
      }
      entry = { text: row.text, damage }
      loaded += row.text.length
      articles.set(id, entry)
    }
    return entry
  }
  const check = (section: SectionCheckRow) => {
    const entry = article(section.article_id)
    if (!entry) return // over the budget (or a dangling section, which is foreign_key_check's business)
    report.checkedSections++
    const { start_offset: start, end_offset: end } = section
    // offsets are UTF-16 code units (JavaScript's), so the slice is taken here, not with SQL substr
    if (!(
      start >= 0 &&
      start <= end &&
      end <= entry.text.length &&
      entry.text.slice(start, end) === section.text
    ))
      entry.damage.sectionOrdinals.push(section.ordinal)
  }

  try {
    if (options.sample === undefined) {
      const ids = db.prepare(`SELECT id FROM articles ORDER BY seq`).pluck().all() as string[]
      const sectionsOf = db.prepare<[string], SectionCheckRow>(
        `SELECT ${SECTION_COLUMNS} FROM sections WHERE article_id = ? ORDER BY ordinal`,
      )
      for (const id of ids) {
        for (const section of sectionsOf.all(id)) check(section)
        const entry = article(id)
        articles.delete(id) // one article's text in memory at a time
        report.checkedArticles++
        if (entry && isDamaged(entry.damage)) report.articles.push(entry.damage)
        yield
      }
      const quick = db.pragma('quick_check') as Array<{ quick_check: string }>
      const messages = quick.map((r) => r.quick_check).filter((m) => m !== 'ok')
      if (messages.length) report.sqlite = messages.slice(0, 5).join('; ')
    } else {
      const bounds = db.prepare(`SELECT min(seq) AS lo, max(seq) AS hi FROM sections`).get() as {
        lo: number | null
        hi: number | null
      }
      if (bounds.lo !== null && bounds.hi !== null) {
        const span = bounds.hi - bounds.lo + 1
        if (span <= options.sample) {
          for (const section of db
            .prepare<[], SectionCheckRow>(`SELECT ${SECTION_COLUMNS} FROM sections`)
            .all())
            check(section)
        } else {
          const random = options.random ?? Math.random
          const at = db.prepare<[number], SectionCheckRow>(
            `SELECT ${SECTION_COLUMNS} FROM sections WHERE seq >= ? ORDER BY seq LIMIT 1`,
          )
          const seen = new Set<number>()
          for (let i = 0; i < options.sample; i++) {
            const section = at.get(bounds.lo + Math.floor(random() * span))
            if (section && !seen.has(section.seq)) {
              seen.add(section.seq)
              check(section)
            }
          }
        }
      }
      report.checkedArticles = articles.size
      for (const { damage } of articles.values()) if (isDamaged(damage)) report.articles.push(damage)
    }
  } catch (error) {
    // a page SQLite itself cannot read: that is damage too, and the way out is the same backup
    report.sqlite = (error as Error).message
  }
  report.ok = report.articles.length === 0 && report.sqlite === null
  return report
}

/* ---------- the way back: the newest good backup ---------- */

/** Is `file` a Gloss notebook this build reads, sound by the full check? Read-only: not a byte changes. */
function isGoodBackup(file: string): boolean {
  let db: Db | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    if (appId !== GLOSS_APPLICATION_ID || version < 1 || version > LATEST_SCHEMA_VERSION) return false
    return checkIntegrity(db).ok // a copy of silently damaged text is no way back
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/**
 * The newest file in `dirs` (the backups/ folders) that is a sound Gloss notebook, or null.
 * Temporary files (dot-names) and damaged notebooks that a restore moved aside are skipped.
 */
export function newestGoodBackup(dirs: string[], notebookPath?: string): string | null {
  const self = notebookPath === undefined ? undefined : resolve(notebookPath)
  const candidates: Array<{ path: string; time: number; size: number }> = []
  for (const dir of new Set(dirs.map((d) => resolve(d)))) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue // no backups folder yet
    }
    for (const name of names) {
      if (name.startsWith('.') || !name.endsWith('.db') || name.endsWith('-damaged.db')) continue
      const path = join(dir, name)
      if (path === self) continue
      const stat = statSync(path, { throwIfNoEntry: false })
      if (stat?.isFile()) candidates.push({ path, time: stat.mtimeMs, size: stat.size })
    }
  }
  candidates.sort((a, b) => b.time - a.time || b.path.localeCompare(a.path))
  // checking reads whole backups: a damaged notebook's every failing call asks again, so the
  // answer is kept for as long as the same files (by name, time and size) are there
  const key = candidates.map((c) => `${c.path}@${c.time}:${c.size}`).join('\n')
  const known = verdicts.get(key)
  if (known !== undefined) return known
  const found = candidates.find((c) => isGoodBackup(c.path))?.path ?? null
  if (verdicts.size >= 32) verdicts.clear()
  verdicts.set(key, found)
  return found
}

const verdicts = new Map<string, string | null>()
