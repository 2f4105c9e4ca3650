/**
 * Preload (sandboxed, context-isolated). Exposes exactly two objects to the page:
 *   window.gloss      — one async function per contract operation
 *   window.glossShell — the ShellBridge (events from the menu, native imports, save dialogs
 *                       for exports and backups)
 * Nothing of ipcRenderer itself crosses the bridge.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { z } from 'zod'
import type { OperationName } from '../shared/contract'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ShellBridge, type ShellEvent } from '../shared/shell'
import { createGlossApi, createShellMethods, shellEventListener } from './api'

// zod is bundled in for the bridge's schemas; the page's CSP forbids eval, so keep zod from
// probing for it (a console violation otherwise), as the renderer does
z.config({ jitless: true })

/**
 * The contract's operation names, inlined at build time by electron.vite.config.ts: the
 * preload needs only the names, and importing the contract would bundle every schema.
 */
declare const __GLOSS_OPERATION_NAMES__: readonly OperationName[]

const gloss = createGlossApi(
  (name, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input),
  __GLOSS_OPERATION_NAMES__,
)

const shellMethods = createShellMethods((channel, ...args) => ipcRenderer.invoke(channel, ...args))
// importDropped takes paths, so the page reaches it only through importFiles, with Files
const { importDropped, ...otherMethods } = shellMethods

/** A dropped or picked File's path on disk; '' for one made in the page (it has none). */
function pathOf(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File)
  } catch {
    return '' // not a File
  }
}

const glossShell: ShellBridge = Object.freeze({
  kind: 'electron' as const,
  platform: process.platform,
  onEvent(listener: (event: ShellEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('glossShell.onEvent needs a function')
    const filtered = shellEventListener(listener)
    const handler = (_event: IpcRendererEvent, payload: unknown) => filtered(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  },
  async importFiles(files: File[]) {
    const onDisk: string[] = []
    const rest: File[] = []
    for (const file of Array.from(files)) {
      const path = pathOf(file)
      if (path) onDisk.push(path)
      else rest.push(file)
    }
    const outcomes = onDisk.length ? await importDropped({ paths: onDisk }) : []
    return { outcomes, rest }
  },
  ...otherMethods,
})

contextBridge.exposeInMainWorld('gloss', gloss)
contextBridge.exposeInMainWorld('glossShell', glossShell)
