import { useEffect, useRef, useState } from 'react'
import type { Excerpt } from '../../../shared/model'
import { useGloss } from '../state/glossContext'
import { displayTag, normalizeTag } from '../common/tagNames'

export const TAG_NAMES_LIST = 'gloss-tag-names'

interface Props {
  excerpt: Excerpt
  focusNonce?: number
}

/** Tag chips with a remove button each, and a field (autocompleted from all tags) to add one. */
export function TagEditor({ excerpt, focusNonce }: Props) {
  const { actions } = useGloss()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const names = excerpt.tags.map((t) => t.name)

  useEffect(() => {
    if (focusNonce) input.current?.focus()
  }, [focusNonce])

  const add = async () => {
    const name = normalizeTag(text)
    if (!name) return
    if (names.includes(name)) {
      setText('')
      return
    }
    setBusy(true)
    const ok = await actions.updateExcerpt(excerpt, { tags: [...names, name] })
    setBusy(false)
    if (ok) setText('') // on failure the text stays for correction
  }

  const remove = (name: string) =>
    void actions.updateExcerpt(excerpt, { tags: names.filter((n) => n !== name) })

  return (
    <div className="tag-editor">
      {excerpt.tags.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {excerpt.tags.map((tag) => (
            <li key={tag.id} className="chip">
              {tag.color && (
                <span className="chip-dot" style={{ background: tag.color }} aria-hidden="true" />
              )}
              <span>{displayTag(tag.name)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${displayTag(tag.name)}`}
                onClick={() => remove(tag.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="text"
        className="tag-input"
        list={TAG_NAMES_LIST}
        aria-label="Add tag"
        placeholder="Add tag… (use / to nest)"
        value={text}
        readOnly={busy}
        aria-busy={busy}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            void add()
          } else if (event.key === 'Escape' && text) {
            event.preventDefault()
            event.stopPropagation()
            setText('')
          }
        }}
      />
    </div>
  )
}
