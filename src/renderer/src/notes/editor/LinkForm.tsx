import { TOGGLE_LINK_COMMAND } from '@lexical/link'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useId, useRef, useState } from 'react'
import { normalizeUrl } from './links'

/** The toolbar's link panel: add, change or remove the link at the selection. */
export function LinkForm({ current, onDone }: { current: string | null; onDone: () => void }) {
  const [editor] = useLexicalComposerContext()
  const [value, setValue] = useState(current ?? '')
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  useEffect(() => input.current?.focus(), [])

  const close = () => {
    onDone()
    editor.focus()
  }
  const apply = () => {
    const url = normalizeUrl(value)
    if (!url) {
      setError('Enter a web address (https://…) or an e-mail address.')
      return
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
    close()
  }

  return (
    <form
      className="gloss-note-panel"
      onSubmit={(event) => {
        event.preventDefault()
        apply()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="url"
        value={value}
        placeholder="https://…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="small primary">
        {current ? 'Update' : 'Add link'}
      </button>
      {current && (
        <button
          type="button"
          className="small"
          onClick={() => {
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, null)
            close()
          }}
        >
          Remove link
        </button>
      )}
      <button type="button" className="small" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
