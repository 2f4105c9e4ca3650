import { useCallback, useEffect, useRef, useState } from 'react'
import type { SyncStatus } from '../../../shared/sync'
import { useGloss } from '../state/glossContext'

/** How often the status is asked for: sooner while something is moving; never while sync is off. */
const POLL_MS = { offline: 3000, syncing: 700, synced: 1500, error: 5000 } as const
/** while someone else is in a note here: their typing and caret shown sooner */
const TOGETHER_MS = 500

/**
 * The sync status, asked for on a timer. When changes from the other side have arrived the
 * lists on screen are fetched again (articles, tags, excerpts, notes), so they show them, and
 * the notes whose bodies changed are told (the notes store's arrivals), so an open editor of one
 * takes the new body, and who else is in which note (the notes store's presence; null while off:
 * an editor then says nothing of where it is). While sync is off nothing can change it but the settings, which hand the
 * new status in (and start the asking again).
 */
export function useSyncStatus(): [SyncStatus | null, (next: SyncStatus) => void] {
  const { api, stores } = useGloss()
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [settingsChanged, setSettingsChanged] = useState(0)
  const received = useRef<number | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    const refresh = async () => {
      const notes = await api.listNotes({})
      stores.notes.set({ status: 'ready', notes })
      await Promise.all([stores.articles.fetch(), stores.tags.fetch(), stores.excerpts.reload()])
    }
    const poll = async () => {
      let next: SyncStatus | null
      try {
        next = await api.getSyncStatus({})
      } catch {
        next = null // the notebook is busy or closing: ask again later
      }
      if (!live) return
      if (next) {
        setStatus(next)
        if (received.current !== null && next.received > received.current) void refresh().catch(() => {})
        const arrivals = stores.notes.arrivals
        if (JSON.stringify(next.noteChanges) !== JSON.stringify(arrivals.get()))
          arrivals.set(next.noteChanges)
        const presence = next.state === 'off' ? null : next.presence
        if (JSON.stringify(presence) !== JSON.stringify(stores.notes.presence.get()))
          stores.notes.presence.set(presence)
        received.current = next.received
      }
      if (next?.state === 'off') return
      const together = next?.state === 'synced' && Object.keys(next.presence).length > 0
      timer = setTimeout(() => void poll(), together ? TOGETHER_MS : POLL_MS[next?.state ?? 'offline'])
    }
    void poll()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, stores, settingsChanged])

  const changed = useCallback((next: SyncStatus) => {
    setStatus(next)
    setSettingsChanged((n) => n + 1)
  }, [])
  return [status, changed]
}
