import { useState } from 'react'
import type { EntityKind, ResearchEntity } from '../../../shared/research'
import { useGloss } from '../state/glossContext'
import { useOpenArticle } from '../state/hooks'
import { ENTITY_KIND_LABEL, entityKey, useResearchState } from '../state/researchStore'

interface Props {
  entities: ResearchEntity[]
  showArticles: boolean
  onShowQuotes: (speaker: string) => void
}

/** People, organisations and places, searchable, each with its mentions to jump to. */
export function EntitiesView({ entities, showArticles, onShowQuotes }: Props) {
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<EntityKind | ''>('')
  const q = query.trim().toLowerCase()
  const shown = entities.filter(
    (e) =>
      (!kind || e.kind === kind) && (!q || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(q))),
  )
  return (
    <div className="entities">
      <div className="research-filters">
        <label>
          Find
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="A name"
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as EntityKind | '')}>
            <option value="">All</option>
            <option value="person">People</option>
            <option value="organization">Organisations</option>
            <option value="place">Places</option>
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="research-empty">{entities.length === 0 ? 'No names found.' : 'No name matches.'}</p>
      ) : (
        <ul className="entity-list">
          {shown.map((entity) => (
            <EntityItem
              key={entityKey(entity)}
              entity={entity}
              showArticles={showArticles}
              onShowQuotes={onShowQuotes}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

function EntityItem({
  entity,
  showArticles,
  onShowQuotes,
}: { entity: ResearchEntity } & Omit<Props, 'entities'>) {
  const { ui, panes } = useGloss()
  const research = useResearchState()
  const { id: openId } = useOpenArticle()
  const [open, setOpen] = useState(false)
  const ref = { name: entity.name, kind: entity.kind }
  // the excerpts panel is the open article's: offered when the entity is named there
  const inOpenArticle = entity.articles.some((a) => a.id === openId)
  const mentions = entity.mentions.length === 1 ? '1 mention' : `${entity.mentions.length} mentions`
  return (
    <li className="entity-item">
      <button type="button" className="entity-name" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>{entity.name}</span>
        <span className="entity-kind">{ENTITY_KIND_LABEL[entity.kind]}</span>
      </button>
      <p className="entity-meta">
        {mentions}
        {entity.aliases.length > 0 && ` · also ${entity.aliases.join(', ')}`}
        {showArticles &&
          ` · ${entity.articles.length === 1 ? '1 article' : `${entity.articles.length} articles`}`}
      </p>
      <p className="entity-actions">
        {entity.quoteCount > 0 && (
          <button type="button" className="link-button" onClick={() => onShowQuotes(entity.name)}>
            {entity.quoteCount === 1 ? '1 quotation' : `${entity.quoteCount} quotations`}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-label={`Show articles naming ${entity.name}`}
          onClick={() => {
            research.libraryEntity.set(ref)
            ui.setLeftTab('library')
            panes.showLeft()
          }}
        >
          Show articles
        </button>
        {inOpenArticle && (
          <button
            type="button"
            className="link-button"
            aria-label={`Show excerpts naming ${entity.name}`}
            onClick={() => {
              research.excerptsEntity.set(ref)
              ui.setRightTab('excerpts')
            }}
          >
            Show excerpts
          </button>
        )}
      </p>
      {open && (
        <ul className="entity-mentions" aria-label={`Mentions of ${entity.name}`}>
          {entity.mentions.map((m) => (
            <li key={`${m.articleId}:${m.start}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => ui.revealTarget({ articleId: m.articleId, sectionId: m.sectionId })}
              >
                {showArticles ? `${entity.articles.find((a) => a.id === m.articleId)?.title ?? ''} ` : ''}¶
                {m.ordinal}: {m.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
