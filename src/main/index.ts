/**
 * Gloss desktop shell, main process. Wires the pieces: the notebook worker, the app://
 * protocol, security guards, the IPC bridge, the menu, the window and the
 * single-instance hand-over of files.
 */
import { basename, dirname, join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, nativeTheme, session } from 'electron'
import { defaultDbPath } from '../core/paths'
import { toErrorData } from '../shared/errors'
import type { RestoreResult } from '../shared/model'
import iconPath from '../../resources/icons/512x512.png?asset'
import { aboutDetail } from './about'
import { importablePathsFromArgv, type LaunchData } from './args'
import { APP_ENTRY_URL, APP_ID, IMPORT_EXTENSIONS, SAMPLE_FILE } from './constants'
import { sendShellEvent } from './shellEvents'
import { importFiles } from './importing'
import { invokeOperation } from './invoke'
import { registerInvokeHandler } from './ipc'
import { installMenu, type MenuActions } from './menu'
import { NotebookConnection } from './notebookConnection'
import { loadPreferences, savePreferences, type Preferences, type ThemeSource } from './preferences'
import { registerAppScheme, serveRenderer } from './appScheme'
import { guardWebContents, hardenSession } from './security'
import { registerShellHandlers } from './shell-ipc'
import { acquireSingleInstanceLock } from './single-instance'
import { loopbackDevUrl } from './urls'
import { createMainWindow } from './window'

// Tests and portable setups may move the user-data folder; this must precede the
// single-instance lock, which is scoped to that folder.
if (process.env.GLOSS_USER_DATA) app.setPath('userData', resolve(process.env.GLOSS_USER_DATA))

let mainWindow: BrowserWindow | null = null
let notebook: NotebookConnection | null = null
/** Files named before the window could take them (argv, macOS open-file). */
const pendingImports: string[] = []

function onSecondInstance(launch: LaunchData): void {
  const paths = importablePathsFromArgv(launch.argv, launch.cwd)
  if (!app.isReady()) {
    pendingImports.push(...paths)
    return
  }
  if (!mainWindow || mainWindow.isDestroyed()) {
    // macOS keeps running without a window: open one; it imports once its page has loaded
    pendingImports.push(...paths)
    openMainWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  if (paths.length > 0) void importAndReport(paths)
}

async function importAndReport(paths: readonly string[]): Promise<void> {
  if (!notebook) return
  for (const event of await importFiles(paths, notebook.dispatch)) sendShellEvent(mainWindow, event)
}

function devRendererUrl(): URL | null {
  if (app.isPackaged) return null
  const raw = process.env.ELECTRON_RENDERER_URL
  const url = loopbackDevUrl(raw)
  if (raw && !url) console.warn(`Gloss: ignoring ELECTRON_RENDERER_URL (${raw}): not a loopback http URL`)
  return url
}

function notebookPath(): string {
  if (process.env.GLOSS_DB) return resolve(process.env.GLOSS_DB)
  // same folder as the CLI and web shell use, unless userData was moved for this run
  if (process.env.GLOSS_USER_DATA) return join(app.getPath('userData'), 'gloss.db')
  return defaultDbPath()
}

/** The sample article for a new notebook: packaged next to app.asar, else in the source tree. */
function samplePath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'samples', SAMPLE_FILE)
    : join(app.getAppPath(), 'resources', 'samples', SAMPLE_FILE)
}

let openMainWindow: () => BrowserWindow = () => {
  throw new Error('the window cannot open before the app is ready')
}

