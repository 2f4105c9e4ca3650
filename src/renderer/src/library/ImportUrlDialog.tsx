import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { useGloss } from '../state/glossContext'

/** What the field holds as an address to fetch, or why it is not one. */
function readAddress(typed: string): { url: string } | { problem: string } {
  const text = typed.trim()
  if (text === '') return { problem: 'Type or paste the address of a web page first.' }
  // "example.com/page" is what people copy from an address bar
  const url = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { problem: `“${text}” is not a web address.` }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `Only http:// and https:// addresses can be imported, not ${parsed.protocol}.` }
  }
  return { url: parsed.href }
}

/**
 * Import from URL: the core fetches the address (bounded in time and size, public addresses
 * only) and imports it through the same pipeline as a file; the article opens. The field keeps
 * the address after a refusal, for another try.
 */
export function ImportUrlDialog() {
  const { api, ui, stores, feedback } = useGloss()
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<number | null>(null)
  const [seconds, setSeconds] = useState(0)
  const field = useRef<HTMLInputElement>(null)
  const open = useRef(true)
  const fieldId = useId()
  const errorId = useId()

  useEffect(
    () => () => {
      open.current = false
    },
    [],
  )
  useEffect(() => {
    if (started === null) return
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [started])

  const refuse = (message: string) => {
    setError(message)
    field.current?.focus()
  }

  const submit = async () => {
    const read = readAddress(address)
    if ('problem' in read) return refuse(read.problem)
    if (!navigator.onLine) {
      return refuse('This computer is offline: connect to the internet, then import the page again.')
    }
    setError(null)
    setSeconds(0)
    setStarted(Date.now())
    try {
      const result = await api.importUrl({ url: read.url })
      if (open.current) {
        ui.closeDialog()
        await stores.afterImport([result])
      } else {
        // closed while it was fetched: the article is in the library, not opened over the reading
        stores.articles.put(result.article)
        feedback.notify(result.message)
      }
    } catch (failure) {
      if (open.current) refuse(errorMessage(failure))
      else feedback.reportError(failure)
    } finally {
      if (open.current) setStarted(null)
    }
  }

  const busy = started !== null
  return (
    <Dialog label="Import from URL" onClose={ui.closeDialog} initialFocus={field}>
      <h2>Import from URL</h2>
      <form
        className="import-url"
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy) void submit()
        }}
      >
        <label htmlFor={fieldId} className="paste-hint">
          Address of a web page, PDF, EPUB or Word file
        </label>
        <input
          id={fieldId}
          ref={field}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://…"
          value={address}
          readOnly={busy}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setAddress(event.target.value)
            setError(null)
          }}
        />
        {busy && (
          <div className="import-url-progress" role="status">
            <progress aria-label="Fetching the page" />
            <span>Fetching and reading the page…{seconds > 0 ? ` ${seconds} s` : ''}</span>
          </div>
        )}
        {error && (
          <p id={errorId} role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={ui.closeDialog}>
            {busy ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
