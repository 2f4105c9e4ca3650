/** The single invoke channel: every contract operation, from our window's main frame only. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE_CHANNEL } from '../shared/shell'
import {
  invokeOperation,
  REFUSED_SENDER,
  refusePathFromPage,
  type InvokeReply,
  type NotebookDispatch,
} from './invoke'
import { isTrustedRendererUrl } from './urls'

export interface InvokeHandlerOptions {
  mainWindow: () => BrowserWindow | null
  devOrigin: string | null
  dispatch: NotebookDispatch
}

/** True only for the main frame of the main window, showing our own page. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  win: BrowserWindow | null,
  devOrigin: string | null,
): boolean {
  const frame = event.senderFrame
  if (!win || win.isDestroyed() || !frame || frame.isDestroyed()) return false
  if (event.sender.id !== win.webContents.id) return false
  const main = win.webContents.mainFrame
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId)
    return false
  return isTrustedRendererUrl(frame.url, devOrigin)
}

export function registerInvokeHandler(options: InvokeHandlerOptions): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<InvokeReply> => {
    if (!isTrustedSender(event, options.mainWindow(), options.devOrigin)) {
      console.warn(`Gloss: refused ${String(name)} from ${event.senderFrame?.url ?? 'an unknown frame'}`)
      return REFUSED_SENDER
    }
    return refusePathFromPage(name, input) ?? invokeOperation(name, input, options.dispatch)
  })
}
