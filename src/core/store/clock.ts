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
 * Public ids are UUIDs (sync keys on them). Version 7 starts with the time, so a new row's id
 * lands at the end of the id indexes rather than on a random page: 15% fewer bytes written per
 * excerpt (bench). Ids made in the same minute share their first 8 characters, so short ids
 * are shown by their random end (src/cli/format.ts).
 */
export const newId = (): string => uuidv7()
