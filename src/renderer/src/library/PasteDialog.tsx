import { useId, useRef, useState } from 'react'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { useGloss } from '../state/glossContext'

/**
 * Paste an article. Plain text is imported as typed; when the clipboard carried HTML
 * (copied from a web page) and the text was not edited, the HTML is imported instead so
 * headings and paragraphs survive.
 */
export function PasteDialog() {
  const { api, ui, stores } = useGloss()
  const initial = ui.pasteDraft
  const [text, setText] = useState(initial?.text ?? '')
  const [html, setHtml] = useState<{ html: string; text: string } | null>(
    initial?.html ? { html: initial.html, text: initial.text } : null,
  )
  const [sourceUrl, setSourceUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const areaId = useId()
  const urlId = useId()
  const useHtml = html !== null && html.text === text

  const submit = async () => {
    if (!text.trim() && !useHtml) {
      setError('There is nothing to import yet: paste an article into the box.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const result = await api.importContent({
        content: useHtml ? html.html : text,
        ...(useHtml ? { format: 'html' as const } : {}),
        ...(sourceUrl.trim() ? { sourceUrl: sourceUrl.trim() } : {}),
      })
      ui.closeDialog()
      await stores.afterImport([result])
    } catch (failure) {
      setError(errorMessage(failure)) // the pasted text stays for another try
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog label="Paste article" onClose={ui.closeDialog} initialFocus={area}>
      <h2>Paste article</h2>
      <label htmlFor={areaId} className="paste-hint">
        Paste the article’s text or copy it from a web page and paste it here.
      </label>
      <textarea
        id={areaId}
        ref={area}
        className="paste-area"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event) => {
          const pastedHtml = event.clipboardData.getData('text/html')
          const pastedText = event.clipboardData.getData('text/plain')
          if (pastedHtml && !text) {
            event.preventDefault()
            setHtml({ html: pastedHtml, text: pastedText })
            setText(pastedText)
          }
        }}
      />
      {useHtml && (
        <p className="paste-hint muted">Formatting from the web page will be kept (headings, paragraphs).</p>
      )}
      <label htmlFor={urlId} className="paste-hint">
        Source address (optional)
      </label>
      <input
        id={urlId}
        type="text"
        inputMode="url"
        value={sourceUrl}
        onChange={(e) => setSourceUrl(e.target.value)}
        placeholder="https://…"
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={ui.closeDialog}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </Dialog>
  )
}
