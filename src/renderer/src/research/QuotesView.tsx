import { useState } from 'react'
import type { ResearchQuote } from '../../../shared/research'
import { errorMessage } from '../api/errors'
import { useGloss } from '../state/glossContext'
import { useArticleExcerpts } from '../state/hooks'
import { useResearchState } from '../state/researchStore'
import { speakerLabel, speakerTag } from './useResearch'

interface Props {
  quotes: ResearchQuote[]
  showArticle: boolean
  onChanged: (quote: ResearchQuote) => void
}

interface Group {
  label: string
  kind: ResearchQuote['speaker']['kind']
  quotes: ResearchQuote[]
}

function groupBySpeaker(quotes: ResearchQuote[]): Group[] {
  const groups = new Map<string, Group>()
  for (const quote of quotes) {
    const label = speakerLabel(quote)
    const key = `${quote.speaker.kind}:${label}`
    const group = groups.get(key) ?? { label, kind: quote.speaker.kind, quotes: [] }
    group.quotes.push(quote)
    groups.set(key, group)
  }
  // most quoted first; unknown speakers last
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.kind === 'unknown') - Number(b.kind === 'unknown') || b.quotes.length - a.quotes.length,
  )
}

const KIND_NOTE: Record<Group['kind'], string | null> = {
  person: null,
  organization: 'organisation',
  unnamed: 'unnamed source',
  unknown: null,
}

/** The article's (or notebook's) direct quotations, grouped by who said them. */
export function QuotesView({ quotes, showArticle, onChanged }: Props) {
  if (quotes.length === 0) return <p className="research-empty">No direct quotations found.</p>
  return (
    <div className="quote-groups">
      {groupBySpeaker(quotes).map((group) => (
        <section
          key={`${group.kind}:${group.label}`}
          className="quote-group"
          aria-label={`Quotations of ${group.label}`}
        >
          <h3 className="quote-speaker">
            <span className="quote-speaker-name">
              {group.label}
              {KIND_NOTE[group.kind] && <span className="quote-kind">{KIND_NOTE[group.kind]}</span>}
            </span>
            <span className="quote-count">{group.quotes.length}</span>
          </h3>
          <ul className="quote-list">
            {group.quotes.map((quote) => (
              <QuoteItem key={quote.id} quote={quote} showArticle={showArticle} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

function QuoteItem({
  quote,
  showArticle,
  onChanged,
}: {
  quote: ResearchQuote
  showArticle: boolean
  onChanged: Props['onChanged']
}) {
  const { api, actions, ui, feedback } = useGloss()
  const { quotations } = useResearchState()
  const excerpts = useArticleExcerpts(quote.articleId)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(quote.speaker.name ?? '')
  const excerpted = excerpts.some((e) => e.position.start <= quote.start && e.position.end >= quote.end)
  const tag = speakerTag(quote)

  const reveal = () => ui.revealTarget({ articleId: quote.articleId, sectionId: quote.sectionId })
  const toExcerpt = async () => {
    const excerpt = await actions.createExcerpt({
      articleId: quote.articleId,
      start: quote.start,
      end: quote.end,
      color: 'yellow',
    })
    if (!excerpt) return
    if (tag) await actions.updateExcerpt(excerpt, { tags: [tag] })
    feedback.notify(tag ? `Excerpted the quotation, tagged ${tag}` : 'Excerpted the quotation')
  }
  const save = async (speaker: Parameters<typeof api.setQuoteSpeaker>[0]['speaker']) => {
    try {
      const changed = await api.setQuoteSpeaker({ id: quote.id, speaker })
      onChanged(changed)
      // the excerpt cards' speakers, from the same answer
      quotations.put(changed)
      setEditing(false)
    } catch (error) {
      feedback.notify(errorMessage(error), { kind: 'error' })
    }
  }
  const cue =
    quote.cue.type === 'carry'
      ? 'same speaker as the quotation before'
      : quote.cue.text
        ? `“${quote.cue.text}”`
        : null
  const unsure = !quote.corrected && quote.confidence < 0.6

  return (
    <li className="quote-item">
      <button type="button" className="quote-text" title="Show in the article" onClick={reveal}>
        “{quote.text}”
      </button>
      <p className="quote-meta">
        {showArticle && <span className="quote-article">{quote.articleTitle} · </span>}¶{quote.ordinal}
        {quote.corrected ? ' · speaker set by you' : cue ? ` · ${cue}` : ''}
        {unsure && ' · a guess'}
      </p>
      {editing ? (
        <form
          className="quote-edit"
          onSubmit={(event) => {
            event.preventDefault()
            const trimmed = name.trim()
            void save(
              trimmed
                ? { kind: quote.speaker.kind === 'organization' ? 'organization' : 'person', name: trimmed }
                : { kind: 'unknown' },
            )
          }}
        >
          <label>
            Speaker
            <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
          </label>
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="quote-actions">
          <button
            type="button"
            disabled={excerpted}
            onClick={() => void toExcerpt()}
            title={tag ? `Excerpt tagged ${tag}` : 'Excerpt'}
          >
            {excerpted ? 'Excerpted' : 'Excerpt'}
          </button>
          <button
            type="button"
            onClick={() => setEditing(true)}
            aria-label={`Change speaker of “${quote.text.slice(0, 40)}”`}
          >
            Change speaker
          </button>
          {quote.corrected && (
            <button type="button" onClick={() => void save(null)}>
              Reset
            </button>
          )}
        </div>
      )}
    </li>
  )
}
