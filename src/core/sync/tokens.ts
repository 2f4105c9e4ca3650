/**
 * Who may sync which notebook. The server keeps one secret; a notebook's token is
 * `<notebook>.<HMAC-SHA256(secret, notebook)>`, so the server checks it without storing tokens,
 * and a token opens its own notebook's documents only (a colleague given it shares that notebook).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { GlossError } from '../../shared/errors'

const NOTEBOOK_NAME = /^[A-Za-z0-9_-]{1,64}$/

const signature = (secret: string, notebook: string) =>
  createHmac('sha256', secret).update(`gloss-sync:${notebook}`).digest('base64url')

export function checkNotebookName(name: string, field = 'notebook'): string {
  if (!NOTEBOOK_NAME.test(name))
    throw new GlossError(
      'invalid_input',
      `${field} "${name}" must be 1–64 letters, digits, "-" or "_"`,
      field,
    )
  return name
}

export function notebookToken(secret: string, notebook: string): string {
  return `${checkNotebookName(notebook)}.${signature(secret, notebook)}`
}

/** The notebook a token names (null when it is not a token's shape). */
export function notebookOfToken(token: string): string | null {
  const dot = token.lastIndexOf('.')
  const name = dot > 0 ? token.slice(0, dot) : ''
  return NOTEBOOK_NAME.test(name) ? name : null
}

/** The notebook's own document and each note body's: `<notebook>` and `<notebook>/note/<id>`. */
export const notebookDocName = (notebook: string) => notebook
export const noteDocName = (notebook: string, noteId: string) => `${notebook}/note/${noteId}`
export const notebookOfDoc = (docName: string) => docName.split('/')[0]!

/** Does the token open this document? Constant-time on the signature. */
export function tokenOpens(secret: string, token: string, docName: string): boolean {
  const notebook = notebookOfToken(token)
  if (!notebook || notebook !== notebookOfDoc(docName)) return false
  const given = Buffer.from(token.slice(notebook.length + 1))
  const expected = Buffer.from(signature(secret, notebook))
  return given.length === expected.length && timingSafeEqual(given, expected)
}
