/**
 * The IPC reply format and the checks every invoke goes through before the notebook
 * sees it. Pure: no Electron import (the handler in ipc.ts adds the sender check).
 */
import { isOperationName, type OperationName } from '../shared/contract'
import { parseInput } from '../shared/dispatch'
import { GlossError, toErrorData, type GlossErrorData } from '../shared/errors'

/** Errors travel as data: Electron keeps only the message of a thrown Error. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: GlossErrorData }

export type NotebookDispatch = (name: OperationName, input: unknown) => Promise<unknown>

/** Name known, input valid per the contract, then forwarded; any failure becomes `{ ok: false }`. */
export async function invokeOperation(
  name: unknown,
  input: unknown,
  dispatch: NotebookDispatch,
): Promise<InvokeReply> {
  try {
    if (!isOperationName(name)) {
      throw new GlossError('invalid_input', `Unknown operation ${JSON.stringify(String(name))}`, 'operation')
    }
    const parsed = parseInput(name, input)
    return { ok: true, value: await dispatch(name, parsed) }
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
