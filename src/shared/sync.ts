/** Sync's settings and status, as the contract's sync operations carry them (src/core/sync). */

export const SYNC_STATES = ['off', 'offline', 'syncing', 'synced', 'error'] as const
export type SyncState = (typeof SYNC_STATES)[number]

export interface SyncSettings {
  enabled: boolean
  /** ws://, wss://, http:// or https:// address of a `gloss sync-server` (see syncServerUrlProblem) */
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

const SERVER_PROTOCOLS = ['ws:', 'wss:', 'http:', 'https:']

/**
 * Why a sync server address is refused, or null. The page can set it (the web shell's settings)
 * and the notebook worker connects to it, so it is held to WebSocket addresses and their
 * http(s) spelling, with no user name or password in it (the token is the credential). Empty
 * means none set yet.
 */
export function syncServerUrlProblem(value: string): string | null {
  if (value === '') return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `serverUrl "${value}" is not an address (e.g. ws://127.0.0.1:4455)`
  }
  if (!SERVER_PROTOCOLS.includes(url.protocol))
    return `serverUrl "${value}" must start with ws://, wss://, http:// or https:// (not ${url.protocol}//)`
  if (url.username !== '' || url.password !== '')
    return 'serverUrl must not carry a user name or password (the token is what opens the notebook)'
  return null
}

/** The address to open the WebSocket on: http(s) spelled ws(s). */
export const syncSocketUrl = (value: string): string => value.replace(/^http(s?):/i, 'ws$1:')
