/**
 * Files in and out of the notebook: atomic writes (exports, backups, the desktop shell's saves)
 * and the bounded read of a file to import (`readBounded`, at the end).
 *
 * A file is written to a temporary file in the same folder, flushed to disk (fsync), then
 * moved into place with one rename, so a reader (or a crash) sees either no file or the whole
 * file. Without `force` an existing file is never replaced: the temporary file is hard-linked
 * to the target name, which fails if the name exists (no check-then-write race); where links
 * are not supported we fall back to check + rename. A failure removes the temporary file.
 *
 * A folder is written the same way: every file into a temporary folder beside the target,
 * then the folder is renamed into place (with `force`, the old one is moved aside first and
 * removed after).
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { GlossError } from '../../shared/errors'

export type Chunk = string | Uint8Array
export type Content = Chunk | Iterable<Chunk>

export interface WriteOptions {
  /** replace an existing file or folder */
  force?: boolean
}

export interface WriteResult {
  path: string
  bytes: number
  files: number
}

const USER_ERRORS = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENAMETOOLONG',
  'EEXIST',
  'ENOTEMPTY',
  'EINVAL',
])

/** A file-system error as a GlossError that names the path. */
export function writeError(error: unknown, path: string): GlossError {
  if (error instanceof GlossError) return error
  const e = error as NodeJS.ErrnoException
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    ENAMETOOLONG: 'the name is too long',
  }
  const reason = (e.code && reasons[e.code]) ?? e.message
  return new GlossError(
    e.code && USER_ERRORS.has(e.code) ? 'invalid_input' : 'internal',
    `Cannot write "${path}": ${reason}.`,
    'path',
  )
}

export function fileExists(path: string): GlossError {
  return new GlossError(
    'file_exists',
    `"${path}" already exists; choose another name or pass force to replace it.`,
    'path',
  )
}

const exists = (path: string) => {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/** A name for a temporary sibling of `target`: hidden, unique, recognisable. */
export function tempSibling(target: string, tag = 'tmp'): string {
  return join(dirname(target), `.${basename(target)}.gloss-${tag}-${randomBytes(6).toString('hex')}`)
}

/** Flush a folder's entries (the rename) to disk; not possible on Windows, where rename is already durable enough. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open folders; some file systems refuse fsync on them
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function chunksOf(content: Content): Iterable<Chunk> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content
}

/** Write and fsync a new file (fails if it exists). Returns the bytes written. */
function writeNew(path: string, content: Content): number {
  const fd = openSync(path, 'wx', 0o644)
  let bytes = 0
  try {
    for (const chunk of chunksOf(content)) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      let offset = 0
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset)
      bytes += buffer.length
    }
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return bytes
}

/**
 * Move a finished temporary file to `target`. Without force, never replaces: link() fails
 * with EEXIST when the name is taken. The temporary file is gone afterwards either way.
 */
export function publishFile(temp: string, target: string, force: boolean): void {
  if (force) {
    if (exists(target) && lstatSync(target).isDirectory())
      throw new GlossError('invalid_input', `Cannot write "${target}": it is a folder.`, 'path')
    renameSync(temp, target)
    return
  }
  try {
    linkSync(temp, target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw fileExists(target)
    if (
      code !== 'EPERM' &&
      code !== 'ENOTSUP' &&
      code !== 'EOPNOTSUPP' &&
      code !== 'ENOSYS' &&
      code !== 'EXDEV'
    )
      throw error
    // no hard links here (FAT, some network drives): check, then rename
    if (exists(target)) throw fileExists(target)
    renameSync(temp, target)
    return
  }
  unlinkSync(temp)
}

/** Write `content` to `path` atomically. */
export function writeFileAtomic(path: string, content: Content, options: WriteOptions = {}): WriteResult {
  const target = resolve(path)
  const force = options.force === true
  if (!force && exists(target)) throw fileExists(target)
  const temp = tempSibling(target)
  try {
    const bytes = writeNew(temp, content)
    publishFile(temp, target, force)
    fsyncDir(dirname(target))
    return { path: target, bytes, files: 1 }
  } catch (error) {
    rmSync(temp, { force: true })
    throw writeError(error, target)
  }
}

export interface FolderFile {
  /** relative, with "/" separators: "index.md", "articles/Title.md" */
  path: string
  content: Content
}

function checkRelative(path: string): string[] {
  const parts = path.split('/')
  if (
    path === '' ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))
  ) {
    throw new GlossError(
      'invalid_input',
      `"${path}" is not a plain relative path inside the export folder.`,
      'path',
    )
  }
  return parts
}

