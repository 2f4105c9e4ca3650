import { useEffect } from 'react'
import type { DiffPart, ReviewItem } from '../../../shared/model'
import { useGloss } from '../state/glossContext'
import { useOpenArticle, useReview } from '../state/hooks'
import './review.css'

/** One side of the difference: the old quote (its deleted words marked) or the new text (inserted ones). */
function Side({ parts, side }: { parts: DiffPart[]; side: 'old' | 'new' }) {
  const skip = side === 'old' ? 'inserted' : 'deleted'
  return (
    <>
      {parts.map((part, i) =>
        part.op === skip ? null : part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : side === 'old' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <ins key={i}>{part.text}</ins>
        ),
      )}
    </>
  )
}

const STATUS = {
  fuzzy: 'Words changed',
  orphaned: 'Not found',
  anchored: 'Found',
} as const

function ReviewCard({ item, reattaching }: { item: ReviewItem; reattaching: boolean }) {
  const { actions, stores, ui } = useGloss()
  const { excerpt } = item
  const hasNew = item.newText !== ''
  return (
    <article
      className={`review-item${reattaching ? ' reattaching' : ''}`}
      aria-label={`Review excerpt from ¶${excerpt.sectionOrdinal}`}
      data-review-id={excerpt.id}
    >
      <p className="review-status">
        <span className={`review-kind review-kind-${excerpt.anchorStatus}`}>
          {STATUS[excerpt.anchorStatus]}
        </span>
        {hasNew && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              ui.revealTarget({
                articleId: excerpt.articleId,
                excerptId: excerpt.id,
                sectionId: excerpt.sectionId,
              })
            }
          >
            ¶{excerpt.sectionOrdinal}
          </button>
        )}
      </p>
      <div className="review-sides">
        <section aria-label="Before">
          <h3>Before</h3>
          <p className="review-text review-old">
            <Side parts={item.diff} side="old" />
          </p>
        </section>
        <section aria-label={excerpt.anchorStatus === 'orphaned' ? 'Best guess' : 'Now'}>
          <h3>{excerpt.anchorStatus === 'orphaned' ? 'Best guess' : 'Now'}</h3>
          <p className="review-text review-new">
            {hasNew ? (
              <Side parts={item.diff} side="new" />
            ) : (
              <em className="muted">No match in this version</em>
            )}
          </p>
        </section>
      </div>
      {reattaching ? (
        <div className="review-reattach" role="status">
          <span>Select the new text in the article, then choose “Re-attach here”.</span>
          <button type="button" className="small" onClick={() => stores.review.setReattaching(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="review-actions">
          {hasNew && (
            <button
              type="button"
              className="small primary"
              onClick={() => void actions.resolveReview(item, 'accept')}
            >
              Accept
            </button>
          )}
          <button type="button" className="small" onClick={() => stores.review.setReattaching(excerpt.id)}>
            Re-attach…
          </button>
          <button
            type="button"
            className="small"
            onClick={() => void actions.resolveReview(item, 'keepOrphan')}
          >
            Keep as orphan
          </button>
          <button
            type="button"
            className="small delete-button"
            onClick={() => void actions.resolveReview(item, 'delete')}
          >
            Delete
          </button>
        </div>
      )}
    </article>
  )
}

/** The open article's excerpts a new version unsettled, old and new text side by side. */
export function ReviewPanel() {
  const { stores, feedback } = useGloss()
  const { article } = useOpenArticle()
  const queue = useReview()
  const articleId = article?.id ?? null
  const version = article?.version
  const reviewCount = article?.reviewCount
  useEffect(() => {
    if (articleId) stores.review.load(articleId).catch(feedback.reportError)
  }, [stores, feedback, articleId, version, reviewCount])

  if (!article) return <p className="muted review-empty">No article is open.</p>
  const items = queue.articleId === article.id ? queue.items : []
  return (
    <div className="review-panel">
      <p className="review-count" role="status">
        {items.length === 0
          ? 'Nothing to review.'
          : `${items.length} ${items.length === 1 ? 'excerpt' : 'excerpts'} to review`}
      </p>
      {items.length === 0 && (
        <p className="muted review-empty">
          When a new version of the article changes or drops a highlighted passage, the excerpt waits here.
        </p>
      )}
      <ul className="review-list" aria-label="Review queue">
        {items.map((item) => (
          <li key={item.excerpt.id}>
            <ReviewCard item={item} reattaching={queue.reattaching === item.excerpt.id} />
          </li>
        ))}
      </ul>
    </div>
  )
}
