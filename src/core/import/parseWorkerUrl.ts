/**
 * Where the parse worker's entry file is: the one place a build needs to know about.
 *
 * - From TypeScript sources (vitest, tsx, the CLI today): `parse-worker.ts` beside this file,
 *   started with tsx's loader.
 * - From built JavaScript: `parse-worker.js` beside the chunk this module was bundled into,
 *   unless a shell configured the path (the Electron main process passes electron-vite's
 *   `?modulePath` of parse-worker.ts through the notebook worker's options).
 */
import { pathToFileURL } from 'node:url'

export interface ParseWorkerEntry {
  url: URL
  /** node options the worker needs to load the entry (tsx's loader for sources) */
  execArgv: string[]
}

let configured: ParseWorkerEntry | undefined

/** Point this thread's parse workers at a built entry file (a path or file: URL). */
export function configureParseWorker(path: string | URL, execArgv: string[] = []): void {
  const url = path instanceof URL ? path : path.startsWith('file:') ? new URL(path) : pathToFileURL(path)
  configured = { url, execArgv }
}

export function parseWorkerEntry(): ParseWorkerEntry {
  if (configured !== undefined) return configured
  const here = import.meta.url
  const fromSources = here.endsWith('.ts')
  // a variable, not a literal: bundlers rewrite new URL('./literal', import.meta.url) as an asset
  const file = fromSources ? 'parse-worker.ts' : 'parse-worker.js'
  return {
    url: new URL(file, here),
    execArgv: fromSources ? ['--import', import.meta.resolve('tsx')] : [],
  }
}

/** The parse worker's entry file. */
export function parseWorkerUrl(): URL {
  return parseWorkerEntry().url
}
