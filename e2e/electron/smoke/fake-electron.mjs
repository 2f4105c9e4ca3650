/**
 * Just enough of Electron's main-process API, recorded, to run the built
 * out/main/index.js in plain Node (see main-smoke.mjs). Not a simulation of Electron:
 * no pages, no real IPC — only the calls the shell makes, so its wiring can be checked
 * where the Electron binary cannot be downloaded.
 */
import { EventEmitter } from 'node:events'

export const log = []
const record = (what, detail) => log.push([what, detail])

export class FakeEvent {
  constructor(extra = {}) {
    Object.assign(this, extra)
    this.defaultPrevented = false
  }
  preventDefault() {
    this.defaultPrevented = true
  }
}

const paths = { userData: process.env.FAKE_USER_DATA }
let ready = false
let resolveReady
const readyPromise = new Promise((resolve) => (resolveReady = resolve))
const windows = []

class App extends EventEmitter {
  isPackaged = false
  quitting = false
  getPath(name) {
    return paths[name]
  }
  setPath(name, value) {
    paths[name] = value
  }
  getAppPath() {
    return process.env.FAKE_APP_PATH
  }
  getVersion() {
    return '0.0.0-smoke'
  }
  getName() {
    return 'Gloss'
  }
  requestSingleInstanceLock(data) {
    record('lock', data)
    return process.env.FAKE_LOCK !== 'taken'
  }
  whenReady() {
    return readyPromise
  }
  isReady() {
    return ready
  }
  setAppUserModelId() {}
  /** test control: the 'ready' event */
  fireReady() {
    ready = true
    this.emit('ready')
    resolveReady()
  }
  quit() {
    record('quit')
    const before = new FakeEvent()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    this.quitting = true
    for (const win of BrowserWindow.getAllWindows()) win.close()
    const will = new FakeEvent()
    this.emit('will-quit', will)
    if (will.defaultPrevented) return
    record('exited', 0)
  }
  exit(code) {
    record('exit', code)
  }
}
export const app = new App()

let nextId = 1
class WebContents extends EventEmitter {
  constructor() {
    super()
    this.id = nextId++
    this.sent = []
    this.mainFrame = { processId: 7, routingId: 9, parent: null, url: '', isDestroyed: () => false }
    this.openHandler = null
  }
  send(channel, payload) {
    this.sent.push([channel, payload])
  }
  isDestroyed() {
    return false
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((win) => !win.destroyed)
  }
  constructor(options) {
    super()
    this.options = options
    this.destroyed = false
    this.webContents = new WebContents()
    this.bounds = { x: options.x ?? 10, y: options.y ?? 20, width: options.width, height: options.height }
    windows.push(this)
    app.emit('web-contents-created', new FakeEvent(), this.webContents)
  }
  /** "loads" through the registered protocol handler, then reports the page ready */
  async loadURL(url) {
    this.webContents.mainFrame.url = url
    const handler = session.defaultSession.protocol.handlers.get(new URL(url).protocol.slice(0, -1))
    if (handler) record('load-status', (await handler(new Request(url))).status)
    setTimeout(() => {
      this.emit('ready-to-show')
      this.webContents.emit('did-finish-load')
    }, 10)
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  restore() {}
  maximize() {}
  show() {}
  focus() {
    record('focus')
  }
  getNormalBounds() {
    return this.bounds
  }
  close() {
    const event = new FakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.emit('closed')
    // like Electron: not emitted while quitting
    if (BrowserWindow.getAllWindows().length === 0 && !app.quitting) app.emit('window-all-closed')
  }
}

export const ipcMain = {
  handlers: new Map(),
  handle(channel, handler) {
    this.handlers.set(channel, handler)
  },
}
export const Menu = {
  current: null,
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    this.current = menu
  },
}
export const nativeTheme = Object.assign(new EventEmitter(), {
  themeSource: 'system',
  shouldUseDarkColors: false,
})
export const protocol = {
  privileged: null,
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('registerSchemesAsPrivileged after ready')
    this.privileged = schemes
  },
}
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
export const session = {
  defaultSession: {
    protocol: {
      handlers: new Map(),
      handle(scheme, handler) {
        this.handlers.set(scheme, handler)
      },
    },
    webRequest: {
      onHeadersReceived(listener) {
        this.headersReceived = listener
      },
    },
    setPermissionRequestHandler(handler) {
      this.permissionRequest = handler
    },
    setPermissionCheckHandler(handler) {
      this.permissionCheck = handler
    },
    setDevicePermissionHandler(handler) {
      this.devicePermission = handler
    },
  },
}
export const dialog = {
  nextFiles: [],
  async showOpenDialog() {
    return { canceled: false, filePaths: this.nextFiles }
  },
  async showMessageBox(...args) {
    record('message-box', args.at(-1))
    return { response: 0 }
  },
  showErrorBox(title, text) {
    record('error-box', [title, text])
  },
}
export const shell = {
  async openExternal(url) {
    record('openExternal', url)
  },
}
export default { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, screen, session, dialog, shell }
