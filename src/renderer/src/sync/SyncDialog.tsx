import { useId, useRef, useState } from 'react'
import { isGlossErrorData } from '../../../shared/errors'
import type { SyncStatus } from '../../../shared/sync'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { useGloss } from '../state/glossContext'
import { STATE_LABEL } from './labels'

interface Props {
  status: SyncStatus | null
  onStatus: (status: SyncStatus) => void
  onClose: () => void
}

/** Sync settings: on or off, the server, the token, the name others see; the status with its reason. */
export function SyncDialog({ status, onStatus, onClose }: Props) {
  const { api } = useGloss()
  const settings = status?.settings
  const [enabled, setEnabled] = useState(settings?.enabled ?? false)
  const [serverUrl, setServerUrl] = useState(settings?.serverUrl ?? '')
  const [token, setToken] = useState('')
  const [name, setName] = useState(settings?.name ?? '')
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLInputElement>(null)
  const ids = { url: useId(), token: useId(), name: useId(), error: useId() }

  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      const next = await api.setSyncSettings({
        enabled,
        serverUrl,
        name,
        // an empty field keeps the token already set
        ...(token.trim() ? { token } : {}),
      })
      onStatus(next)
      onClose()
    } catch (failure) {
      setError({
        field: isGlossErrorData(failure) ? (failure.field ?? null) : null,
        message: errorMessage(failure),
      })
    } finally {
      setBusy(false)
    }
  }

  const invalid = (field: string) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.error } : {}
  const errorText = (field: string | null) =>
    error && error.field === field ? (
      <p id={ids.error} role="alert" className="error-text">
        {error.message}
      </p>
    ) : null
  const known = ['serverUrl', 'token', 'name']

  return (
    <Dialog label="Sync" onClose={onClose} initialFocus={first} className="sync-dialog">
      <h2>Sync</h2>
      {status && (
        <p className="sync-state" data-state={status.state} role="status">
          <span className="sync-dot" aria-hidden="true" />
          <strong>{STATE_LABEL[status.state]}</strong>
          {status.reason ? ` — ${status.reason}` : ''}
          {status.peers.length > 0 ? ` Also here: ${status.peers.join(', ')}.` : ''}
        </p>
      )}
      <form
        className="sync-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy) void save()
        }}
      >
        <label className="sync-toggle">
          <input
            ref={first}
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
          />
          Sync this notebook
        </label>
        <label htmlFor={ids.url}>Server URL</label>
        <input
          id={ids.url}
          type="text"
          inputMode="url"
          spellCheck={false}
          placeholder="ws://127.0.0.1:4455"
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
          {...invalid('serverUrl')}
        />
        {errorText('serverUrl')}
        <label htmlFor={ids.token}>Token</label>
        <input
          id={ids.token}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            settings?.hasToken
              ? `set, for notebook “${settings.notebook}” (type to replace)`
              : 'notebook.signature'
          }
          value={token}
          onChange={(e) => setToken(e.target.value)}
          {...invalid('token')}
        />
        {errorText('token')}
        <p className="sync-hint">
          From <code>gloss sync-server token &lt;notebook&gt;</code>. Give the same token to a colleague to
          share this notebook.
        </p>
        <label htmlFor={ids.name}>Your name, as the others see it</label>
        <input
          id={ids.name}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...invalid('name')}
        />
        {errorText('name')}
        {error && !known.includes(error.field ?? '') && errorText(error.field)}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
