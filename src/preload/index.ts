/**
 * Preload (sandboxed, context-isolated). Exposes exactly two objects to the page:
 *   window.gloss      — one async function per contract operation
 *   window.glossShell — the ShellBridge (events from the menu, native imports, save dialogs
 *                       for exports and backups)
 * Nothing of ipcRenderer itself crosses the bridge.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { OperationName } from '../shared/contract'
import {
  IPC_BACKUP_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SAVE_EXPORT_CHANNEL,
  type ShellBridge,
  type ShellEvent,
} from '../shared/shell'
import { createGlossApi, createShellMethods, isShellEvent } from './api'

/**
 * The contract's operation names, inlined at build time by electron.vite.config.ts: the
 * contract module pulls in zod, and a sandboxed preload cannot require() packages.
 */
declare const __GLOSS_OPERATION_NAMES__: readonly OperationName[]

const gloss = createGlossApi(
  (name, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input),
  __GLOSS_OPERATION_NAMES__,
)

const { saveExport, backupNotebook } = createShellMethods(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  { saveExport: IPC_SAVE_EXPORT_CHANNEL, backup: IPC_BACKUP_CHANNEL },
)

const glossShell: ShellBridge = Object.freeze({
  kind: 'electron' as const,
  platform: process.platform,
  onEvent(listener: (event: ShellEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('glossShell.onEvent needs a function')
    const handler = (_event: IpcRendererEvent, payload: unknown) => {
      if (isShellEvent(payload)) listener(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  },
  pathForFile(file: File): string {
    try {
      return webUtils.getPathForFile(file)
    } catch {
      return '' // not a File
    }
  },
  saveExport,
  backupNotebook,
})

contextBridge.exposeInMainWorld('gloss', gloss)
contextBridge.exposeInMainWorld('glossShell', glossShell)