/** Write a folder of files atomically: all of it appears at `dir`, or none of it. */
export function writeFolderAtomic(dir: string, files: FolderFile[], options: WriteOptions = {}): WriteResult {
  const target = resolve(dir)
  const force = options.force === true
  if (!force && exists(target)) throw fileExists(target)
  const temp = tempSibling(target)
  let bytes = 0
  try {
    mkdirSync(temp)
    const folders = new Set<string>([temp])
    for (const file of files) {
      const parts = checkRelative(file.path)
      const full = join(temp, ...parts)
      if (!full.startsWith(temp + sep))
        throw new GlossError('invalid_input', `"${file.path}" leaves the export folder.`, 'path')
      const parent = dirname(full)
      if (!folders.has(parent)) {
        mkdirSync(parent, { recursive: true })
        folders.add(parent)
      }
      bytes += writeNew(full, file.content)
    }
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) fsyncDir(folder)
  } catch (error) {
    rmSync(temp, { recursive: true, force: true })
    throw writeError(error, target)
  }

  let old: string | null = null
  try {
    if (exists(target)) {
      if (!force) throw fileExists(target)
      old = tempSibling(target, 'old')
      renameSync(target, old)
    }
    renameSync(temp, target)
    fsyncDir(dirname(target))
  } catch (error) {
    // put the old one back if it was moved aside
    if (old !== null && !existsSync(target)) {
      try {
        renameSync(old, target)
        old = null
      } catch {
        // left at `old`; the error below names the target
      }
    }
    rmSync(temp, { recursive: true, force: true })
    throw writeError(error, target)
  }
  if (old !== null) rmSync(old, { recursive: true, force: true })
  return { path: target, bytes, files: files.length }
}

/* ---------- the bounded read ---------- */

export interface FileBytes {
  absolute: string
  /** the base name errors name */
  name: string
  bytes: Uint8Array
}

const refuse = (name: string, reason: string) =>
  new GlossError('bad_file', `Cannot import "${name}": ${reason}`, 'path')

const megabytes = (bytes: number) => `${+(bytes / 1048576).toFixed(1)} MB`

function checkRegular(stat: Stats, name: string, maxBytes: number): void {
  if (stat.isDirectory()) throw refuse(name, 'it is a folder, not a file.')
  if (!stat.isFile()) {
    const kind = stat.isFIFO()
      ? 'a named pipe'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : stat.isSocket()
          ? 'a socket'
          : 'not a file'
    throw refuse(name, `it is not a regular file (${kind}).`)
  }
  if (stat.size > maxBytes)
    throw refuse(name, `it is ${megabytes(stat.size)}; the limit is ${megabytes(maxBytes)}.`)
}

// Opening a named pipe for reading waits for a writer; O_NONBLOCK returns at once (and changes
// nothing for regular files), so a pipe swapped in after the first stat cannot hang the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Read a file to import: only a regular file, and never more than `maxBytes` even if it grows
 * while being read. A stat's size is 0 for pipes and devices (/dev/zero "is" empty and endless),
 * so the type is checked first, again on the opened descriptor, and the read itself is bounded:
 * up to one byte past the cap, which tells a file that grew past it from one that fits exactly.
 * Failures are `bad_file` naming the file ("Cannot import …").
 */
export function readBounded(path: string, maxBytes: number): FileBytes {
  const absolute = resolve(path)
  const name = basename(absolute)
  let fd: number | undefined
  try {
    checkRegular(statSync(absolute), name, maxBytes)
    fd = openSync(absolute, OPEN_FLAGS)
    const stat = fstatSync(fd)
    checkRegular(stat, name, maxBytes)
    const limit = maxBytes + 1
    const chunks: Buffer[] = []
    let total = 0
    let want = Math.min(stat.size + 1, limit) // sized to the file: usually one read
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(want, limit - total))
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
      want = 1024 * 1024
    }
    if (total > maxBytes)
      throw refuse(name, `it grew past the ${megabytes(maxBytes)} limit while being read.`)
    return { absolute, name, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) }
  } catch (error) {
    if (error instanceof GlossError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'no such file.'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied.'
          : `${(error as Error).message}.`
    throw refuse(name, reason)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
