import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Handlers } from '../shared/contract'
import type { NotebookDamage } from '../shared/model'
import { createArticles } from './articles'
import {
  backupsDir,
  backupNotebook,
  ensureDailyBackup,
  restoreNotebook,
  type DailyBackupResult,
} from './backup'
import { createResearch } from './analysis/store'
import { createExcerpts } from './excerpts'
import { glossVersion } from './export/version'
import { createNotes, preloadDerive } from './notes/repository'
import { createReview } from './review'
import { defaultSamplePath } from './paths'
import { createReadingPositions } from './readingPositions'
import { createSearch } from './search/search'
import { NotebookGuard } from './store/faults'
import { checkIntegrity, checkIntegrityGradually, OPEN_SAMPLE_SECTIONS } from './store/integrity'
import { openDatabase, type Db } from './store/open'
import { LATEST_SCHEMA_VERSION } from './store/schema'
import { openSync, type Sync } from './sync'
import { createTags } from './tags'
import { createVersions } from './versions'

let exportModule: Promise<typeof import('./export')> | undefined
const loadExport = () => (exportModule ??= import('./export'))
let documentModule: Promise<typeof import('./notebookDocument')> | undefined
const loadNotebookDocument = () => (documentModule ??= import('./notebookDocument'))

export interface NotebookOptions {
  path: string
  appVersion?: string
  /** the sample imported into a brand-new notebook; null to start empty */
  samplePath?: string | null
  /**
   * The data folder for automatic backups: a daily copy goes to `<dir>/backups/daily-YYYY-MM-DD.db`
   * when the notebook opens (the last 7 kept), and restores put the safety copy in `<dir>/backups`.
   * Shells pass the user-data folder; without it there are no daily backups and safety copies go
   * to `backups/` beside the notebook.
   */
  dailyBackupDir?: string
  /** open without writing a byte (writes fail with `read_only`); a file Gloss cannot write opens so anyway */
  readOnly?: boolean
  /** how long a write waits for another process's lock (default 5 s) */
  busyTimeoutMs?: number
  /** sections checked at random on open (50); the host checks all of them afterwards */
  openCheckSections?: number
  /** may sync connect to its server (long-running shells); off, writes still reach it when it next runs */
  syncConnect?: boolean
}

export interface Notebook {
  path: string
  db: Db
  handlers: Handlers
  /** today's automatic backup (null without dailyBackupDir); never rejects, failures are `{ error }` */
  dailyBackup: Promise<DailyBackupResult | { error: string } | null>
  /** sync with a server (./sync): its settings, status and, once running, its client */
  sync: Sync
  /** the full integrity check (every section, SQLite's quick_check): slow on a big notebook, for the host to run when idle; notebookInfo reports its damage */
  checkIntegrity(): NotebookDamage | null
  /** the same check an article at a time, each slice after `pause`, so requests keep their turn */
  checkIntegrityGradually(pause: () => Promise<void>): Promise<NotebookDamage | null>
  /** the research analysis of every article not analysed yet (a notebook from before), one per `pause`; then of each big import */
  analyzeGradually(pause: () => Promise<void>): Promise<void>
  close(): void
}

