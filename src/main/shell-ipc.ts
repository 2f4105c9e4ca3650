/**
 * The shell's calls besides the contract (`shellCalls` in shared/shell.ts), one channel each:
 * export where the user chooses (native save dialog, then the notebook worker writes the file;
 * a PDF is printed here with printToPDF), and back up the notebook. Same sender check as the
 * contract's channel: our window's main frame, our page, only. Each request is validated
 * here, where it enters.
 */
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session, type Session } from 'electron'
import { writeFileAtomic } from '../core/store/files'
import type { InputOf, OperationName, OutputOf } from '../shared/contract'
import type { ImportResult } from '../shared/model'
import { GlossError, toErrorData } from '../shared/errors'
import {
  parseShellCallInput,
  shellCallNames,
  shellCalls,
  type ImportOutcome,
  type SaveExportRequest,
  type SavedFile,
  type ShellCallInput,
  type ShellCallName,
  type ShellCallOutput,
} from '../shared/shell'
import { invokeOperation, REFUSED_SENDER, type InvokeReply, type NotebookDispatch } from './invoke'
import { isTrustedSender } from './ipc'
import { APP_SCHEME } from './constants'
import { PrintPages } from './print-pages'
import {
  backupFileName,
  backupTargetProblem,
  exportCall,
  exportDialog,
  saveDialogFilters,
  type SaveDialog,
} from './saving'

export interface ShellHandlerOptions {
  mainWindow: () => BrowserWindow | null
  devOrigin: string | null
  dispatch: NotebookDispatch
  dbPath: string
}

const PRINT_TIMEOUT_MS = 60_000
const PDF_PARTITION = 'gloss-pdf' // no "persist:": in memory only

/** The folder the last save went to, so the next dialog opens there. */
let lastFolder: string | null = null

function startFolder(): string {
  if (lastFolder) return lastFolder
  try {
    return app.getPath('documents')
  } catch {
    return homedir()
  }
}

async function askWhereToSave(win: BrowserWindow | null, options: SaveDialog): Promise<string | null> {
  const withDefaults: Electron.SaveDialogOptions = {
    ...options,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const result = win
    ? await dialog.showSaveDialog(win, withDefaults)
    : await dialog.showSaveDialog(withDefaults)
  if (result.canceled || !result.filePath) return null
  lastFolder = dirname(result.filePath)
  return result.filePath
}

/* ---------- PDF ---------- */

const printPages = new PrintPages()
let pdfSession: Session | null = null

/**
 * An in-memory session for printing: no permissions; its own app:// handler serves only the
 * pages being printed (from memory, see print-pages.ts), and every other request is cancelled.
 */
function printingSession(): Session {
  if (pdfSession) return pdfSession
  const ses = session.fromPartition(PDF_PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.protocol.handle(APP_SCHEME, (request) => printPages.respond(request))
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printPages.has(details.url) }))
  pdfSession = ses
  return ses
}

/** Print the HTML export to PDF in a hidden window that runs no script and loads nothing else. */
async function printPdf(html: string): Promise<Buffer> {
  const url = printPages.add(html)
  let win: BrowserWindow | null = null
  let timer: NodeJS.Timeout | undefined
  try {
    win = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: printingSession(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    })
    const printing = (async () => {
      await win.loadURL(url)
      return win.webContents.printToPDF({ printBackground: true })
    })()
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new GlossError('internal', 'Making the PDF took too long; try again.')),
        PRINT_TIMEOUT_MS,
      )
    })
    return await Promise.race([printing, timeout])
  } finally {
    if (timer) clearTimeout(timer)
    printPages.remove(url)
    if (win && !win.isDestroyed()) win.destroy()
  }
}

/* ---------- handlers ---------- */

/** A contract operation, run by the notebook worker; its failure thrown as a GlossError. */
async function run<K extends OperationName>(
  name: K,
  input: InputOf<K>,
  dispatch: NotebookDispatch,
): Promise<OutputOf<K>> {
  const reply = await invokeOperation(name, input, dispatch)
  if (!reply.ok) throw GlossError.from(reply.error)
  return reply.value as OutputOf<K>
}

async function saveExport(
  request: SaveExportRequest,
  options: ShellHandlerOptions,
): Promise<SavedFile | null> {
  const path = await askWhereToSave(options.mainWindow(), exportDialog(request, startFolder()))
  if (path === null) return null
  const call = exportCall(request, path)
  if (call.name === 'renderExport') {
    const page = await run('renderExport', call.input, options.dispatch)
    // the user confirmed any overwrite in the save dialog
    const written = writeFileAtomic(path, await printPdf(page.content), { force: true })
    return { path: written.path, bytes: written.bytes }
  }
  try {
    const written = await run('export', call.input, options.dispatch)
    return { path: written.path, bytes: written.bytes }
  } catch (error) {
    if (error instanceof GlossError && error.code === 'file_exists' && !call.input.force)
      throw new GlossError('file_exists', `“${path}” already exists; export to a new folder name.`, 'path')
    throw error
  }
}

async function backupNotebook(options: ShellHandlerOptions): Promise<SavedFile | null> {
  const path = await askWhereToSave(options.mainWindow(), {
    title: 'Back up notebook',
    buttonLabel: 'Back Up',
    defaultPath: join(startFolder(), backupFileName()),
    filters: saveDialogFilters('backup.db', 'Gloss notebook backup'),
  })
  if (path === null) return null
  const problem = backupTargetProblem(path, options.dbPath)
  if (problem) throw new GlossError('invalid_input', problem, 'path')
  const result = await run('backupNotebook', { path, force: true }, options.dispatch)
  return { path: result.path, bytes: result.bytes }
}

/** Each dropped or picked file, imported by the notebook worker; a failure is that file's outcome. */
async function importDropped(paths: string[], options: ShellHandlerOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const path of paths) {
    const reply = await invokeOperation('importFile', { path }, options.dispatch)
    outcomes.push(
      reply.ok
        ? { ok: true, result: reply.value as ImportResult }
        : { ok: false, file: basename(path), message: reply.error.message },
    )
  }
  return outcomes
}

/** One handler per call of the list: a missing one is a compile error. Requests arrive checked. */
const handlers: {
  [K in ShellCallName]: (
    request: ShellCallInput<K>,
    options: ShellHandlerOptions,
  ) => Promise<ShellCallOutput<K>>
} = {
  saveExport: (request, options) => saveExport(request, options),
  importDropped: (request, options) => importDropped(request.paths, options),
  backupNotebook: (_none, options) => backupNotebook(options),
}

async function reply(work: () => Promise<unknown>): Promise<InvokeReply> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}

export function registerShellHandlers(options: ShellHandlerOptions): void {
  for (const name of shellCallNames) {
    const handle = handlers[name] as (request: unknown, options: ShellHandlerOptions) => Promise<unknown>
    ipcMain.handle(shellCalls[name].channel, (event, raw: unknown) => {
      if (!isTrustedSender(event, options.mainWindow(), options.devOrigin)) {
        console.warn(`Gloss: refused ${name} from ${event.senderFrame?.url ?? 'an unknown frame'}`)
        return REFUSED_SENDER
      }
      return reply(() => handle(parseShellCallInput(name, raw), options))
    })
  }
}
