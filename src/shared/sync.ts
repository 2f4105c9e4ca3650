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
  /** per note id: the others in it now (only notes someone else is in) */
  presence: Record<string, NotePeer[]>
}

/** Someone else in a note: who, in which colour, and where their caret is. */
export interface NotePeer {
  name: string
  color: string
  caret: NoteCaret | null
}

/** A caret in a note: the top-level block (by index) and the characters of its text before it. */
export interface NoteCaret {
  block: number
  offset: number
}

/** Dark enough for white text on them (4.5:1), light enough to see on the dark theme. */
const PRESENCE_COLORS = ['#c2410c', '#15803d', '#1d4ed8', '#7e22ce', '#be123c', '#0f766e']

/** The colour a person's caret and name have in others' notes: the same for a name everywhere. */
export function presenceColor(name: string): string {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!
}

const SERVER_PROTOCOLS = ['ws:', 'wss:', 'http:', 'https:']

/**
 * Why a sync server address is refused (words to follow the field's name), or null. The page can set it (the web shell's settings)
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
    return `"${value}" is not an address (e.g. ws://127.0.0.1:4455)`
  }
  if (!SERVER_PROTOCOLS.includes(url.protocol))
    return `"${value}" must start with ws://, wss://, http:// or https:// (not ${url.protocol}//)`
  if (url.username !== '' || url.password !== '')
    return 'must not carry a user name or password (the token is what opens the notebook)'
  return null
}

/** The address to open the WebSocket on: http(s) spelled ws(s). */
export const syncSocketUrl = (value: string): string => value.replace(/^http(s?):/i, 'ws$1:')
