/**
 * A folder export (an Obsidian vault, a Markdown folder) as one .zip, for the browser, which can
 * only download files: every file under one top folder named like the folder the CLI writes,
 * so unpacking gives the same files `gloss export --all -o DIR` does. Deflated with fflate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { RenderedFile } from '../../../shared/model'

export function zipFolder(
  folder: string,
  files: readonly RenderedFile[],
  mtime: Date = new Date(),
): Uint8Array {
  const entries: Zippable = {}
  for (const file of files) entries[`${folder}/${file.path}`] = [strToU8(file.content), { mtime }]
  return zipSync(entries, { level: 6 })
}

/** The zip as a Blob to download (fflate's output is backed by a plain ArrayBuffer). */
export const zipBlob = (bytes: Uint8Array): Blob =>
  new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' })

/** "Gloss vault" → "Gloss vault.zip" */
export const zipName = (folder: string) => `${folder}.zip`
