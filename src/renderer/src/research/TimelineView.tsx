import type { ResearchEvent } from '../../../shared/research'
import { useGloss } from '../state/glossContext'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2024", "December 2024", "2 July 2024": as precise as the article's words. */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-')
  if (!month) return year!
  const name = MONTHS[Number(month) - 1]
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`
}

/** Dated events in date order, each linking to its sentence. */
export function TimelineView({ events, showArticle }: { events: ResearchEvent[]; showArticle: boolean }) {
  const { ui } = useGloss()
  if (events.length === 0) return <p className="research-empty">No dates found.</p>
  const guessed = events.some((e) => e.guessed)
  return (
    <div className="timeline">
      {guessed && (
        <p className="timeline-note">
          Dates marked “guess” were worked out from the import date: the article has no publication date.
        </p>
      )}
      <ol className="timeline-list">
        {events.map((event) => (
          <li key={event.id} className="timeline-item">
            <p className="timeline-date">
              <time dateTime={event.date}>{dateLabel(event.date)}</time>
              {event.guessed && <span className="timeline-guess">guess</span>}
            </p>
            <button
              type="button"
              className="timeline-sentence"
              title="Show in the article"
              onClick={() => ui.revealTarget({ articleId: event.articleId, sectionId: event.sectionId })}
            >
              {event.sentence}
            </button>
            <p className="timeline-meta">
              {showArticle && `${event.articleTitle} · `}¶{event.ordinal} · “{event.text}”
            </p>
          </li>
        ))}
      </ol>
    </div>
  )
}
