/** Reading the zip containers of EPUB and .docx with fflate: only the entries asked for are inflated. */
import type * as Fflate from 'fflate'
import { lazyRequire } from '../lazy'
import { refuseImport } from './validate'

const fflate = lazyRequire<typeof Fflate>('fflate')

/** More than this inflated from one archive is refused (a zip bomb, or no document of ours). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** An OLE compound file: an old Word .doc, or any Office document saved with a password. */
export function isOleFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b)
}

export interface ZipContents {
  /** every entry's name, inflated or not */
  names: Set<string>
  /** the inflated entries `wanted` chose */
  files: Map<string, Uint8Array>
}

/**
 * The archive's entry names, and the entries `wanted` picks, inflated. `what` names the kind of
 * file in errors ("an EPUB", "a Word document (.docx)").
 */
export function readZip(
  bytes: Uint8Array,
  source: string,
  what: string,
  wanted: (name: string, size: number) => boolean,
): ZipContents {
  if (!isZip(bytes)) throw refuseImport(source, `it is not ${what}: it is not a zip archive.`)
  const names = new Set<string>()
  let total = 0
  let tooBig = false
  let files: Record<string, Uint8Array>
  try {
    files = fflate().unzipSync(bytes, {
      filter(file) {
        names.add(file.name)
        if (!wanted(file.name, file.originalSize)) return false
        total += file.originalSize
        if (total > MAX_UNZIPPED_BYTES) tooBig = true
        return !tooBig
      },
    })
  } catch (error) {
    throw refuseImport(
      source,
      `it is not ${what}: its zip archive is damaged or incomplete (${(error as Error).message}).`,
    )
  }
  if (tooBig) {
    throw refuseImport(source, `its contents unpack to more than ${MAX_UNZIPPED_BYTES / 1048576} MB.`)
  }
  return { names, files: new Map(Object.entries(files)) }
}

/** UTF-8 (or UTF-16 with a byte-order mark) text of an entry. */
export function entryText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}
