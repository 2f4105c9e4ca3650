/**
 * Writing an Obsidian vault (./obsidian.ts) into a folder that may already be one.
 *
 * A new folder is written whole, atomically (writeFolderAtomic). Into an existing folder, each
 * of Gloss's files is written atomically on its own: Gloss's files are the Markdown files whose
 * front matter has a `gloss_id`. A file of the export replaces Gloss's file with its id: where
 * the person moved it to another folder under the same name, there (links go by name); a file
 * whose content is unchanged is not touched. Gloss's files the export no longer has (an article
 * renamed or trashed) are removed; every other file, the person's own notes and Obsidian's
 * settings, is left alone. Without force, a file of the person's that stands where
 * the export would write is refused, naming it, before anything is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { GlossError } from '../../shared/errors'
import type { ExportResult, RenderedFile } from '../../shared/model'
import { fileExists, writeError, writeFileAtomic, writeFolderAtomic } from '../store/files'

/** The `gloss_id` of a Markdown file's front matter, or null. */
export function glossIdOf(markdown: string): string | null {
  const head = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown)
  const line = head && /^gloss_id:[ \t]*(.+?)[ \t]*$/m.exec(head[1]!)
  if (!line) return null
  const value = line[1]!
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'string' ? parsed : null
  } catch {
    return value.replace(/^['"]|['"]$/g, '') || null
  }
}

/** Every Markdown file under `dir` (relative, "/"-separated), outside dot folders (.obsidian, .trash). */
function markdownFiles(dir: string, prefix = ''): string[] {
  const found: string[] = []
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...markdownFiles(dir, path))
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(path)
  }
  return found
}

export function writeVault(
  dir: string,
  files: RenderedFile[],
  options: { force?: boolean } = {},
): ExportResult {
  const target = resolve(dir)
  if (!existsSync(target)) return writeFolderAtomic(target, files)
  if (!statSync(target).isDirectory()) throw fileExists(target)

  const glossFiles = new Set<string>()
  /** gloss_id → where that file is now */
  const placed = new Map<string, string>()
  try {
    for (const path of markdownFiles(target)) {
      const id = glossIdOf(readFileSync(join(target, ...path.split('/')), 'utf8'))
      if (id === null) continue
      glossFiles.add(path.toLowerCase())
      placed.set(id, path)
    }
  } catch (error) {
    throw writeError(error, target)
  }
  const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  files = files.map((file) => {
    const moved = placed.get(glossIdOf(file.content) ?? '')
    return moved && baseName(moved) === baseName(file.path) ? { ...file, path: moved } : file
  })
  for (const file of files) {
    const full = resolve(target, ...file.path.split('/'))
    if (!full.startsWith(target + sep))
      throw new GlossError('invalid_input', `"${file.path}" leaves the export folder.`, 'path')
    if (!options.force && existsSync(full) && !glossFiles.has(file.path.toLowerCase())) {
      throw new GlossError(
        'file_exists',
        `"${full}" is not a file Gloss wrote (it has no gloss_id); move it away or pass force to replace it.`,
        'path',
      )
    }
  }

  let bytes = 0
  for (const file of files) {
    const full = join(target, ...file.path.split('/'))
    bytes += Buffer.byteLength(file.content, 'utf8')
    if (existsSync(full) && readFileSync(full, 'utf8') === file.content) continue
    try {
      mkdirSync(dirname(full), { recursive: true })
    } catch (error) {
      throw writeError(error, full)
    }
    writeFileAtomic(full, file.content, { force: true })
  }
  const kept = new Set(files.map((f) => f.path.toLowerCase()))
  for (const path of markdownFiles(target)) {
    if (glossFiles.has(path.toLowerCase()) && !kept.has(path.toLowerCase()))
      rmSync(join(target, ...path.split('/')))
  }
  return { path: target, bytes, files: files.length }
}
