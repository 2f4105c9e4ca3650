/** Sync's settings and status, as the contract's sync operations carry them (src/core/sync). */

export const SYNC_STATES = ['off', 'offline', 'syncing', 'synced', 'error'] as const
export type SyncState = (typeof SYNC_STATES)[number]

export interface SyncSettings {
  enabled: boolean
  /** ws:// or wss:// address of a `gloss sync-server` */
  serverUrl: string
  /** `<notebook>.<signature>`, from `gloss sync-server token <notebook>` */
  token: string
  /** shown to the others in this notebook (presence) */
  name: string
}

export interface SyncStatus {
  state: SyncState
  /** why: offline or error, in a sentence; null otherwise */
  reason: string | null
  /** the settings, the token shown by its notebook name only */
  settings: Omit<SyncSettings, 'token'> & { notebook: string | null; hasToken: boolean }
  /** documents with changes the server has not confirmed */
  unsynced: number
  /** entries that arrived and wait (their article or tag is missing, a name clash…), with why */
  waiting: Array<{ entry: string; reason: string }>
  /** the others connected to this notebook now */
  peers: string[]
  /** when the server last confirmed everything */
  lastSyncedAt: string | null
  /** how many changes from the other side were applied since this notebook opened */
  received: number
  /** per note id: how many changes to its body arrived since this notebook opened (its open editor reloads on a new one) */
  noteChanges: Record<string, number>
}
