import { randomUUID } from 'node:crypto'

/** ISO timestamps, strictly increasing within a process so "newest first" never ties. */
let last = 0
export function now(): string {
  let t = Date.now()
  if (t <= last) t = last + 1
  last = t
  return new Date(t).toISOString()
}

export const newId = (): string => randomUUID()
