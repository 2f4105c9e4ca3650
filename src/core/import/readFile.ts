import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { GlossError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from './validate'

export interface ImportFileBytes {
  absolute: string
  /** the base name errors and titles use */
  name: string
  bytes: Uint8Array
}

function refuse(name: string, reason: string): GlossError {
  return new GlossError('bad_file', `Cannot import "${name}": ${reason}`, 'path')
}

/** What a stat says the path is, for files that are not regular: "a named pipe", "a device"… */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSocket()) return 'a socket'
  return 'not a file'
}

const megabytes = (bytes: number) => `${+(bytes / 1048576).toFixed(1)} MB`
const sizeLimit = (bytes: number) => (bytes >= 1048576 ? megabytes(bytes) : `${bytes} bytes`)

function checkRegular(stat: Stats, name: string, maxBytes: number): void {
  if (stat.isDirectory()) throw refuse(name, 'it is a folder, not a file.')
  if (!stat.isFile()) throw refuse(name, `it is not a regular file (${kindOf(stat)}).`)
  if (stat.size > maxBytes) {
    throw refuse(name, `it is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${sizeLimit(maxBytes)}.`)
  }
}

// Opening a named pipe for reading waits for a writer; O_NONBLOCK returns at once (and changes
// nothing for regular files), so a pipe swapped in after the first stat cannot hang the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Read a file for import: only a regular file, and never more than the 20 MB cap even if it grows
 * while being read. A stat's size is 0 for pipes and devices (/dev/zero "is" empty and endless),
 * so the type is checked first, again on the opened descriptor, and the read itself is bounded.
 */
export function readImportFile(path: string, maxBytes = MAX_IMPORT_BYTES): ImportFileBytes {
  const absolute = resolve(path)
  const name = basename(absolute)
  let fd: number | undefined
  try {
    checkRegular(statSync(absolute), name, maxBytes)
    fd = openSync(absolute, OPEN_FLAGS)
    const stat = fstatSync(fd)
    checkRegular(stat, name, maxBytes)
    return { absolute, name, bytes: readBounded(fd, stat.size, name, maxBytes) }
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw refuse(name, reasonFor(error))
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The same refusals from a stat alone, without opening the file and off this thread (a stat on
 * a stalled network drive waits in libuv's pool): a folder, pipe, device or oversized file is
 * refused at once, before a parse worker is started. readImportFile checks again on the open file.
 */
export async function checkImportFile(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<void> {
  const absolute = resolve(path)
  const name = basename(absolute)
  let stats: Stats
  try {
    stats = await stat(absolute)
  } catch (error) {
    throw refuse(name, reasonFor(error))
  }
  checkRegular(stats, name, maxBytes)
}

function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file.'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.'
  return `${(error as Error).message}.`
}

/**
 * Up to one byte past the cap, whatever the stat said: that byte tells a file that grew past the
 * cap from one that fits exactly. The first read is sized to the file, so usually there is one.
 */
function readBounded(fd: number, statSize: number, name: string, maxBytes: number): Uint8Array {
  const limit = maxBytes + 1
  const chunks: Buffer[] = []
  let total = 0
  let want = Math.min(statSize + 1, limit)
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(want, limit - total))
    const read = readSync(fd, chunk, 0, chunk.length, null)
    if (read === 0) break
    chunks.push(chunk.subarray(0, read))
    total += read
    want = 1024 * 1024
  }
  if (total > maxBytes) {
    throw refuse(
      name,
      `it is over the ${sizeLimit(maxBytes)} limit (more than its listed size: it may be growing).`,
    )
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
}
