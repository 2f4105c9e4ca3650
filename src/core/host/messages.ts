/** Messages between a shell and the notebook worker thread. */
import type { GlossErrorData } from '../../shared/errors'

export interface WorkerOptions {
  dbPath: string
  appVersion?: string
  samplePath?: string | null
  /** where the daily automatic backups go (backups/ inside it); none when absent */
  dailyBackupDir?: string
  /**
   * The built parse-worker entry (a path or file: URL), for builds that bundle it somewhere
   * parseWorkerUrl() would not look; from sources it is found beside import/parseWorkerUrl.ts.
   */
  parseWorkerPath?: string
  /** when the background integrity check starts after the open (3 s; tests shorten it) */
  fullCheckDelayMs?: number
  /** sections checked at random on open (tests: 0, so only the background check finds damage) */
  openCheckSections?: number
}

export type Request =
  | { id: number; name: string; input: unknown }
  | { id: number; name: '__close' }
  /** stop every import being parsed; they reject as cancelled; replies with how many */
  | { id: number; name: '__cancelImports' }

export type Reply =
  | { type: 'ready' }
  | { type: 'failed'; error: GlossErrorData }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: GlossErrorData }
