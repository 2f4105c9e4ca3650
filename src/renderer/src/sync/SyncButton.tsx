import { useState } from 'react'
import { STATE_LABEL } from './labels'
import { SyncDialog } from './SyncDialog'
import { useSyncStatus } from './useSyncStatus'
import './sync.css'

/** The top bar's sync status; it opens the sync settings. */
export function SyncButton() {
  const [status, setStatus] = useSyncStatus()
  const [open, setOpen] = useState(false)
  const state = status?.state ?? 'off'
  const peers = status?.peers.length
    ? ` · ${status.peers.length} other${status.peers.length > 1 ? 's' : ''} here`
    : ''
  return (
    <>
      <button
        type="button"
        className="small sync-button"
        data-state={state}
        title={status?.reason ?? 'Sync settings'}
        aria-label={`${STATE_LABEL[state]}${peers}${status?.reason ? `: ${status.reason}` : ''}. Sync settings`}
        onClick={() => setOpen(true)}
      >
        <span className="sync-dot" aria-hidden="true" />
        {STATE_LABEL[state]}
        {peers}
      </button>
      {open && <SyncDialog status={status} onStatus={setStatus} onClose={() => setOpen(false)} />}
    </>
  )
}
