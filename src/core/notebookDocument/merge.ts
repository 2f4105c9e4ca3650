/** What the per-entity merges of an import share (./importNotebook.ts runs them in order). */
import type { ImportCounts, NotebookImportReport } from '../../shared/model'
import type { Db } from '../store/open'

export interface Merge {
  db: Db
  report: NotebookImportReport
  /** document id → the local id it became: its own, or a match found under another id */
  tagIds: Map<string, string>
  articleIds: Map<string, string>
  sectionIds: Map<string, string>
}

const zero = (): ImportCounts => ({ articles: 0, sections: 0, excerpts: 0, tags: 0, notes: 0 })

export function startMerge(db: Db): Merge {
  return {
    db,
    report: { added: zero(), skipped: zero(), updated: zero(), mappedTags: [], mappedArticles: [] },
    tagIds: new Map(),
    articleIds: new Map(),
    sectionIds: new Map(),
  }
}

/** Is the document's stamp strictly newer than the local one? */
function newer(documentStamp: string, localStamp: string): boolean {
  const d = Date.parse(documentStamp)
  const l = Date.parse(localStamp)
  if (Number.isNaN(d) || Number.isNaN(l)) return documentStamp > localStamp
  return d > l
}

/** Keep the local row unless the document's edit is newer; a local deletion counts as an edit at its time. */
export function localIsNewer(
  documentUpdatedAt: string,
  local: { updated_at: string; deleted_at: string | null },
): boolean {
  const edited =
    local.deleted_at !== null && newer(local.deleted_at, local.updated_at)
      ? local.deleted_at
      : local.updated_at
  return !newer(documentUpdatedAt, edited)
}
