import { useEffect, useId, useRef, useState } from 'react'
import type { Excerpt } from '../../../shared/model'
import { useGloss } from '../state/glossContext'

interface Props {
  excerpt: Excerpt
  focusNonce?: number
}

/**
 * The comment, edited in place. Saves on blur or Ctrl/Cmd+Enter, Esc puts back what was
 * saved. A failed save keeps the draft (and says so) so nothing typed is lost.
 */
export function CommentEditor({ excerpt, focusNonce }: Props) {
  const { actions } = useGloss()
  const id = useId()
  const [draft, setDraft] = useState(excerpt.comment)
  const [failed, setFailed] = useState(false)
  const draftRef = useRef(draft)
  const dirty = useRef(false)
  const field = useRef<HTMLTextAreaElement>(null)

  // follow changes from elsewhere (undo, another window) unless the user is typing
  useEffect(() => {
    if (!dirty.current) {
      draftRef.current = excerpt.comment
      setDraft(excerpt.comment)
    }
  }, [excerpt.comment])

  useEffect(() => {
    if (focusNonce) field.current?.focus()
  }, [focusNonce])

  const save = async () => {
    const text = draftRef.current
    if (!dirty.current) return
    if (text === excerpt.comment) {
      dirty.current = false
      setFailed(false)
      return
    }
    const ok = await actions.updateExcerpt(excerpt, { comment: text })
    if (ok && draftRef.current === text) dirty.current = false
    setFailed(!ok)
  }

  const cancel = () => {
    dirty.current = false
    draftRef.current = excerpt.comment
    setDraft(excerpt.comment)
    setFailed(false)
  }

  return (
    <div className="comment-editor">
      <label htmlFor={id} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={id}
        ref={field}
        className="comment-field"
        placeholder="Add a comment…"
        value={draft}
        rows={1}
        onChange={(event) => {
          dirty.current = true
          draftRef.current = event.target.value
          setDraft(event.target.value)
        }}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            void save()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            cancel()
            event.currentTarget.blur()
          }
        }}
      />
      {failed && (
        <p className="field-error">
          Not saved yet — your text is kept here. Try again, or press Esc to discard it.
        </p>
      )}
    </div>
  )
}
