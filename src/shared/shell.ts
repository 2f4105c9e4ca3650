/**
 * The shell bridge's contract. Besides the operations (contract.ts), the desktop shell pushes
 * events to the UI (menu commands, files opened natively, a restore) and offers calls of its
 * own (native save dialogs). Both are listed here once, each with a zod schema: the preload
 * lets through exactly these events and these calls, main validates each call's request, and
 * the renderer's handler map is typed from the same list (a missing handler is a compile
 * error). The web shell has none of this; the UI must work without it.
 */
import { z } from 'zod'
import { contract } from './contract'
import { GlossError } from './errors'
import { supportsScope } from './exportFormats'
import type { ImportResult } from './model'

export const SHELL_COMMANDS = [
  'import',
  'export',
  'backup',
  'toggle-library',
  'toggle-excerpts',
  'command-palette',
  'search',
  'new-note',
] as const
export type ShellCommand = (typeof SHELL_COMMANDS)[number]

/** The parts of an ImportResult the UI reads; the rest is passed through as sent. */
const importResultShape = z.looseObject({
  article: z.looseObject({ id: z.string(), title: z.string() }),
  duplicate: z.boolean(),
  message: z.string(),
})
const importResult = z.custom<ImportResult>((value) => importResultShape.safeParse(value).success)

/** Events from the main process to the page, by `type`; each schema is the rest of the event. */
export const shellEvents = {
  command: {
    payload: z.object({ command: z.enum(SHELL_COMMANDS) }),
    summary: 'A menu item or its accelerator was chosen',
  },
  imported: {
    payload: z.object({ results: z.array(importResult) }),
    summary: 'Files opened natively (File › Import, the Dock, a second launch) were imported',
  },
  'import-failed': {
    payload: z.object({ message: z.string() }),
    summary: 'Files opened natively, or a restore, failed; the message says why',
  },
  restored: {
    payload: z.object({ message: z.string() }),
    summary: 'The notebook was replaced from a backup: everything shown is stale',
  },
  theme: {
    payload: z.object({ theme: z.enum(['light', 'dark']) }),
    summary: 'The system or the View menu changed the colour scheme',
  },
} as const satisfies Record<string, { payload: z.ZodObject; summary: string }>

type Events = typeof shellEvents
export type ShellEventType = keyof Events
export type ShellEventOf<K extends ShellEventType> = { type: K } & z.output<Events[K]['payload']>
export type ShellEvent = { [K in ShellEventType]: ShellEventOf<K> }[ShellEventType]
/** What the renderer implements: one handler per event type. */
export type ShellEventHandlers = { [K in ShellEventType]: (event: ShellEventOf<K>) => void }

export const shellEventTypes = Object.freeze(Object.keys(shellEvents) as ShellEventType[])

const eventSchemas = new Map<string, z.ZodType>(
  shellEventTypes.map((type) => [
    type,
    shellEvents[type].payload.extend({ type: z.literal(type) }).strict() as z.ZodType,
  ]),
)

/** The event, checked against its schema; null for anything the list does not describe. */
export function parseShellEvent(value: unknown): ShellEvent | null {
  if (typeof value !== 'object' || value === null) return null
  const type = (value as { type?: unknown }).type
  const schema = typeof type === 'string' ? eventSchemas.get(type) : undefined
  const result = schema?.safeParse(value)
  return result?.success ? (result.data as ShellEvent) : null
}

/** Hands the event to its handler. */
export function handleShellEvent(handlers: ShellEventHandlers, event: ShellEvent): void {
  ;(handlers[event.type] as (event: ShellEvent) => void)(event)
}

/* ---------- calls ---------- */

const MAX_NAME_LENGTH = 255

/**
 * A plain file name: not empty, no folder part (/ or \\), not . or .., no control
 * characters (NUL included). Other characters a file system refuses are replaced later
 * (main's `safeFileName`), not refused: a note may be titled "Q&A: why?".
 */
const plainFileName = z
  .string()
  .min(1, 'the file name is empty')
  .max(MAX_NAME_LENGTH, `the file name is longer than ${MAX_NAME_LENGTH} characters`)
  .refine((name) => !/[/\\]/.test(name), 'the file name must not contain / or \\')
  .refine((name) => name.trim() !== '.' && name.trim() !== '..', 'the file name must not be . or ..')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'the file name contains control characters')

