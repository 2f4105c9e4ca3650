/**
 * Pictures that arrive inside what is imported (data: URIs, an EPUB's or .docx's images, a file
 * next to an imported HTML or Markdown file) are kept with the article as media; a remote one is
 * kept as its alt text and address, never fetched. Pictures are keyed by the sha256 of their
 * bytes until the store gives them ids (one per article and hash).
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { SectionImage } from '../../shared/model'
import { MAX_ARTICLE_PICTURE_BYTES, MAX_PICTURE_BYTES } from './limits'

/** A picture stored with the article; layouts name it by `sha256` until it is stored. */
export interface ParsedMedia {
  sha256: string
  mime: PictureMime
  bytes: Uint8Array
}

export const PICTURE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type PictureMime = (typeof PICTURE_MIMES)[number]

/** The picture type its first bytes say (png, jpeg, gif, webp), or null: a declared type is not trusted. */
export function sniffPicture(bytes: Uint8Array): PictureMime | null {
  const b = bytes
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png'
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 6 && String.fromCharCode(...b.subarray(0, 4)) === 'GIF8') return 'image/gif'
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
  ) {
    return 'image/webp'
  }
  return null
}

/** The pictures one import collects, each once, within the article's total. */
export class MediaSink {
  readonly media: ParsedMedia[] = []
  private readonly known = new Set<string>()
  private total = 0

  /** The key a layout names the picture by, or null when it is no picture of ours or too big. */
  add(bytes: Uint8Array): string | null {
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_PICTURE_BYTES) return null
    const mime = sniffPicture(bytes)
    if (mime === null) return null
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (this.known.has(sha256)) return sha256
    if (this.total + bytes.byteLength > MAX_ARTICLE_PICTURE_BYTES) return null
    this.known.add(sha256)
    this.total += bytes.byteLength
    this.media.push({ sha256, mime, bytes })
    return sha256
  }
}

const DATA_URI = /^data:(image\/(?:png|jpeg|jpg|gif|webp))((?:;[^,;]*)*?)(;base64)?,/i

/** A data: URI's bytes when it declares png, jpeg, gif or webp and fits the cap; else null. */
export function dataUriBytes(uri: string): Uint8Array | null {
  const head = DATA_URI.exec(uri)
  if (head === null) return null
  const payload = uri.slice(head[0].length)
  // base64 is 4 characters per 3 bytes: a payload past the cap is not decoded at all
  if (payload.length > (MAX_PICTURE_BYTES * 4) / 3 + 4) return null
  try {
    return head[3] !== undefined
      ? new Uint8Array(Buffer.from(payload.replace(/\s+/g, ''), 'base64'))
      : new Uint8Array(Buffer.from(decodeURIComponent(payload), 'latin1'))
  } catch {
    return null
  }
}

/**
 * A file in `folder` (or below it) at the relative `path`: no absolute path, no `..` out of the
 * folder, no symbolic link pointing out of it, a regular file within the cap. Null otherwise.
 */
export function localPictureBytes(folder: string, path: string): Uint8Array | null {
  if (path === '' || isAbsolute(path) || path.includes('\0')) return null
  let fd: number | undefined
  try {
    const root = realpathSync(folder)
    const target = realpathSync(resolve(root, path))
    const inside = relative(root, target)
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null
    fd = openSync(target, 'r')
    const stat = fstatSync(fd)
    if (!stat.isFile() || stat.size === 0 || stat.size > MAX_PICTURE_BYTES) return null
    const bytes = new Uint8Array(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, null)
      if (n === 0) break
      read += n
    }
    return read === stat.size ? bytes : null
  } catch {
    return null
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The picture an <img> names, as a section shows it. */
export type PictureResolver = (src: string | null, alt: string) => SectionImage | null

/** A picture that is a remote address: its alt and address only; one with neither is dropped. */
export function remotePicture(url: string | null, alt: string): SectionImage | null {
  if (url !== null) return { mediaId: null, alt, remoteUrl: url }
  return alt === '' ? null : { mediaId: null, alt }
}

/** The origin of placeholder addresses: a page without an address of its own is parsed at LOCAL_BASE. */
export const PLACEHOLDER = 'https://localhost/'
/** The placeholder standing for an imported page's folder. */
export const LOCAL_BASE = `${PLACEHOLDER}gloss-page/`

/** Where a page's addresses point when the page has no address of its own (see html.ts). */
export interface PageAddresses {
  /** the address the page was parsed at: its own, or `localBase` */
  domUrl: string
  /** the origin only placeholder addresses have: never a link, never a remote picture */
  placeholder: string
  /** the placeholder standing for the page's folder: what follows it is the relative address as written */
  localBase: string
  /** the page's real address (given, canonical or og:url), null when unknown */
  pageUrl: string | null
  /** the folder of the imported file, for pictures next to it */
  folder?: string
}

/**
 * An address as written on the page, resolved: Readability made relative ones absolute against the
 * DOM's address, so one under the placeholder is relative again and is resolved against the
 * page's real address, or null when that is unknown. `relative` is the address relative to the
 * page's folder, when it stays inside it (a file next to an imported file).
 */
export function pageAddress(href: string, at: PageAddresses): { url: URL | null; relative: string | null } {
  let url: URL
  try {
    url = new URL(href.trim(), at.domUrl)
  } catch {
    return { url: null, relative: null }
  }
  if (!url.href.startsWith(at.placeholder)) return { url, relative: null }
  // under the folder's placeholder: relative as written; above it: from the site's root ("/world")
  const inFolder = url.href.startsWith(at.localBase)
  const relative = inFolder ? url.href.slice(at.localBase.length) : null
  if (at.pageUrl === null) return { url: null, relative }
  try {
    return { url: new URL(relative ?? url.href.slice(at.placeholder.length - 1), at.pageUrl), relative }
  } catch {
    return { url: null, relative }
  }
}

/**
 * Pictures of a page: data: URIs stored; a relative address a file next to the imported file when
 * there is one inside its folder, else remote against the page's address; an http(s) address remote.
 */
export function pagePictures(sink: MediaSink, at: PageAddresses): PictureResolver {
  const stored = (bytes: Uint8Array | null, alt: string): SectionImage | null => {
    const key = bytes === null ? null : sink.add(bytes)
    return key === null ? null : { mediaId: key, alt }
  }
  return (src, alt) => {
    const given = src?.trim() ?? ''
    if (given === '') return remotePicture(null, alt)
    if (/^data:/i.test(given)) return stored(dataUriBytes(given), alt) ?? remotePicture(null, alt)
    const { url, relative } = pageAddress(given, at)
    if (relative !== null && at.folder !== undefined) {
      let path: string | null
      try {
        path = decodeURIComponent(relative.split(/[?#]/)[0]!)
      } catch {
        path = null
      }
      const local = path === null ? null : stored(localPictureBytes(at.folder, path), alt)
      if (local !== null) return local
    }
    const remote = url !== null && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null
    return remotePicture(remote, alt)
  }
}
