/** The bench's timing, answer checks and table layout. */
import { isDeepStrictEqual } from 'node:util'
import { performance } from 'node:perf_hooks'

export interface Row {
  name: string
  gloss: number
  raw: number
  unit: string
}

export function timeSync(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

export function stats(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
  return { p50: at(0.5), p95: at(0.95) }
}

/** The exponent k in cost ∝ size^k, from the first and last points. */
export function slope(sizes: number[], costs: number[]): number {
  return Math.log(costs.at(-1)! / costs[0]!) / Math.log(sizes.at(-1)! / sizes[0]!)
}

/** Answers the bench compares before it may print a figure. */
export class Checks {
  count = 0
  private failures: string[] = []

  that(what: string, ok: boolean): void {
    this.count++
    if (!ok) this.failures.push(what)
  }

  equal(what: string, actual: unknown, expected: unknown): void {
    this.count++
    if (!isDeepStrictEqual(actual, expected)) {
      const show = (v: unknown) => JSON.stringify(v).slice(0, 300)
      this.failures.push(`${what}: got ${show(actual)}, expected ${show(expected)}`)
    }
  }

  ok(): boolean {
    return this.failures.length === 0
  }

  report(): string {
    return [`${this.failures.length} of ${this.count} checks failed:`, ...this.failures.slice(0, 30)].join(
      '\n',
    )
  }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2))

export function table(title: string, left: string, right: string, rows: Row[]): string {
  return [
    title,
    '  ' + 'work'.padEnd(40) + left.padStart(12) + right.padStart(12) + 'ratio'.padStart(9),
    ...rows.map(
      (r) =>
        '  ' +
        r.name.padEnd(40) +
        `${fmt(r.gloss)} ${r.unit}`.padStart(12) +
        `${fmt(r.raw)} ${r.unit}`.padStart(12) +
        `${(r.gloss / r.raw).toFixed(2)}×`.padStart(9),
    ),
  ].join('\n')
}