/**
 * What to export; main asks where, then the notebook writes it there (the contract's `export`),
 * so the export itself never crosses to the page and back. The scope and format are the
 * contract's own.
 */
const saveExportRequest = z
  .object({
    scope: contract.export.input.shape.scope,
    format: contract.export.input.shape.format,
    /** the save dialog's default: the export's suggested file (or folder) name */
    suggestedName: plainFileName,
  })
  .strict()
  .refine((v) => supportsScope(v.format, v.scope.kind), {
    message: 'this format is not made for this scope',
    path: ['format'],
  })

/**
 * Files the person dropped on the window or picked: the preload takes each path from its File
 * (webUtils), so the page itself never names a path on disk (main refuses operations that do).
 */
const droppedFiles = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(200) }).strict()
const importOutcome = z.union([
  z.object({ ok: z.literal(true), result: importResult }).strict(),
  z.object({ ok: z.literal(false), file: z.string(), message: z.string() }).strict(),
])

const savedFile = z.object({ path: z.string(), bytes: z.number().int().nonnegative() }).strict().nullable()

/**
 * Calls from the page to the desktop shell, each on its own IPC channel. `input` is the one
 * argument (z.undefined(): none); `output` is what the call resolves with.
 */
export const shellCalls = {
  saveExport: {
    channel: 'gloss:save-export',
    input: saveExportRequest,
    output: savedFile,
    summary:
      'Ask where to save an export (native save dialog); the notebook writes it there (a PDF is printed by the shell). Null when cancelled',
  },
  importDropped: {
    channel: 'gloss:import-dropped',
    input: droppedFiles,
    output: z.array(importOutcome),
    summary:
      'Import files dropped or picked in the window, by the paths the preload read from them; one outcome per file',
  },
  backupNotebook: {
    channel: 'gloss:backup',
    input: z.undefined(),
    output: savedFile,
    summary: 'Ask where to put a copy of the notebook database and make it. Null when cancelled',
  },
} as const satisfies Record<string, { channel: string; input: z.ZodType; output: z.ZodType; summary: string }>

type Calls = typeof shellCalls
export type ShellCallName = keyof Calls
export type ShellCallInput<K extends ShellCallName> = z.input<Calls[K]['input']>
export type ShellCallOutput<K extends ShellCallName> = z.output<Calls[K]['output']>
/** One method per call: no argument when the call takes none. Rejects with GlossErrorData. */
export type ShellCallMethods = {
  [K in ShellCallName]: undefined extends ShellCallInput<K>
    ? () => Promise<ShellCallOutput<K>>
    : (request: ShellCallInput<K>) => Promise<ShellCallOutput<K>>
}

export const shellCallNames = Object.freeze(Object.keys(shellCalls) as ShellCallName[])

export type SaveExportRequest = ShellCallInput<'saveExport'>
export type SavedFile = NonNullable<ShellCallOutput<'saveExport'>>

/** A call's request, checked where it enters the main process; throws a GlossError naming the field. */
export function parseShellCallInput<K extends ShellCallName>(name: K, raw: unknown): ShellCallInput<K> {
  const result = (shellCalls[name].input as z.ZodType).safeParse(raw)
  if (result.success) return result.data as ShellCallInput<K>
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.') || '(input)'
  throw new GlossError('invalid_input', `${name}: ${field}: ${issue.message}`, field)
}

export type ImportOutcome = ShellCallOutput<'importDropped'>[number]

/** The bridge the page sees: every call but importDropped, which it reaches through importFiles. */
export interface ShellBridge extends Omit<ShellCallMethods, 'importDropped'> {
  /** 'electron' in the desktop app */
  kind: 'electron'
  platform: string
  /** subscribe; returns an unsubscribe function */
  onEvent(listener: (event: ShellEvent) => void): () => void
  /**
   * Imports the files that are on disk (dropped or picked: their paths come from the Files
   * themselves, webUtils.getPathForFile); `rest` are the ones with no path, for the page to
   * send by content.
   */
  importFiles(files: File[]): Promise<{ outcomes: ImportOutcome[]; rest: File[] }>
}

/** Channel names used by the Electron shell (the calls' are in shellCalls). */
export const IPC_INVOKE_CHANNEL = 'gloss:invoke'
export const IPC_EVENT_CHANNEL = 'gloss:event'
