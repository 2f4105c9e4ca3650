/**
 * A small in-memory notebook behind the contract, for the renderer's state tests (the renderer
 * may not import the core, tests included). It answers the operations the stores and actions
 * use the way the core does: counts computed from what is stored, lists in the core's order,
 * not_found for what is not there, and a log of every call by name. Anything else throws.
 */
import type { GlossApi, InputOf, OperationName, OutputOf } from '../../../../shared/contract'
import type {
  ArticleDetail,
  ArticleSummary,
  Backlinks,
  Excerpt,
  Note,
  NoteSummary,
  Section,
  Tag,
  TagRef,
} from '../../../../shared/model'

type Handlers = { [K in OperationName]?: (input: InputOf<K>) => OutputOf<K> }

interface StoredNote extends Note {
  links: Array<{ kind: 'section' | 'excerpt'; targetId: string; articleId: string }>
}

const notFound = (what: string) => ({ code: 'not_found', message: `No ${what}.` })

/** Section links and excerpt cards anywhere in a note's JSON, as the core derives them. */
function linksOf(content: unknown): StoredNote['links'] {
  const links: StoredNote['links'] = []
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return
    const n = node as Record<string, unknown>
    const articleId = typeof n.articleId === 'string' ? n.articleId : null
    if (articleId && typeof n.sectionId === 'string')
      links.push({ kind: 'section', targetId: n.sectionId, articleId })
    else if (articleId && typeof n.excerptId === 'string')
      links.push({ kind: 'excerpt', targetId: n.excerptId, articleId })
    for (const value of Object.values(n)) if (typeof value === 'object') walk(value)
  }
  walk(content)
  return links.filter((l, i) => links.findIndex((m) => m.kind === l.kind && m.targetId === l.targetId) === i)
}

