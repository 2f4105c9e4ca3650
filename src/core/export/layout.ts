/** What the Markdown and HTML exports share: how a card reads, how a notebook folder is laid out, orderings. */
import type { Excerpt, RenderedFile } from '../../shared/model'
import { lastOrdinal, paragraphsLabel } from '../../shared/notes/labels'
import type { ArticleRecord, NoteRecord, SectionRecord, Snapshot } from '../snapshot/records'
import { noteTitle, titleOf, visibleExcerpts } from './visible'
import { uniqueNamer } from './names'
import type { Block } from './noteTree'

export interface ExcerptView {
  quote: string
  articleTitle: string
  ordinal: number
  /** the ¶ the passage ends in (absent: its own) */
  lastOrdinal?: number
  comment: string
  tags: string[]
  /** false: the quote no longer reads so in the article's current version (Excerpt.verbatim); absent for a note's snapshot */
  verbatim?: boolean
  /** the page its section starts on (a PDF's) */
  page?: number | null
  /** who said it (a quotation's speaker) */
  speaker?: string | null
}

/** A card shows the excerpt as it is now when it still exists, else the snapshot the note kept. */
export function cardView(block: Extract<Block, { kind: 'excerpt' }>, data: Snapshot): ExcerptView {
  const live = data.citedExcerpts.get(block.excerptId)
  return live
    ? {
        quote: live.quote.exact,
        articleTitle: titleOf(data, live.articleId),
        ...excerptPlace(data, live),
        comment: live.comment,
        tags: live.tags.map((t) => t.name),
        verbatim: live.verbatim,
        speaker: live.speaker,
      }
    : {
        quote: block.snapshot.quote,
        articleTitle: titleOf(data, block.articleId),
        ordinal: block.ordinal,
        comment: block.snapshot.comment,
        tags: block.snapshot.tags,
      }
}

export interface FolderNames {
  /** article id → 'articles/Title.md' */
  articles: Map<string, string>
  /** note id → 'notes/Title.md' */
  notes: Map<string, string>
}

/** Lays out a folder export: index, articles/…, notes/… (shared by Markdown and HTML). */
export function notebookFolder(
  data: Snapshot,
  extension: string,
  renderers: (names: FolderNames) => {
    article(article: ArticleRecord): string
    note(note: NoteRecord): string
    index(): string
  },
): RenderedFile[] {
  const articleName = uniqueNamer()
  const noteName = uniqueNamer()
  const names: FolderNames = {
    articles: new Map(
      data.articles.map((a) => [a.id, `articles/${articleName(a.title, 'Untitled article', extension)}`]),
    ),
    notes: new Map(
      data.notes.map((n) => [n.id, `notes/${noteName(noteTitle(n), 'Untitled note', extension)}`]),
    ),
  }
  const render = renderers(names)
  return [
    { path: `index${extension}`, content: render.index() },
    ...data.articles.map((a) => ({ path: names.articles.get(a.id)!, content: render.article(a) })),
    ...data.notes.map((n) => ({ path: names.notes.get(n.id)!, content: render.note(n) })),
  ]
}

/** Articles newest first, as the library lists them. */
export const articlesNewestFirst = (data: Snapshot): ArticleRecord[] =>
  data.articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.importedAt.localeCompare(x.a.importedAt) || y.i - x.i)
    .map(({ a }) => a)

/** Notes most recently edited first. */
export const notesNewestFirst = (data: Snapshot): NoteRecord[] =>
  data.notes
    .map((n, i) => ({ n, i }))
    .sort((x, y) => y.n.updatedAt.localeCompare(x.n.updatedAt) || y.i - x.i)
    .map(({ n }) => n)

/** Tags with the number of exported excerpts carrying them. */
export function tagCounts(data: Snapshot): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>()
  for (const e of visibleExcerpts(data))
    for (const t of e.tags) counts.set(t.name, (counts.get(t.name) ?? 0) + 1)
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name))
}

/** How an export cites a section: "¶6", or "p. 4, ¶6" where the section has a page (a PDF's). */
export const refLabel = (section: { ordinal: number; page?: number | null }): string =>
  paragraphsLabel(section.ordinal, section.ordinal, section.page)

/** Where an excerpt sits: the ¶ it starts in, the ¶ it ends in, the page its first section starts on. */
export function excerptPlace(
  data: Snapshot,
  excerpt: Pick<Excerpt, 'articleId' | 'sectionId' | 'sectionOrdinal' | 'position'>,
): { ordinal: number; lastOrdinal: number; page: number | null } {
  const sections = data.articles.find((a) => a.id === excerpt.articleId)?.sections ?? []
  return {
    ordinal: excerpt.sectionOrdinal,
    lastOrdinal: lastOrdinal(sections, excerpt.position.end, excerpt.sectionOrdinal),
    page: sections.find((s) => s.id === excerpt.sectionId)?.page ?? null,
  }
}

/** How an export cites an excerpt: "¶3", "¶3–4", "p. 2, ¶3–4". */
export const excerptLabel = (view: Pick<ExcerptView, 'ordinal' | 'lastOrdinal' | 'page'>): string =>
  paragraphsLabel(view.ordinal, view.lastOrdinal, view.page)

/** A section of the snapshot by id, with its article (null when it is not in the scope or hidden). */
export function findSection(
  data: Snapshot,
  articleId: string,
  sectionId: string,
): { article: ArticleRecord; section: SectionRecord } | null {
  const article = data.articles.find((a) => a.id === articleId)
  const section = article?.sections.find((s) => s.id === sectionId && s.kind !== 'quarantined')
  return article && section ? { article, section } : null
}

/** "1 article", "2 articles": counts in a notebook export's heading. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
