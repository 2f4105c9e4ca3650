import type { ArticleDetail } from '../../../shared/model'
import { memo, useState } from 'react'
import { formatDate } from '../common/dom'
import { VersionsDialog } from './VersionsDialog'

/** Memoised: the reader renders on every scroll step, the header only when the article changes. */
export const ArticleHeader = memo(function ArticleHeader({ article }: { article: ArticleDetail }) {
  const source = article.sourceUrl ?? article.sourcePath
  const [versions, setVersions] = useState(false)
  return (
    <header className="article-header">
      <h1 className="article-title">{article.title}</h1>
      <p className="article-meta">
        {article.byline && <span className="byline">{article.byline}</span>}
        {article.publishedAt ? (
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        ) : (
          <span>Imported {formatDate(article.importedAt)}</span>
        )}
        {article.sourceUrl && /^https?:\/\//i.test(article.sourceUrl) ? (
          // the web shell opens it in a new tab; the desktop shell sends it to the system browser
          <a
            className="source"
            href={article.sourceUrl}
            target="_blank"
            rel="noopener noreferrer"
            title={source ?? ''}
          >
            {article.sourceUrl}
          </a>
        ) : (
          source && (
            <span className="source" title={source}>
              {source}
            </span>
          )
        )}
        {article.version > 1 && (
          <button type="button" className="link-button" onClick={() => setVersions(true)}>
            Version {article.version} · Versions…
          </button>
        )}
      </p>
      {versions && <VersionsDialog articleId={article.id} onClose={() => setVersions(false)} />}
    </header>
  )
})
