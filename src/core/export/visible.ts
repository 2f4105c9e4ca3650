/** What the human-readable exporters show of a snapshot: quarantined sections and their excerpts left out. */
import type { ArticleRecord, ExcerptRecord, NoteRecord, SectionRecord, Snapshot } from '../snapshot/records'

/** Sections a reader sees: quarantined ones left out. */
export const visibleSections = (article: ArticleRecord): SectionRecord[] =>
  article.sections.filter((s) => s.kind !== 'quarantined')

/** Excerpts for human-readable exports, in reading order: by article (scope order), then position. */
export function visibleExcerpts(data: Snapshot, articleId?: string): ExcerptRecord[] {
  const order = new Map(data.articles.map((a, i) => [a.id, i]))
  return data.excerpts
    .filter((e) => !e.hidden && (articleId === undefined || e.articleId === articleId))
    .sort(
      (a, b) =>
        (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) ||
        a.position.start - b.position.start ||
        a.position.end - b.position.end ||
        a.createdAt.localeCompare(b.createdAt),
    )
}

/** Notes whose links point into this article. */
export function notesCiting(data: Snapshot, articleId: string): NoteRecord[] {
  const ids = new Set(data.noteLinks.filter((l) => l.articleId === articleId).map((l) => l.noteId))
  return data.notes.filter((n) => ids.has(n.id))
}

/** An article's title, or a placeholder for a reference to an article no longer in the notebook. */
export function titleOf(data: Snapshot, articleId: string): string {
  return data.articleTitles.get(articleId) ?? 'an article not in this notebook'
}

/** A human title for a note. */
export const noteTitle = (note: NoteRecord): string => note.title.trim() || 'Untitled note'
