import type { BrowserWindow } from 'electron'
import { IPC_EVENT_CHANNEL, type ShellEvent } from '../shared/shell'

/** Push a ShellEvent to the window's page (main frame only); dropped when there is no page. */
export function sendShellEvent(win: BrowserWindow | null | undefined, event: ShellEvent): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return
  win.webContents.send(IPC_EVENT_CHANNEL, event)
}
