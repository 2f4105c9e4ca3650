import type { ArticleDetail } from '../../../shared/model'
import { formatDate } from '../common/dom'

export function ArticleHeader({ article }: { article: ArticleDetail }) {
  const source = article.sourceUrl ?? article.sourcePath
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
        {source && (
          <span className="source" title={source}>
            {source}
          </span>
        )}
      </p>
    </header>
  )
}
