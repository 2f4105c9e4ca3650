import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { menuTemplate, type MenuActions } from './menu-template'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function setup(platform: NodeJS.Platform, developer = false) {
  const actions: MenuActions = {
    importFiles: vi.fn(),
    restoreBackup: vi.fn(),
    command: vi.fn(),
    setTheme: vi.fn(),
    about: vi.fn(),
  }
  const template = menuTemplate(actions, { appName: 'Gloss', theme: 'dark', developer, platform })
  const items = flatten(template)
  const byLabel = (label: string) => items.find((item) => item.label === label)
  return { actions, template, items, byLabel }
}

describe('menuTemplate', () => {
  it('offers restoring from a backup in the File menu', () => {
    const { actions, byLabel } = setup('linux')
    const item = byLabel('Restore from Backup…')!
    ;(item.click as () => void)()
    expect(actions.restoreBackup).toHaveBeenCalledOnce()
  })

  it('has File, Edit, View and Help', () => {
    const { template } = setup('linux')
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', '&Help'])
  })

  it('sends commands with the agreed accelerators', () => {
    const { actions, byLabel } = setup('linux')
    const expected: Array<[string, string | undefined, string]> = [
      ['Toggle Library', 'CmdOrCtrl+1', 'toggle-library'],
      ['Toggle Excerpts', 'CmdOrCtrl+2', 'toggle-excerpts'],
      ['Command Palette…', 'CmdOrCtrl+K', 'command-palette'],
      ['Search…', 'CmdOrCtrl+Shift+F', 'search'],
      ['Export…', undefined, 'export'],
      ['Back Up…', undefined, 'backup'],
      ['New Note', 'CmdOrCtrl+N', 'new-note'],
    ]
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(label)!
      expect(item.accelerator).toBe(accelerator)
      ;(item.click as () => void)()
      expect(actions.command).toHaveBeenLastCalledWith(command)
    }
    const importItem = byLabel('Import…')!
    expect(importItem.accelerator).toBe('CmdOrCtrl+O')
    ;(importItem.click as () => void)()
    expect(actions.importFiles).toHaveBeenCalledOnce()
  })

  it('offers the theme as radio items with the current one checked', () => {
    const { actions, byLabel } = setup('linux')
    const theme = byLabel('Theme')!.submenu as MenuItemConstructorOptions[]
    expect(theme.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ])
    ;(theme[1]!.click as () => void)()
    expect(actions.setTheme).toHaveBeenCalledWith('light')
  })

  it('shows reload and developer tools only in development', () => {
    const roles = (developer: boolean) => setup('linux', developer).items.map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })

  it('has Quit in File, or in the app menu on macOS', () => {
    expect(setup('win32').items.filter((item) => item.role === 'quit')).toHaveLength(1)
    const mac = setup('darwin')
    expect(mac.template[0]!.label).toBe('Gloss')
    expect(mac.items.filter((item) => item.role === 'quit')).toHaveLength(1)
    expect(mac.items.some((item) => item.role === 'windowMenu')).toBe(true)
  })

  it('leaves Ctrl+Z to the page off macOS (the notebook has its own undo)', () => {
    const undo = (platform: NodeJS.Platform) => setup(platform).items.find((item) => item.role === 'undo')!
    expect(undo('linux').registerAccelerator).toBe(false)
    expect(undo('win32').registerAccelerator).toBe(false)
    expect(undo('darwin').registerAccelerator).toBeUndefined()
  })

  it('opens About from Help', () => {
    const { actions, template } = setup('linux')
    const help = template.at(-1)!.submenu as MenuItemConstructorOptions[]
    expect(help[0]!.label).toBe('About Gloss')
    ;(help[0]!.click as () => void)()
    expect(actions.about).toHaveBeenCalledOnce()
  })
})
