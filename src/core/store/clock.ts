import { v7 as uuidv7 } from 'uuid'

/** ISO timestamps, strictly increasing within a process so "newest first" never ties. */
let last = 0
export function now(): string {
  let t = Date.now()
  if (t <= last) t = last + 1
  last = t
  return new Date(t).toISOString()
}

/**
 * Public ids are UUIDs (sync will key on them). Version 7 starts with the time, so new rows land
 * at the end of the id indexes instead of on a random page each: fewer pages per commit.
 */
export const newId = (): string => uuidv7()