export function openNotebook(options: NotebookOptions): Notebook {
  const guard = new NotebookGuard({
    path: options.path,
    dataDir: options.dailyBackupDir,
    busyTimeoutMs: options.busyTimeoutMs,
  })
  const { db, created, readOnly } = guard.run(() => openDatabase(options.path, options), 'db')
  guard.readOnly = readOnly
  const recheck = () =>
    guard.noteIntegrity(checkIntegrity(db, { sample: options.openCheckSections ?? OPEN_SAMPLE_SECTIONS }))
  guard.run(recheck)
  const articles = createArticles(db, {
    knownSource: (parsed, sourcePath) => versions.storeAsVersionIfKnown(parsed, sourcePath),
  })
  const tags = createTags(db)
  const excerpts = createExcerpts(db, articles, tags)
  const notes = createNotes(db)
  const versions = createVersions(db, articles, notes)
  const review = createReview(db, articles, excerpts)
  const search = createSearch(db)
  const research = createResearch(db, { readOnly: () => guard.readOnly !== null })
  const positions = createReadingPositions(db)
  // an import may be a new version whose notes' chips are renumbered in its transaction: the note
  // indexer must be loaded by then (only a notebook with links waits for it)
  const hasLinks = db.prepare(`SELECT 1 FROM note_links LIMIT 1`)
  const hasLinksTo = db.prepare<[string]>(`SELECT 1 FROM note_links WHERE article_id = ? LIMIT 1`)
  const readyForVersions = async () => {
    if (hasLinks.get()) await preloadDerive()
  }

  const samplePath = options.samplePath === undefined ? defaultSamplePath() : options.samplePath
  if (created && samplePath && existsSync(samplePath)) articles.importSample(samplePath)

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  const appVersion = options.appVersion ?? glossVersion() // package.json's: the CLI and web shell pass none
  const dataDir = options.dailyBackupDir ?? dirname(options.path)

  const sync = openSync(db, { connect: options.syncConnect ?? false, textChanged: articles.forgetText })
  const handlers: Handlers = {
    ...sync.handlers,
    notebookInfo: () => ({
      path: options.path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      appVersion,
      articleCount: count(`SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL`),
      excerptCount: count(`SELECT count(*) AS n FROM excerpts WHERE deleted_at IS NULL`),
      noteCount: count(`SELECT count(*) AS n FROM notes WHERE deleted_at IS NULL`),
      tagCount: count(`SELECT count(*) AS n FROM tags`),
      deletedCount:
        count(`SELECT count(*) AS n FROM excerpts WHERE deleted_at IS NOT NULL`) +
        count(`SELECT count(*) AS n FROM notes WHERE deleted_at IS NOT NULL`) +
        count(`SELECT count(*) AS n FROM articles WHERE deleted_at IS NOT NULL`),
      readOnly: guard.readOnly !== null,
      damage: guard.damage,
    }),
    // excerpts first: those of trashed articles are counted with the rest, then go with their articles
    emptyTrash: db.transaction(() => ({
      excerpts: excerpts.purgeDeleted(),
      notes: notes.purgeDeleted(),
      articles: articles.purgeDeleted(),
    })),

    listArticles: (filter) => articles.list(filter),
    getArticle: async ({ id }) => {
      await articles.deriveLayouts(id) // an article from before layouts: once, from its stored HTML
      const article = articles.get(id)
      return { ...article, readingPosition: positions.get(id, article.sections) }
    },
    getMedia: ({ id }) => articles.media.get(id),
    importFile: async ({ path }) => (await readyForVersions(), articles.importFile(path)),
    importContent: async (input) => (await readyForVersions(), articles.importContent(input)),
    importUrl: async ({ url }) => (await readyForVersions(), articles.importUrl(url)),
    renameArticle: ({ id, title }) => articles.rename(id, title),
    updateArticle: ({ id, ...edit }) => articles.update(id, edit),
    deleteArticle: ({ id }) => articles.delete(id),
    restoreArticle: ({ id }) => articles.restore(id),
    setReadingPosition: (input) => positions.set(input),

    importVersion: async (input) => (await readyForVersions(), versions.importVersion(input)),
    listVersions: ({ articleId }) => versions.list(articleId),
    getVersion: ({ articleId, number }) => versions.get(articleId, number),
    listReview: ({ articleId }) => review.list(articleId),
    resolveReview: (input) => review.resolve(input),

    listSections: ({ articleId, includeQuarantined }) => articles.sections(articleId, includeQuarantined),
    restoreSections: ({ articleId, sectionIds }) => articles.restoreSections(articleId, sectionIds),
    quarantineSections: ({ articleId, sectionIds }) => articles.quarantineSections(articleId, sectionIds),

    createExcerpt: (input) => excerpts.create(input),
    listExcerpts: (filter) => excerpts.list(filter),
    getExcerpt: ({ id }) => excerpts.get(id),
    updateExcerpt: (input) => excerpts.update(input),
    deleteExcerpt: ({ id }) => excerpts.delete(id),
    restoreExcerpt: ({ id }) => excerpts.restore(id),

    listTags: () => tags.list(),
    createTag: ({ name, color }) => tags.create(name, color ?? null),
    renameTag: ({ id, name }) => tags.rename(id, name),
    recolorTag: ({ id, color }) => tags.recolor(id, color),
    mergeTags: ({ fromIds, intoId }) => tags.merge(fromIds, intoId),
    deleteTag: ({ id }) => tags.delete(id),
    restoreTags: ({ snapshots, untag }) => tags.restore(snapshots, untag),

    search: (input) => search(input),

    listNotes: ({ articleId, includeDeleted }) => notes.list(articleId, includeDeleted),
    getNote: ({ id }) => notes.get(id),
    createNote: (input) => notes.create(input),
    saveNote: (input) => notes.save(input),
    renameNote: ({ id, title }) => notes.rename(id, title),
    deleteNote: ({ id }) => notes.delete(id),
    restoreNote: ({ id }) => notes.restore(id),
    ...research.handlers,
    // an article gone for good still answers while notes link to it: source 'gone'
    getBacklinks: ({ articleId }) => {
      const backlinks = notes.backlinks(articleId)
      if (backlinks.source === 'gone' && !hasLinksTo.get(articleId)) articles.summary(articleId)
      return backlinks
    },

    // the exporters (Lexical, marked, …) load on first use: the CLI and shells start without them
    export: async (input) =>
      (await loadExport()).exportScope(db, input, { generator: `Gloss ${appVersion}` }),
    renderExport: async (input) =>
      (await loadExport()).renderExport(db, input, { generator: `Gloss ${appVersion}` }),
    importNotebook: ({ path, document }) =>
      loadNotebookDocument().then((m) =>
        m.importNotebook(db, document !== undefined ? document : m.readNotebookDocument(path!)),
      ),
    backupNotebook: ({ path, force }) => backupNotebook(db, path, { force }),
    // in place, through this connection: see src/core/backup/restore.ts for why
    restoreNotebook: ({ path }) =>
      restoreNotebook(db, options.path, path, { safetyDir: backupsDir(dataDir) }),
  }

  research.analyzeImports(handlers)

  // none while damaged: its copy would push the good backups out of the last-7 rotation
  const dailyBackupDir = guard.damage ? undefined : options.dailyBackupDir
  const dailyBackup = dailyBackupDir
    ? ensureDailyBackup(db, dailyBackupDir).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        if (db.open) console.warn(`Gloss: the daily backup failed: ${message}`)
        return { error: message }
      })
    : Promise.resolve(null)

  return {
    path: options.path,
    db,
    handlers: guard.guard(
      // a reading position is this notebook's, not synced (else each write would push everything)
      { ...sync.track(handlers), setReadingPosition: handlers.setReadingPosition },
      (name) => name === 'restoreNotebook' && recheck(),
    ),
    dailyBackup,
    sync,
    checkIntegrity: () => guard.run(() => guard.noteIntegrity(checkIntegrity(db))),
    checkIntegrityGradually: async (pause) => guard.noteIntegrity(await checkIntegrityGradually(db, pause)),
    analyzeGradually: (pause) => research.analyzeGradually(pause),
    close: () => {
      sync.close()
      if (db.open) db.close()
    },
  }
}
