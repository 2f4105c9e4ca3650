import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_NAME = 'Gloss'

/**
 * The folder Electron's app.getPath('userData') gives for app name "Gloss",
 * computed without Electron so the CLI and web shell find the same notebook.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME)
}

/** GLOSS_DB wins, else gloss.db in the user-data folder. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.GLOSS_DB || join(userDataDir(env), 'gloss.db')
}

/** The bundled sample article, from the source tree (dev, CLI) — shells may pass another path. */
export function defaultSamplePath(): string {
  return fileURLToPath(new URL('../../resources/samples/trump-kim-diplomacy.txt', import.meta.url))
}
