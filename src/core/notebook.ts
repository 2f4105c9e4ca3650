import { existsSync } from 'node:fs'
import type { Handlers } from '../shared/contract'
import { createArticles } from './articles'
import { createExcerpts } from './excerpts'
import { createNotes } from './notes/repository'
import { defaultSamplePath } from './paths'
import { createSearch } from './search/search'
import { openDatabase, type Db } from './store/open'
import { LATEST_SCHEMA_VERSION } from './store/schema'
import { createTags } from './tags'

export interface NotebookOptions {
  path: string
  appVersion?: string
  /** the sample imported into a brand-new notebook; null to start empty */
  samplePath?: string | null
}

export interface Notebook {
  path: string
  db: Db
  handlers: Handlers
  close(): void
}

export function openNotebook(options: NotebookOptions): Notebook {
  const { db, created } = openDatabase(options.path)
  const articles = createArticles(db)
  const tags = createTags(db)
  const excerpts = createExcerpts(db, articles, tags)
  const notes = createNotes(db)
  const search = createSearch(db)

  const samplePath = options.samplePath === undefined ? defaultSamplePath() : options.samplePath
  if (created && samplePath && existsSync(samplePath)) articles.importFile(samplePath)

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n

  const handlers: Handlers = {
    notebookInfo: () => ({
      path: options.path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      appVersion: options.appVersion ?? '0.0.0',
      articleCount: count(`SELECT count(*) AS n FROM articles`),
      excerptCount: count(`SELECT count(*) AS n FROM excerpts WHERE deleted_at IS NULL`),
      noteCount: count(`SELECT count(*) AS n FROM notes WHERE deleted_at IS NULL`),
      tagCount: count(`SELECT count(*) AS n FROM tags`),
      deletedCount:
        count(`SELECT count(*) AS n FROM excerpts WHERE deleted_at IS NOT NULL`) +
        count(`SELECT count(*) AS n FROM notes WHERE deleted_at IS NOT NULL`),
    }),
    emptyTrash: db.transaction(() => ({ excerpts: excerpts.purgeDeleted(), notes: notes.purgeDeleted() })),

    listArticles: () => articles.list(),
    getArticle: ({ id }) => articles.get(id),
    importFile: ({ path }) => articles.importFile(path),
    importContent: (input) => articles.importContent(input),
    renameArticle: ({ id, title }) => articles.rename(id, title),

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
    getBacklinks: ({ articleId }) => {
      articles.summary(articleId)
      return notes.backlinks(articleId)
    },
  }

  return {
    path: options.path,
    db,
    handlers,
    close: () => {
      if (db.open) db.close()
    },
  }
}
