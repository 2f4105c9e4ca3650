import { useEffect, useId, useMemo, useState } from 'react'
import type { ArticleSort, ArticleSummary } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { formatDate, readFileAsBase64 } from '../common/dom'
import { FilterChip, SearchPicker } from '../common/SearchPicker'
import { useGloss } from '../state/glossContext'
import { useArticles, useOpenArticle, useTags } from '../state/hooks'
import { useEntityFilter, useEntityOptions, type EntityRef } from '../state/researchStore'
import { ArticleMenu } from './ArticleMenu'
import { EditDetailsDialog } from './EditDetailsDialog'
import './library.css'

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

type NotesFilter = 'any' | 'with' | 'without'
interface View {
  query: string
  sort: ArticleSort
  tag: string
  notes: NotesFilter
}
const ALL: View = { query: '', sort: 'imported', tag: '', notes: 'any' }
const SORTS: { value: ArticleSort; label: string }[] = [
  { value: 'imported', label: 'Newest import' },
  { value: 'published', label: 'Newest published' },
  { value: 'title', label: 'Title' },
]

/**
 * Which articles the view shows, in its order: the core filters and sorts (listArticles); the
 * summaries (and their counts) are the articles store's, which every write keeps current.
 */
function useVisible(view: View, entity: EntityRef | null, list: readonly ArticleSummary[]): ArticleSummary[] {
  const { api, feedback } = useGloss()
  const [ids, setIds] = useState<string[] | null>(null)
  const plain =
    view.query.trim() === '' && view.sort === 'imported' && view.tag === '' && view.notes === 'any' && !entity
  useEffect(() => {
    if (plain) return
    let current = true
    const timer = setTimeout(() => {
      api
        .listArticles({
          sort: view.sort,
          ...(view.query.trim() ? { query: view.query.trim() } : {}),
          ...(view.tag ? { tag: view.tag } : {}),
          ...(view.notes === 'any' ? {} : { hasNotes: view.notes === 'with' }),
          ...(entity ? { entity } : {}),
        })
        .then((found) => current && setIds(found.map((a) => a.id)))
        .catch((error: unknown) => current && feedback.reportError(error))
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // the list's changes (counts, tags, a new article) may change what matches
  }, [api, feedback, plain, view, entity, list])
  return useMemo(() => {
    if (plain || ids === null) return [...list]
    const byId = new Map(list.map((a) => [a.id, a]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }, [plain, ids, list])
}

/** A file picker of its own (not in the page, so the window's import input stays the only one). */
function pickVersionFile(then: (file: File | undefined) => void): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html'
  input.addEventListener('change', () => then(input.files?.[0]), { once: true })
  input.click()
}

/** Articles newest first; import by file, paste, or drop anywhere on the window. */
export function LibraryPane() {
  const { stores, ui, commands, actions, feedback } = useGloss()
  const { list } = useArticles()
  const open = useOpenArticle()
  const tags = useTags()
  const [view, setView] = useState<View>(ALL)
  // the entity filter is shared: the entity index's "Show articles" sets it
  const [entity, setEntity] = useEntityFilter('libraryEntity')
  const entities = useEntityOptions(null)
  const visible = useVisible(view, entity, list)
  const [editing, setEditing] = useState<ArticleSummary | null>(null)
  const ids = { query: useId(), sort: useId(), tag: useId(), notes: useId(), name: useId() }
  const filtered = view.query.trim() !== '' || view.tag !== '' || view.notes !== 'any' || entity !== null
  const tagNames = useMemo(() => tags.map((t) => t.name).sort((a, b) => a.localeCompare(b)), [tags])

  const importVersion = async (articleId: string, file: File | undefined) => {
    if (!file) return
    try {
      if (file.size === 0) throw new Error(`“${file.name}” is empty; there is nothing to import.`)
      const content = await readFileAsBase64(file)
      await actions.importVersion(articleId, { content, encoding: 'base64', fileName: file.name })
    } catch (error) {
      feedback.notify(`Could not read “${file.name}”: ${errorMessage(error)}`, { kind: 'error' })
    }
  }

  return (
    <div className="library">
      <div className="library-actions">
        <button type="button" className="small" onClick={commands.pickFile}>
          Import file…
        </button>
        <button type="button" className="small" onClick={() => ui.openPaste()}>
          Paste article…
        </button>
        <button type="button" className="small" onClick={() => ui.openDialog('importUrl')}>
          Import from URL…
        </button>
      </div>
      {list.length > 0 && (
        <div className="library-filters" role="search" aria-label="Library">
          <label htmlFor={ids.query} className="visually-hidden">
            Search titles and bylines
          </label>
          <input
            id={ids.query}
            type="search"
            className="library-search"
            placeholder="Search titles and bylines"
            value={view.query}
            onChange={(event) => setView({ ...view, query: event.target.value })}
          />
          <div className="library-selects">
            <label htmlFor={ids.sort}>Sort</label>
            <select
              id={ids.sort}
              value={view.sort}
              onChange={(event) => setView({ ...view, sort: event.target.value as ArticleSort })}
            >
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <label htmlFor={ids.tag}>Tag</label>
            <select
              id={ids.tag}
              value={view.tag}
              onChange={(event) => setView({ ...view, tag: event.target.value })}
            >
              <option value="">Any tag</option>
              {tagNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <label htmlFor={ids.notes}>Notes</label>
            <select
              id={ids.notes}
              value={view.notes}
              onChange={(event) => setView({ ...view, notes: event.target.value as NotesFilter })}
            >
              <option value="any">Any</option>
              <option value="with">With notes</option>
              <option value="without">Without notes</option>
            </select>
            <span id={ids.name}>Names</span>
            <div className="library-entity" role="group" aria-labelledby={ids.name}>
              {entity ? (
                <FilterChip
                  text={entity.name}
                  clearLabel={`Stop filtering by ${entity.name}`}
                  onClear={() => setEntity(null)}
                />
              ) : (
                <SearchPicker
                  label="Filter by a person, organisation or place"
                  text="Anyone, anywhere"
                  placeholder="Find a name"
                  options={entities.options}
                  onOpen={entities.load}
                  onPick={(key) => setEntity(entities.options?.find((o) => o.key === key)?.entity ?? null)}
                  wide
                />
              )}
            </div>
          </div>
          {filtered && (
            <p className="library-count muted" role="status">
              {visible.length} of {plural(list.length, 'article')}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setView({ ...ALL, sort: view.sort })
                  setEntity(null)
                }}
              >
                Clear filters
              </button>
            </p>
          )}
        </div>
      )}
      {list.length === 0 ? (
        <p className="library-empty muted">
          No articles yet. Import a file, paste an article, or drop files here.
        </p>
      ) : visible.length === 0 ? (
        <p className="library-empty muted">No article matches.</p>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {visible.map((a) => (
            <li key={a.id} className="article-row" data-article-id={a.id}>
              <button
                type="button"
                className="article-item"
                aria-current={a.id === open.id ? 'page' : undefined}
                onClick={() => void stores.article.open(a.id)}
              >
                <span className="article-item-title" id={`article-title-${a.id}`}>
                  {a.title}
                </span>
                {a.byline && <span className="article-item-byline">{a.byline}</span>}
                <span className="article-item-meta">
                  {formatDate(a.publishedAt ?? a.importedAt)} · {plural(a.excerptCount, 'excerpt')} ·{' '}
                  {plural(a.noteCount, 'note')}
                  {a.version > 1 && ` · v${a.version}`}
                </span>
                {a.reviewCount > 0 && <span className="review-badge">{a.reviewCount} to review</span>}
              </button>
              <ArticleMenu
                label={`Actions for ${a.title}`}
                describedBy={`article-title-${a.id}`}
                items={[
                  { label: 'Edit details…', run: () => setEditing(a) },
                  {
                    label: 'Import new version…',
                    run: () => pickVersionFile((file) => void importVersion(a.id, file)),
                  },
                  { label: 'Delete', danger: true, run: () => void actions.deleteArticle(a) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <EditDetailsDialog
          article={list.find((a) => a.id === editing.id) ?? editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  )
}
