/**
 * Fault load, shared by the robustness tests (small counts) and `npm run audit` (large ones):
 * random calls of every operation through the contract, and a writer killed with SIGKILL at
 * random moments. Each returns counts, so a caller asserts or prints them.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { contract, operationNames, type OperationName } from '../../shared/contract'
import { GlossError } from '../../shared/errors'
import { checkIntegrity } from '../store/integrity'
import { packageRoot } from '../paths'
import type { TempNotebook } from './tempNotebook'

/** A small seeded random source (mulberry32), so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NASTY = [
  '',
  ' ',
  '\u0000',
  '/%',
  '../../etc/passwd',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE articles; --',
  'x'.repeat(5000),
  '\ud800',
  '¶4',
  'people/Kim',
  '2024-13-45',
  'blue',
]

/** A random value, often of a plausible shape, sometimes an id of a real row. */
function value(random: () => number, ids: string[], depth = 0): unknown {
  const r = random()
  if (r < 0.15 && ids.length) return ids[Math.floor(random() * ids.length)]
  if (r < 0.35) return NASTY[Math.floor(random() * NASTY.length)]
  if (r < 0.45) return Math.floor(random() * 2 ** 31) * (random() < 0.2 ? -1 : 1)
  if (r < 0.5) return [NaN, Infinity, 1e308, 0.5, -0][Math.floor(random() * 5)]
  if (r < 0.6) return random() < 0.5
  if (r < 0.65) return null
  if (r < 0.8 && depth < 2)
    return Array.from({ length: Math.floor(random() * 4) }, () => value(random, ids, depth + 1))
  if (depth < 2)
    return { kind: ['article', 'note', 'notebook'][Math.floor(random() * 3)], id: value(random, ids, 2) }
  return undefined
}

/** An input for `name`: its own fields with random values, plus now and then an unknown field. */
function inputFor(name: OperationName, random: () => number, ids: string[]): unknown {
  if (random() < 0.05) return value(random, ids)
  const shape = (contract[name].input as { shape?: Record<string, unknown> }).shape ?? {}
  const input: Record<string, unknown> = {}
  for (const field of Object.keys(shape)) if (random() < 0.8) input[field] = value(random, ids)
  if (random() < 0.1) input.unexpected = value(random, ids)
  return input
}

/** Operations a fuzzer must not run for real: they replace or copy the notebook file. */
const SPARED = new Set<OperationName>(['restoreNotebook', 'backupNotebook', 'export', 'importFile'])

export interface FuzzReport {
  calls: number
  succeeded: number
  refused: number
  /** anything thrown that is not a GlossError, or a GlossError of code 'internal' */
  crashes: Array<{ name: string; input: unknown; error: string }>
}

export async function fuzzContract(nb: TempNotebook, calls: number, seed = 1): Promise<FuzzReport> {
  const random = seeded(seed)
  const report: FuzzReport = { calls: 0, succeeded: 0, refused: 0, crashes: [] }
  const ids = () => {
    const rows = nb.notebook.db
      .prepare(
        `SELECT id FROM articles UNION ALL SELECT id FROM sections UNION ALL SELECT id FROM excerpts
         UNION ALL SELECT id FROM notes UNION ALL SELECT id FROM tags LIMIT 200`,
      )
      .pluck()
      .all() as string[]
    return rows
  }
  let known = ids()
  const names = operationNames.filter((n) => !SPARED.has(n))
  for (let i = 0; i < calls; i++) {
    const name = names[Math.floor(random() * names.length)]!
    const input = inputFor(name, random, known)
    report.calls++
    try {
      await nb.call(name, input as never)
      report.succeeded++
      if (i % 50 === 0) known = ids()
    } catch (error) {
      if (error instanceof GlossError && error.code !== 'internal') report.refused++
      else report.crashes.push({ name, input, error: String((error as Error)?.stack ?? error) })
    }
  }
  return report
}

export interface KillReport {
  kills: number
  acknowledged: number
  lost: number
  damaged: number
}

/**
 * A child process creates excerpts one transaction each and prints each id once it is
 * committed; it is killed with SIGKILL after a random delay, `kills` times over. Every
 * acknowledged id must be in the notebook afterwards, and the notebook must pass its checks.
 */
export async function killDuringWrites(dbPath: string, kills: number, seed = 1): Promise<KillReport> {
  const random = seeded(seed)
  const report: KillReport = { kills: 0, acknowledged: 0, lost: 0, damaged: 0 }
  const writer = join(packageRoot(), 'src', 'core', 'testing', 'faultWriter.ts')
  for (let k = 0; k < kills; k++) {
    const acknowledged: string[] = []
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), writer, dbPath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let buffer = ''
      let errors = ''
      let timer: NodeJS.Timeout | undefined
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk
        const lines = buffer.split('\n')
        buffer = lines.pop()!
        for (const line of lines) {
          if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), 20 + random() * 400)
          else if (line) acknowledged.push(line)
        }
      })
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk))
      child.on('exit', (_code, signal) => {
        clearTimeout(timer)
        if (signal === 'SIGKILL') resolve()
        else reject(new Error(`the writer ended by itself: ${errors}`))
      })
    })
    report.kills++
    report.acknowledged += acknowledged.length
    const db = new Database(dbPath, { readonly: true })
    const has = db.prepare(`SELECT 1 FROM excerpts WHERE id = ?`).pluck()
    report.lost += acknowledged.filter((id) => has.get(id) === undefined).length
    const sqliteOk = db.pragma('quick_check', { simple: true }) === 'ok'
    if (!sqliteOk || !checkIntegrity(db).ok) report.damaged++
    db.close()
  }
  return report
}