function start(): void {
  const devUrl = devRendererUrl()
  const devOrigin = devUrl?.origin ?? null
  const userData = app.getPath('userData')
  const preferencesFile = join(userData, 'preferences.json')
  let preferences: Preferences = loadPreferences(preferencesFile)

  const dbPath = notebookPath()
  const opened = new NotebookConnection(dbPath, {
    appVersion: app.getVersion(),
    samplePath: samplePath(),
    dailyBackupDir: dirname(dbPath),
  })
  notebook = opened

  pendingImports.push(...importablePathsFromArgv(process.argv, process.cwd()))
  // macOS: files dropped on the Dock icon or opened with Gloss from Finder
  app.on('open-file', (event, path) => {
    event.preventDefault()
    const paths = importablePathsFromArgv(['', path], process.cwd())
    if (app.isReady() && mainWindow && !mainWindow.isDestroyed()) void importAndReport(paths)
    else pendingImports.push(...paths)
  })

  opened.ready().catch(async (error: unknown) => {
    await app.whenReady()
    const { message } = toErrorData(error)
    dialog.showErrorBox('Gloss cannot open its notebook', `${message}\n\nDatabase: ${dbPath}`)
    app.exit(1)
  })

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devOrigin))

  openMainWindow = () => {
    const win = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      stateFile: join(userData, 'window-state.json'),
      iconPath,
    })
    mainWindow = win
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    win.webContents.once('did-finish-load', () => {
      const paths = pendingImports.splice(0)
      if (paths.length > 0)
        void opened.ready().then(
          () => importAndReport(paths),
          () => undefined,
        )
    })
    void (devUrl ? win.loadURL(devUrl.href) : win.loadURL(APP_ENTRY_URL)).catch((error: unknown) =>
      console.error('Gloss: the window failed to load:', error),
    )
    return win
  }

  const setTheme = (theme: ThemeSource) => {
    nativeTheme.themeSource = theme
    preferences = { ...preferences, theme }
    try {
      savePreferences(preferencesFile, preferences)
    } catch (error) {
      console.error('Gloss: could not save preferences:', error)
    }
  }

  const actions: MenuActions = {
    importFiles: () => void chooseAndImport(),
    restoreBackup: () => void chooseAndRestore(),
    command: (command) => sendShellEvent(mainWindow, { type: 'command', command }),
    setTheme,
    about: () => void showAbout(dbPath),
  }

  app.whenReady().then(
    () => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
      hardenSession(session.defaultSession, devOrigin)
      if (!devUrl) serveRenderer(session.defaultSession, join(import.meta.dirname, '../renderer'))
      nativeTheme.themeSource = preferences.theme
      nativeTheme.on('updated', () =>
        sendShellEvent(mainWindow, {
          type: 'theme',
          theme: nativeTheme.shouldUseDarkColors ? 'dark' : 'light',
        }),
      )
      registerInvokeHandler({ mainWindow: () => mainWindow, devOrigin, dispatch: opened.dispatch })
      registerShellHandlers({ mainWindow: () => mainWindow, devOrigin, dispatch: opened.dispatch, dbPath })
      installMenu(actions, {
        appName: app.getName(),
        theme: preferences.theme,
        developer: !app.isPackaged,
        platform: process.platform,
      })
      openMainWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
      })
    },
    (error: unknown) => console.error('Gloss: startup failed:', error),
  )

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Close the database cleanly before the process ends. will-quit comes after every
  // window has closed (their state is saved on 'close'), so nothing else needs it.
  let quitting: 'no' | 'closing' | 'closed' = 'no'
  app.on('will-quit', (event) => {
    if (quitting === 'closed') return
    event.preventDefault()
    if (quitting === 'closing') return
    quitting = 'closing'
    void opened.close().finally(() => {
      quitting = 'closed'
      app.quit()
    })
  })

  async function chooseAndImport(): Promise<void> {
    const options: Electron.OpenDialogOptions = {
      title: 'Import into Gloss',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Articles (text, Markdown, HTML, PDF, EPUB, Word)', extensions: [...IMPORT_EXTENSIONS] },
        { name: 'All files', extensions: ['*'] },
      ],
    }
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options)
    if (result.canceled || result.filePaths.length === 0) return
    for (const event of await importFiles(result.filePaths, opened.dispatch))
      sendShellEvent(mainWindow, event)
  }

  /** Restore after the user confirms; the core keeps the current notebook in backups/ first. */
  async function chooseAndRestore(): Promise<void> {
    const options: Electron.OpenDialogOptions = {
      title: 'Restore Gloss from a backup',
      buttonLabel: 'Restore…',
      properties: ['openFile'],
      filters: [{ name: 'Gloss backups', extensions: ['db', 'sqlite', 'sqlite3'] }],
    }
    const chosen = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options)
    const file = chosen.filePaths[0]
    if (chosen.canceled || !file) return
    const confirm: Electron.MessageBoxOptions = {
      type: 'warning',
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: `Replace this notebook with “${basename(file)}”?`,
      detail:
        'Everything in the notebook is replaced by the backup. The current notebook is saved to the backups folder first, so this can be undone by restoring that copy.',
    }
    const answer = mainWindow
      ? await dialog.showMessageBox(mainWindow, confirm)
      : await dialog.showMessageBox(confirm)
    if (answer.response !== 0) return
    const reply = await invokeOperation('restoreNotebook', { path: file }, opened.dispatch)
    if (!reply.ok) {
      sendShellEvent(mainWindow, { type: 'import-failed', message: reply.error.message })
      return
    }
    const result = reply.value as RestoreResult
    sendShellEvent(mainWindow, {
      type: 'restored',
      message: `Restored from “${basename(file)}”. The previous notebook was saved as ${result.safetyBackup}.`,
    })
  }
}

async function showAbout(dbPath: string): Promise<void> {
  const detail = aboutDetail(
    {
      gloss: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
    },
    dbPath,
  )
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: 'About Gloss',
    message: 'Gloss',
    detail,
    buttons: ['OK'],
    icon: iconPath,
  }
  if (mainWindow) await dialog.showMessageBox(mainWindow, options)
  else await dialog.showMessageBox(options)
}

// Last, so every module-level binding above is initialized before start() runs.
registerAppScheme()
if (!acquireSingleInstanceLock(onSecondInstance)) {
  app.quit()
} else {
  start()
}
