import { useEffect, useId, useRef, useState } from 'react'
import type { SearchHit, SearchHitKind } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { useGloss } from '../state/glossContext'
import { useOpenNote } from '../state/hooks'
import { Snippet } from './snippet'
import './search.css'

const GROUPS: { kind: SearchHitKind; label: string }[] = [
  { kind: 'article', label: 'Articles' },
  { kind: 'section', label: 'Passages' },
  { kind: 'excerpt', label: 'Excerpts' },
  { kind: 'note', label: 'Notes' },
]

/** One box over articles, passages, excerpts and notes. */
export function SearchDialog() {
  const { api, ui } = useGloss()
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [error, setError] = useState<string | null>(null)
  const [searched, setSearched] = useState('')
  const [index, setIndex] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const base = useId()
  const optionId = (i: number) => `${base}-hit-${i}`
  const openNote = useOpenNote()

  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setHits([])
      setError(null)
      setSearched('')
      return
    }
    let stale = false
    const timer = window.setTimeout(async () => {
      try {
        const result = await api.search({ query: q, limit: 50 })
        if (stale) return
        setHits(result.hits)
        setError(null)
        setSearched(q)
        setIndex(0)
      } catch (failure) {
        if (stale) return
        setHits([])
        setSearched(q)
        setError(errorMessage(failure))
      }
    }, 120)
    return () => {
      stale = true
      window.clearTimeout(timer)
    }
  }, [api, query])

  // hits in display order (grouped), which is the order arrow keys walk
  const ordered = GROUPS.flatMap((g) => hits.filter((h) => h.kind === g.kind))

  const open = (hit: SearchHit) => {
    ui.closeDialog()
    if (hit.kind === 'note') {
      openNote(hit.id)
      return
    }
    if (!hit.articleId) return
    if (hit.kind === 'excerpt') {
      ui.setRightTab('excerpts')
      ui.revealTarget({ articleId: hit.articleId, excerptId: hit.id, sectionId: hit.sectionId })
    } else {
      ui.revealTarget({ articleId: hit.articleId, sectionId: hit.sectionId })
    }
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setIndex((i) => Math.min(i + 1, ordered.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setIndex((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const hit = ordered[index]
      if (hit) open(hit)
    }
  }

  useEffect(() => {
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' })
  }, [index])

  let position = 0
  return (
    <Dialog label="Search" onClose={ui.closeDialog} initialFocus={input} className="search-dialog">
      <input
        ref={input}
        type="search"
        className="dialog-query"
        role="combobox"
        aria-label="Search articles, excerpts and notes"
        aria-expanded={ordered.length > 0}
        aria-controls={`${base}-results`}
        aria-activedescendant={ordered.length > 0 ? optionId(index) : undefined}
        aria-autocomplete="list"
        placeholder="Search articles, excerpts and notes…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!error && searched && ordered.length === 0 && (
        <p className="muted dialog-empty">Nothing matches “{searched}”.</p>
      )}
      <div id={`${base}-results`} role="listbox" aria-label="Search results" className="dialog-options">
        {GROUPS.map((group) => {
          const items = hits.filter((h) => h.kind === group.kind)
          if (items.length === 0) return null
          return (
            <div
              key={group.kind}
              role="group"
              aria-labelledby={`${base}-${group.kind}`}
              className="search-group"
            >
              <div id={`${base}-${group.kind}`} role="presentation" className="search-group-label">
                {group.label}
              </div>
              {items.map((hit) => {
                const i = position++
                return (
                  <div
                    key={`${hit.kind}-${hit.id}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === index}
                    className="dialog-option"
                    onMouseMove={() => setIndex(i)}
                    onClick={() => open(hit)}
                  >
                    <div className="search-hit-title">
                      {hit.title}
                      {hit.sectionOrdinal !== null && hit.kind !== 'article' && (
                        <span className="muted"> · ¶{hit.sectionOrdinal}</span>
                      )}
                    </div>
                    <div className="search-hit-snippet">
                      <Snippet text={hit.snippet} />
                    </div>
                  </div>
                )
              })}
            </div>
          )
        })}
      </div>
      <p className="search-help muted" aria-hidden="true">
        ↑ ↓ to move · Enter to open · Esc to close
      </p>
    </Dialog>
  )
}
