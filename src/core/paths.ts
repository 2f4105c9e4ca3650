import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

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

/**
 * The folder holding package.json: this module runs from src/core (sources) or out/node (the
 * built CLI and web shell), so it is found by walking up rather than by a fixed relative path.
 */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`)
  }
}

/** The bundled sample article, from the package (dev, CLI) — shells may pass another path. */
export function defaultSamplePath(): string {
  return join(packageRoot(), 'resources', 'samples', 'trump-kim-diplomacy.txt')
}

export interface WorkerEntry {
  url: URL
  /** a TypeScript loader when running from sources */
  execArgv: string[]
}

/**
 * A worker thread's entry file. Built, every entry sits in out/node side by side; from sources
 * (vitest, tsx) it is the .ts file under src, loaded through tsx as the parent was.
 */
export function workerEntry(name: 'notebook-worker', source: string): WorkerEntry {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return { url: new URL(`./${name}.js`, here), execArgv: [] }
  return {
    url: pathToFileURL(join(packageRoot(), source)),
    execArgv: ['--import', import.meta.resolve('tsx')],
  }
}
