import { useState } from 'react'
import { Tabs } from '../common/Tabs'
import { useOpenArticle } from '../state/hooks'
import { EntitiesView } from './EntitiesView'
import { QuotesView } from './QuotesView'
import { TimelineView } from './TimelineView'
import { useResearch, type Scope } from './useResearch'
import './research.css'

type View = 'quotes' | 'entities' | 'timeline'

/** Who said what, who and what is named, and when: for the open article or the whole notebook. */
export function ResearchPanel() {
  const { id } = useOpenArticle()
  const [scope, setScope] = useState<Scope>('article')
  const [view, setView] = useState<View>('quotes')
  const [speaker, setSpeaker] = useState<string | null>(null)
  const data = useResearch(id, scope)
  const notebook = scope === 'notebook'
  const quotes = speaker ? data.quotes.filter((q) => q.speaker.name === speaker) : data.quotes
  const { status } = data

  return (
    <div className="research-panel">
      <div className="research-filters">
        <label>
          Show
          <select value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
            <option value="article">This article</option>
            <option value="notebook">All articles</option>
          </select>
        </label>
      </div>
      {status && status.analyzed < status.total && (
        <div className="research-progress" role="status">
          Analysing older articles: {status.analyzed} of {status.total}
          <progress value={status.analyzed} max={status.total} aria-label="Articles analysed" />
        </div>
      )}
      <Tabs
        label="Research"
        tabs={[
          { key: 'quotes', label: `Quotes (${data.quotes.length})` },
          { key: 'entities', label: 'Names' },
          { key: 'timeline', label: 'Timeline' },
        ]}
        selected={view}
        onSelect={setView}
      >
        <div className="research-body">
          {data.error ? (
            <p className="research-empty" role="alert">
              {data.error}
            </p>
          ) : !notebook && !id ? (
            <p className="research-empty">Open an article to see who is quoted in it.</p>
          ) : data.loading && data.quotes.length === 0 ? (
            <p className="research-empty">Analysing…</p>
          ) : view === 'quotes' ? (
            <>
              {speaker && (
                <p className="research-filter-note">
                  Quotations of {speaker}{' '}
                  <button type="button" className="link-button" onClick={() => setSpeaker(null)}>
                    Show all
                  </button>
                </p>
              )}
              <QuotesView quotes={quotes} showArticle={notebook} onChanged={data.replaceQuote} />
            </>
          ) : view === 'entities' ? (
            <EntitiesView
              entities={data.entities}
              showArticles={notebook}
              onShowQuotes={(name) => {
                setSpeaker(name)
                setView('quotes')
              }}
            />
          ) : (
            <TimelineView events={data.events} showArticle={notebook} />
          )}
        </div>
      </Tabs>
    </div>
  )
}
