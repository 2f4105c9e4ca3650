/**
 * The native menu's template: roles, accelerators, and commands pushed to the page as
 * ShellEvents. Only type imports from Electron, so it is unit-tested in Node.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { ShellCommand } from '../shared/shell'
import type { ThemeSource } from './preferences'

export interface MenuActions {
  importFiles(): void
  restoreBackup(): void
  command(command: ShellCommand): void
  setTheme(theme: ThemeSource): void
  about(): void
}

export interface MenuOptions {
  appName: string
  theme: ThemeSource
  /** reload and developer tools: only when not packaged */
  developer: boolean
  platform: NodeJS.Platform
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const command = (label: string, name: ShellCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(name),
  })
  const theme = (label: string, source: ThemeSource): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: options.theme === source,
    click: () => actions.setTheme(source),
  })
  const about: MenuItemConstructorOptions = {
    label: `About ${options.appName}`,
    click: () => actions.about(),
  }

  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        command('New Note', 'new-note', 'CmdOrCtrl+N'),
        { type: 'separator' },
        command('Export…', 'export'),
        command('Back Up…', 'backup'),
        { label: 'Restore from Backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Off macOS the page handles Ctrl+Z / Ctrl+Shift+Z itself: text fields natively, the
        // notebook's own undo (a deleted excerpt…) everywhere else. A registered accelerator
        // could take the keystroke before the page sees it, so it is only shown here.
        { role: 'undo', ...(mac ? {} : { registerAccelerator: false }) },
        { role: 'redo', ...(mac ? {} : { registerAccelerator: false }) },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Theme',
          submenu: [theme('System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')],
        },
        { type: 'separator' },
        command('Toggle Library', 'toggle-library', 'CmdOrCtrl+1'),
        command('Toggle Excerpts', 'toggle-excerpts', 'CmdOrCtrl+2'),
        command('Command Palette…', 'command-palette', 'CmdOrCtrl+K'),
        command('Search…', 'search', 'CmdOrCtrl+Shift+F'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.developer
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
            ] as const)
          : []),
      ],
    },
  )
  if (mac) template.push({ role: 'windowMenu' })
  template.push({ label: '&Help', role: 'help', submenu: [about] })
  return template
}
