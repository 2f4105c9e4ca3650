import { useEffect, useId, useRef, useState } from 'react'
import type { Tag } from '../../../shared/model'
import { displayTag, normalizeTag } from '../common/tagNames'
import { useGloss } from '../state/glossContext'
import { useTags } from '../state/hooks'
import type { TagNode } from './tree'

type Mode = 'view' | 'rename' | 'merge'

/** One tag: color, name (filters the excerpts panel), counts, and rename / merge / delete. */
export function TagRow({ node, tag }: { node: TagNode; tag: Tag }) {
  const { actions, ui, panes } = useGloss()
  const tags = useTags()
  const [mode, setMode] = useState<Mode>('view')
  const [name, setName] = useState(tag.name)
  const [target, setTarget] = useState('')
  const color = useRef<HTMLInputElement>(null)
  const renameId = useId()
  const mergeId = useId()

  // commit a color when the picker closes, not on every step of dragging
  useEffect(() => {
    const input = color.current
    if (!input) return
    const onChange = () => {
      if (input.value.toLowerCase() !== (tag.color ?? '').toLowerCase())
        void actions.recolorTag(tag, input.value)
    }
    input.addEventListener('change', onChange)
    return () => input.removeEventListener('change', onChange)
  }, [actions, tag])

  const rename = async () => {
    const next = normalizeTag(name)
    if (!next || next === tag.name) return setMode('view')
    if (await actions.renameTag(tag, next)) setMode('view') // on failure the field stays open with the text
  }

  const merge = async () => {
    const into = tags.find((t) => t.id === target)
    if (!into) return
    if (await actions.mergeTags(tag, into)) setMode('view')
  }

  if (mode === 'rename') {
    return (
      <div className="tag-row editing">
        <label htmlFor={renameId} className="visually-hidden">
          New name for {displayTag(tag.name)}
        </label>
        <input
          id={renameId}
          type="text"
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void rename()
            if (e.key === 'Escape') {
              e.stopPropagation()
              setName(tag.name)
              setMode('view')
            }
          }}
        />
        <button type="button" className="small primary" onClick={() => void rename()}>
          Save
        </button>
        <button type="button" className="small" onClick={() => setMode('view')}>
          Cancel
        </button>
      </div>
    )
  }

  if (mode === 'merge') {
    const others = tags.filter((t) => t.id !== tag.id)
    return (
      <div className="tag-row editing">
        <label htmlFor={mergeId}>Merge “{node.label}” into</label>
        <select id={mergeId} value={target} onChange={(e) => setTarget(e.target.value)} autoFocus>
          <option value="">Choose a tag…</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {displayTag(t.name)}
            </option>
          ))}
        </select>
        <button type="button" className="small primary" disabled={!target} onClick={() => void merge()}>
          Merge
        </button>
        <button type="button" className="small" onClick={() => setMode('view')}>
          Cancel
        </button>
      </div>
    )
  }

  return (
    <div className="tag-row">
      <input
        ref={color}
        type="color"
        className={`tag-color${tag.color ? '' : ' no-color'}`}
        defaultValue={tag.color ?? '#8a8580'}
        key={tag.color ?? 'none'}
        aria-label={`Color of ${displayTag(tag.name)}`}
      />
      <button
        type="button"
        className="tag-name"
        title={`Show excerpts tagged ${displayTag(tag.name)}`}
        aria-pressed={ui.filter.tag === tag.name}
        onClick={() => {
          ui.setFilter({ ...ui.filter, tag: ui.filter.tag === tag.name ? null : tag.name })
          ui.setRightTab('excerpts')
          panes.showRight()
        }}
      >
        {node.label}
      </button>
      <span
        className="tag-counts"
        title={`${tag.usageCount} excerpts with this tag, ${tag.totalCount} including nested tags`}
      >
        <span aria-hidden="true">
          {tag.usageCount}
          {tag.totalCount !== tag.usageCount && ` · ${tag.totalCount}`}
        </span>
        <span className="visually-hidden">
          {tag.usageCount === 1 ? '1 excerpt' : `${tag.usageCount} excerpts`}
          {tag.totalCount !== tag.usageCount && `, ${tag.totalCount} with nested tags`}
        </span>
      </span>
      <span className="tag-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Rename ${displayTag(tag.name)}`}
          title="Rename"
          onClick={() => setMode('rename')}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Merge ${displayTag(tag.name)} into another tag`}
          title="Merge into another tag"
          onClick={() => setMode('merge')}
        >
          ⇥
        </button>
        <button
          type="button"
          className="icon-button delete-button"
          aria-label={`Delete ${displayTag(tag.name)}`}
          title="Delete (can be undone)"
          onClick={() => void actions.deleteTag(tag)}
        >
          ×
        </button>
      </span>
    </div>
  )
}