/** One article of three paragraphs, "¶1 text.\n¶2 text.\n¶3 text.", with ¶3 quarantined. */
export function fakeNotebook() {
  const calls: OperationName[] = []
  let clock = Date.parse('2026-01-01T00:00:00Z')
  const now = () => new Date((clock += 1000)).toISOString()
  let seq = 0
  const newId = (prefix: string) => `${prefix}${++seq}`

  const texts = ['First paragraph.', 'Second paragraph.', 'Login']
  let offset = 0
  const sections: Section[] = texts.map((text, i) => {
    const section: Section = {
      id: `s${i + 1}`,
      articleId: 'a1',
      ordinal: i + 1,
      kind: i === 2 ? 'quarantined' : 'paragraph',
      level: null,
      text,
      start: offset,
      end: offset + text.length,
      quarantineReason: i === 2 ? 'scrape junk: login' : null,
      page: null,
      role: null,
      layout: null,
    }
    offset += text.length + 1
    return section
  })
  const article = {
    id: 'a1',
    title: 'The article',
    format: 'text' as const,
    sourceFormat: 'text' as const,
    sourcePath: null,
    sourceUrl: null,
    byline: null,
    publishedAt: null,
    importedAt: '2025-12-31T00:00:00.000Z',
    contentHash: 'hash',
    reviewCount: 0,
    version: 1,
    deletedAt: null,
  }
  const excerpts = new Map<string, Excerpt>()
  const tags = new Map<string, TagRef & { createdAt: string }>()
  const notes = new Map<string, StoredNote>()

  const liveNotes = () => [...notes.values()].filter((n) => !n.deletedAt)
  const summaryOf = (note: StoredNote): NoteSummary => ({
    id: note.id,
    title: note.title,
    excerptText: note.text.slice(0, 80),
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    articleIds: [...new Set(note.links.map((l) => l.articleId))],
  })
  const summary = (): ArticleSummary => ({
    ...article,
    sectionCount: sections.length,
    hiddenCount: sections.filter((s) => s.kind === 'quarantined').length,
    excerptCount: [...excerpts.values()].filter((e) => !e.deletedAt).length,
    noteCount: liveNotes().filter((n) => n.links.some((l) => l.articleId === article.id)).length,
  })
  const excerpt = (id: string) => {
    const found = excerpts.get(id)
    if (!found) throw notFound(`excerpt ${id}`)
    return found
  }
  const note = (id: string) => {
    const found = notes.get(id)
    if (!found) throw notFound(`note ${id}`)
    return found
  }
  const tagRef = (name: string): TagRef => {
    const found = [...tags.values()].find((t) => t.name === name)
    if (found) return { id: found.id, name: found.name, color: found.color }
    const created = { id: newId('t'), name, color: null, createdAt: now() }
    tags.set(created.id, created)
    return { id: created.id, name, color: null }
  }
  const setKind = (ids: string[], quarantined: boolean) =>
    ids.map((id) => {
      const at = sections.findIndex((s) => s.id === id)
      if (at === -1) throw notFound(`section ${id}`)
      sections[at] = { ...sections[at]!, kind: quarantined ? 'quarantined' : 'paragraph' }
      return sections[at]!
    })

  const handlers: Handlers = {
    listArticles: () => [summary()],
    getArticle: ({ id }) => {
      if (id !== article.id) throw notFound(`article ${id}`)
      const detail: ArticleDetail = { ...summary(), textLength: offset - 1, sections: [...sections] }
      return detail
    },
    restoreSections: ({ sectionIds }) =>
      setKind(sectionIds ?? sections.filter((s) => s.kind === 'quarantined').map((s) => s.id), false),
    quarantineSections: ({ sectionIds }) => setKind(sectionIds, true),
    listExcerpts: ({ articleId, includeDeleted }) =>
      [...excerpts.values()]
        .filter((e) => e.articleId === articleId && (includeDeleted || !e.deletedAt))
        .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end),
    getExcerpt: ({ id }) => excerpt(id),
    createExcerpt: (input) => {
      const { articleId, start, end, color = 'yellow' } = input
      if (start === undefined || end === undefined) throw new Error('the fake notebook takes offsets')
      const section = sections.find((s) => s.start <= start && start < s.end)!
      const at = now()
      const created: Excerpt = {
        id: newId('e'),
        articleId,
        sectionId: section.id,
        sectionOrdinal: section.ordinal,
        quote: {
          type: 'TextQuoteSelector',
          exact: section.text.slice(start - section.start, end - section.start),
          prefix: '',
          suffix: '',
        },
        position: { type: 'TextPositionSelector', start, end },
        color,
        comment: '',
        tags: [],
        anchorStatus: 'anchored',
        verbatim: true,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      }
      excerpts.set(created.id, created)
      return created
    },
    updateExcerpt: ({ id, comment, color, tags: names }) => {
      const updated: Excerpt = {
        ...excerpt(id),
        ...(comment !== undefined ? { comment } : {}),
        ...(color !== undefined ? { color } : {}),
        ...(names !== undefined ? { tags: names.map(tagRef) } : {}),
        updatedAt: now(),
      }
      excerpts.set(id, updated)
      return updated
    },
    deleteExcerpt: ({ id }) => {
      const deleted = { ...excerpt(id), deletedAt: now() }
      excerpts.set(id, deleted)
      return deleted
    },
    restoreExcerpt: ({ id }) => {
      const restored = { ...excerpt(id), deletedAt: null }
      excerpts.set(id, restored)
      return restored
    },
    listTags: () =>
      [...tags.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t): Tag => {
          const live = [...excerpts.values()].filter((e) => !e.deletedAt)
          return {
            ...t,
            usageCount: live.filter((e) => e.tags.some((r) => r.id === t.id)).length,
            totalCount: live.filter((e) =>
              e.tags.some((r) => r.name === t.name || r.name.startsWith(`${t.name}/`)),
            ).length,
          }
        }),
    renameTag: ({ id, name }) => {
      const tag = tags.get(id)
      if (!tag) throw notFound(`tag ${id}`)
      tags.set(id, { ...tag, name })
      for (const [key, e] of excerpts)
        excerpts.set(key, { ...e, tags: e.tags.map((r) => (r.id === id ? { ...r, name } : r)) })
      return handlers.listTags!({}).find((t) => t.id === id)!
    },
    getBacklinks: ({ articleId }) => {
      const backlinks: Backlinks = { sections: {}, excerpts: {}, source: 'live', orphanedSections: {} }
      const newest = liveNotes().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      for (const n of newest)
        for (const link of n.links.filter((l) => l.articleId === articleId)) {
          const byTarget = link.kind === 'section' ? backlinks.sections : backlinks.excerpts
          ;(byTarget[link.targetId] ??= []).push({ id: n.id, title: n.title })
        }
      return backlinks
    },
    listNotes: () =>
      liveNotes()
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(summaryOf),
    getNote: ({ id }) => {
      const { links: _, ...rest } = note(id)
      return { ...rest, ...summaryOf(note(id)) }
    },
    createNote: ({ title }) => {
      const at = now()
      const created: StoredNote = {
        id: newId('n'),
        title: title ?? '',
        excerptText: '',
        createdAt: at,
        updatedAt: at,
        articleIds: [],
        content: { root: { children: [] } },
        text: '',
        deletedAt: null,
        sources: [],
        links: [],
      }
      notes.set(created.id, created)
      return handlers.getNote!({ id: created.id })
    },
    saveNote: ({ id, title, content }) => {
      const saved: StoredNote = {
        ...note(id),
        ...(title !== undefined ? { title } : {}),
        content,
        links: linksOf(content),
        updatedAt: now(),
      }
      notes.set(id, saved)
      return summaryOf(saved)
    },
    renameNote: ({ id, title }) => {
      const renamed = { ...note(id), title, updatedAt: now() }
      notes.set(id, renamed)
      return summaryOf(renamed)
    },
    deleteNote: ({ id }) => {
      const deleted = { ...note(id), deletedAt: now() }
      notes.set(id, deleted)
      return summaryOf(deleted)
    },
    restoreNote: ({ id }) => {
      const restored = { ...note(id), deletedAt: null }
      notes.set(id, restored)
      return summaryOf(restored)
    },
  }

  const api = new Proxy({} as GlossApi, {
    get: (_target, name: OperationName) => async (input: unknown) => {
      calls.push(name)
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined
      if (!handler) throw new Error(`the fake notebook has no ${String(name)}`)
      // a copy, as over IPC or HTTP: the caller never holds the fake's own objects
      return structuredClone(handler(input ?? {}))
    },
  })

  /** Calls since the last take, by name, in order. */
  const takeCalls = () => calls.splice(0)

  return { api, takeCalls, sections }
}

export type FakeNotebook = ReturnType<typeof fakeNotebook>
