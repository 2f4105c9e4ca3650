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

/**
 * Operations whose input names a file on this computer, with the field that does. The desktop
 * page may not send them: its paths come from main's dialogs and from the Files the person
 * dropped (shared/shell.ts importDropped), so a page that went wrong cannot read or write
 * arbitrary files through the notebook. Main's own menus still call them.
 */
const PATH_FIELDS: Partial<Record<OperationName, string>> = {
  importFile: 'path',
  importNotebook: 'path',
  export: 'path',
  backupNotebook: 'path',
  restoreNotebook: 'path',
}

/** The refusal for a page request that names a path, or null when the request names none. */
export function refusePathFromPage(name: unknown, input: unknown): InvokeReply | null {
  const field = typeof name === 'string' ? PATH_FIELDS[name as OperationName] : undefined
  if (field === undefined) return null
  const value =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined
  if (value === undefined) return null
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      message: `${name}: the desktop window may not name a file on disk; use the File menu or drop the file, and Gloss asks where.`,
      field,
    },
  }
}

export const REFUSED_SENDER: InvokeReply = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'internal',
    message: 'Refused: this request did not come from the Gloss window.',
  }),
}) as InvokeReply
