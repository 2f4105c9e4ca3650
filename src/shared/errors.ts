/**
 * The one error type that crosses every boundary (IPC, HTTP, CLI). It is plain data
 * so it survives structured clone and JSON; `code` lets the UI choose words, `message`
 * is already written for a person and names the input and the reason.
 */
export type GlossErrorCode =
  | 'invalid_input' // a field failed validation; `field` names it
  | 'not_found'
  | 'conflict' // e.g. a tag name already taken
  | 'bad_file' // import refused: empty, binary, invalid UTF-8, too big, unsupported, unreadable
  | 'quote_not_found'
  | 'quote_ambiguous'
  | 'future_schema' // database written by a newer Gloss
  | 'file_exists'
  | 'locked' // another Gloss held the notebook's write lock for longer than Gloss waits
  | 'disk_full' // nothing was saved: the disk (or the notebook's size cap) is full
  | 'read_only' // the notebook is open read-only, or its disk refused a write
  | 'corrupt' // the notebook file is damaged; the message names the newest good backup
  | 'internal'

export interface GlossErrorData {
  code: GlossErrorCode
  message: string
  field?: string
}

export class GlossError extends Error implements GlossErrorData {
  readonly code: GlossErrorCode
  readonly field?: string

  constructor(code: GlossErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'GlossError'
    this.code = code
    if (field !== undefined) this.field = field
  }

  toJSON(): GlossErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }

  static from(data: GlossErrorData): GlossError {
    return new GlossError(data.code, data.message, data.field)
  }
}

export function isGlossErrorData(value: unknown): value is GlossErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as GlossErrorData).code === 'string' &&
    typeof (value as GlossErrorData).message === 'string'
  )
}

/** Any thrown value as GlossErrorData; unknown errors become `internal` with their message kept. */
export function toErrorData(error: unknown): GlossErrorData {
  if (error instanceof GlossError) return error.toJSON()
  if (isGlossErrorData(error)) return { code: error.code, message: error.message, field: error.field }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message }
}
