/**
 * The preload's bridge objects, built without touching Electron so they can be unit
 * tested: `window.gloss` (one async function per contract operation) and the check
 * applied to events pushed by the main process.
 */
import type { GlossApi, OperationName } from '../shared/contract'
import { isGlossErrorData, type GlossErrorData } from '../shared/errors'
import type { SaveExportRequest, SavedFile, ShellEvent } from '../shared/shell'

/** Sends one operation to the main process and resolves with its raw `{ ok, … }` reply. */
export type Invoke = (name: OperationName, input: unknown) => Promise<unknown>

function plainError(data: GlossErrorData): GlossErrorData {
  // A plain object, not a GlossError: contextBridge keeps only `message` of an Error
  // it passes to the page, but copies plain objects whole, so `code` and `field` survive.
  return data.field === undefined
    ? { code: data.code, message: data.message }
    : { code: data.code, message: data.message, field: data.field }
}

/** The value of an `{ ok: true }` reply; throws the GlossErrorData of anything else. */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null) {
    const { ok, value, error } = reply as { ok?: unknown; value?: unknown; error?: unknown }
    if (ok === true) return value
    if (ok === false && isGlossErrorData(error)) throw plainError(error)
  }
  throw plainError({ code: 'internal', message: 'Gloss received an unreadable reply from its main process.' })
}

export function createGlossApi(invoke: Invoke, names: readonly OperationName[]): GlossApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const name of names) {
    api[name] = async (input?: unknown) => {
      let reply: unknown
      try {
        reply = await invoke(name, input ?? {})
      } catch (error) {
        // the channel itself failed (no handler, input that cannot be cloned, …)
        const message = error instanceof Error ? error.message : String(error)
        throw plainError({ code: 'internal', message: `${name}: ${message}` })
      }
      return unwrapReply(reply)
    }
  }
  return Object.freeze(api) as unknown as GlossApi
}

/** Sends a request on one of the shell's own channels; resolves with its raw `{ ok, … }` reply. */
export type ShellInvoke = (channel: string, ...args: unknown[]) => Promise<unknown>

/**
 * The ShellBridge's save and backup methods. Each resolves with the saved file, or null when
 * the user cancelled the dialog; rejects with plain GlossErrorData.
 */
export function createShellMethods(
  invoke: ShellInvoke,
  channels: { saveExport: string; backup: string },
): {
  saveExport(request: SaveExportRequest): Promise<SavedFile | null>
  backupNotebook(): Promise<SavedFile | null>
} {
  const call = async (what: string, channel: string, ...args: unknown[]) => {
    let reply: unknown
    try {
      reply = await invoke(channel, ...args)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw plainError({ code: 'internal', message: `${what}: ${message}` })
    }
    return unwrapReply(reply) as SavedFile | null
  }
  return {
    saveExport: (request) => call('saveExport', channels.saveExport, request),
    backupNotebook: () => call('backupNotebook', channels.backup),
  }
}

const SHELL_EVENT_TYPES = new Set<ShellEvent['type']>(['command', 'imported', 'import-failed', 'theme'])

export function isShellEvent(value: unknown): value is ShellEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    SHELL_EVENT_TYPES.has((value as { type?: unknown }).type as ShellEvent['type'])
  )
}
