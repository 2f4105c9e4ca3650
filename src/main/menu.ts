import { Menu } from 'electron'
import { menuTemplate, type MenuActions, type MenuOptions } from './menu-template'

export type { MenuActions, MenuOptions } from './menu-template'

/** Build and install the application menu. */
export function installMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)))
}
