/** The one main window: secure web preferences and a remembered size and position. */
import { BrowserWindow, nativeTheme, screen } from 'electron'
import { initialBounds, loadWindowState, MIN_HEIGHT, MIN_WIDTH, saveWindowState } from './window-state'

export interface MainWindowOptions {
  preloadPath: string
  /** userData/window-state.json */
  stateFile: string
  /** window icon (Linux; macOS and Windows take it from the packaged app) */
  iconPath?: string
}

const SAVE_DELAY_MS = 500
const SHOW_FALLBACK_MS = 5000

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const initial = initialBounds(loadWindowState(options.stateFile), workAreas)

  const win = new BrowserWindow({
    ...(initial.x !== undefined && initial.y !== undefined
      ? { x: initial.x, y: initial.y }
      : { center: true }),
    width: initial.width,
    height: initial.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Gloss',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#ffffff',
    ...(options.iconPath && process.platform === 'linux' ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  })

  let shown = false
  const show = () => {
    if (shown || win.isDestroyed()) return
    shown = true
    if (initial.maximized) win.maximize()
    win.show()
  }
  win.once('ready-to-show', show)
  // A page that never paints (load error) must not leave an invisible app behind.
  const fallback = setTimeout(show, SHOW_FALLBACK_MS)
  win.once('closed', () => clearTimeout(fallback))

  rememberWindowState(win, options.stateFile)
  return win
}

function rememberWindowState(win: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined
  const save = () => {
    timer = undefined
    if (win.isDestroyed()) return
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (error) {
      console.error('Gloss: could not save the window position:', error)
    }
  }
  const later = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('maximize', later)
  win.on('unmaximize', later)
  win.on('close', () => {
    if (timer) clearTimeout(timer)
    save()
  })
}
