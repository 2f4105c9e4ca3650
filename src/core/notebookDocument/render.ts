/** A snapshot as the notebook document (./schema.ts), the `json` export format. */
import type { Snapshot } from '../snapshot/records'
import type { NotebookDocument } from './schema'
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION } from './upgrade'

function buildNotebookDocument(data: Snapshot, generator?: string): NotebookDocument {
  return {
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_VERSION,
    exportedAt: data.exportedAt,
    generator: generator ?? 'Gloss',
    articles: data.articles.map((a) => ({
      ...a,
      sections: a.sections.map((s) => ({ ...s })),
      versions: a.versions.map((v) => ({ ...v, sections: v.sections.map((s) => ({ ...s })) })),
    })),
    excerpts: data.excerpts.map((e) => ({
      id: e.id,
      articleId: e.articleId,
      sectionId: e.sectionId,
      quote: { ...e.quote },
      position: { ...e.position },
      color: e.color,
      comment: e.comment,
      anchorStatus: e.anchorStatus,
      verbatim: e.verbatim,
      reviewedAt: e.reviewedAt,
      tags: e.tags.map((t) => ({ id: t.id, name: t.name })),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    })),
    tags: data.tags.map((t) => ({ ...t })),
    notes: data.notes.map((n) => ({
      id: n.id,
      title: n.title,
      content: n.content,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    })),
    noteLinks: data.noteLinks.map((l) => ({ ...l })),
  }
}

export function renderNotebookJson(data: Snapshot, generator?: string): string {
  return JSON.stringify(buildNotebookDocument(data, generator), null, 2) + '\n'
}
