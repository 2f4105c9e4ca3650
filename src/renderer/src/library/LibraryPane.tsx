import { formatDate } from '../common/dom'
import { useGloss } from '../state/glossContext'
import { useArticles, useOpenArticle } from '../state/hooks'
import './library.css'

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Articles newest first; import by file, paste, or drop anywhere on the window. */
export function LibraryPane() {
  const { stores, ui, commands } = useGloss()
  const { list } = useArticles()
  const open = useOpenArticle()
  return (
    <div className="library">
      <div className="library-actions">
        <button type="button" className="small" onClick={commands.pickFile}>
          Import file…
        </button>
        <button type="button" className="small" onClick={() => ui.openPaste()}>
          Paste article…
        </button>
      </div>
      {list.length === 0 ? (
        <p className="library-empty muted">
          No articles yet. Import a file, paste an article, or drop files here.
        </p>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {list.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="article-item"
                aria-current={a.id === open.id ? 'page' : undefined}
                onClick={() => void stores.article.open(a.id)}
              >
                <span className="article-item-title">{a.title}</span>
                <span className="article-item-meta">
                  {formatDate(a.publishedAt ?? a.importedAt)} · {plural(a.excerptCount, 'excerpt')} ·{' '}
                  {plural(a.noteCount, 'note')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
