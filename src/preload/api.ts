/**
 * The preload's bridge objects, built without touching Electron so they can be unit
 * tested: `window.gloss` (one async function per contract operation), the shell's calls and
 * the filter on events pushed by the main process, both from the lists in shared/shell.ts.
 */
import type { GlossApi, OperationName } from '../shared/contract'
import { isGlossErrorData, type GlossErrorData } from '../shared/errors'
import {
  parseShellEvent,
  shellCallNames,
  shellCalls,
  type ShellCallMethods,
  type ShellEvent,
} from '../shared/shell'

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
 * One method per call in `shellCalls`, each on its own channel: resolves with the call's
 * output (checked against its schema), rejects with plain GlossErrorData. Main validates the
 * request where it arrives.
 */
export function createShellMethods(invoke: ShellInvoke): ShellCallMethods {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
  for (const name of shellCallNames) {
    const { channel, output } = shellCalls[name]
    methods[name] = async (...args: unknown[]) => {
      let reply: unknown
      try {
        // the one request, if the call takes one; nothing else crosses
        reply = await invoke(channel, ...args.slice(0, 1))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        throw plainError({ code: 'internal', message: `${name}: ${message}` })
      }
      const checked = output.safeParse(unwrapReply(reply))
      if (!checked.success)
        throw plainError({ code: 'internal', message: `${name}: Gloss received an unreadable reply.` })
      return checked.data
    }
  }
  return Object.freeze(methods) as unknown as ShellCallMethods
}

/**
 * Wraps a page's listener: it gets only the events `shellEvents` lists, each checked against
 * its schema. Anything else is dropped, with a warning so a missing entry shows.
 */
export function shellEventListener(
  listener: (event: ShellEvent) => void,
  warn: (message: string) => void = console.warn,
): (payload: unknown) => void {
  return (payload) => {
    const event = parseShellEvent(payload)
    if (event) return listener(event)
    const type = (payload as { type?: unknown } | null)?.type
    warn(`Gloss: dropped a shell event the bridge does not list or that does not match it: ${String(type)}`)
  }
}
