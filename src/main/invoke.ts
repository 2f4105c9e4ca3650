/**
 * The IPC reply format and the check every invoke goes through before the notebook sees
 * it. Pure: no Electron import (the handler in ipc.ts adds the sender check).
 *
 * The input is validated once, by the notebook worker's dispatcher (shared/dispatch.ts),
 * which every shell reaches: it is not parsed here as well. The name is checked here
 * because the worker also takes a message of its own ('__close') that the page must never send.
 */
import type { OperationName } from '../shared/contract'
import { assertOperationName } from '../shared/dispatch'
import { toErrorData, type GlossErrorData } from '../shared/errors'

/** Errors travel as data: Electron keeps only the message of a thrown Error. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: GlossErrorData }

export type NotebookDispatch = (name: OperationName, input: unknown) => Promise<unknown>

/** A contract operation's name, then forwarded as sent; any failure becomes `{ ok: false }`. */
export async function invokeOperation(
  name: unknown,
  input: unknown,
  dispatch: NotebookDispatch,
): Promise<InvokeReply> {
  try {
    assertOperationName(name)
    return { ok: true, value: await dispatch(name, input) }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}

export const REFUSED_SENDER: InvokeReply = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'internal',
    message: 'Refused: this request did not come from the Gloss window.',
  }),
}) as InvokeReply
