/**
 * Atomic writes: exports, backups and the desktop shell's saves.
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
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
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
