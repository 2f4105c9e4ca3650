/** One import's parse, as the parse worker runs it (and as the in-thread sample import does). */
import { dirname } from 'node:path'
import { GlossError, toErrorData, type GlossErrorData } from '../../shared/errors'
import { sectionsOfStoredHtml } from './html'
import { parseArticle, parseDocument } from './index'
import { assembleSections, sha256Hex } from './sectioning'
import { readImportFile } from './readFile'
import type { SourceFormat, ParsedArticle } from './types'
import { describeUrl, fetchForImport } from './url'
import { describeFile, maxBytesFor, refuseImport } from './validate'

export type ParseJob =
  /** read (bounded, regular files only) and parse a file on disk */
  | { kind: 'file'; path: string }
  /** parse content the caller already has */
  | { kind: 'bytes'; bytes: Uint8Array; fileName?: string; format?: SourceFormat; sourceUrl?: string }
  /** fetch an http(s) address (bounded in time and size, see url.ts) and parse what it holds */
  | { kind: 'url'; url: string }
  /** the sections and layouts of an article's stored HTML (one imported before layouts) */
  | { kind: 'layouts'; html: string }

export interface ParsedFile {
  article: ParsedArticle
  /** the absolute path of a file job, null for content */
  sourcePath: string | null
}

export type ParseOutcome = { ok: true; parsed: ParsedFile } | { ok: false; error: GlossErrorData }

/** How errors name what a job imports. */
export function describeJob(job: ParseJob): string {
  if (job.kind === 'url') return describeUrl(job.url)
  if (job.kind === 'layouts') return 'the stored page'
  return job.kind === 'file' ? `"${job.path.split(/[\\/]/).pop() ?? job.path}"` : describeFile(job.fileName)
}

/**
 * A text, Markdown or HTML job in this thread, synchronously (the bundled sample on first open).
 * A PDF, EPUB or .docx, and an address, need runParseJobAsync.
 */
export function runParseJob(job: ParseJob): ParsedFile {
  if (job.kind === 'url') throw refuseImport(describeJob(job), 'an address is fetched in the import worker.')
  if (job.kind === 'layouts') return { article: storedLayouts(job.html), sourcePath: null }
  if (job.kind === 'file') {
    const file = readImportFile(job.path)
    const folder = dirname(file.absolute)
    return {
      article: parseArticle({ bytes: file.bytes, fileName: file.name, folder }),
      sourcePath: file.absolute,
    }
  }
  const { bytes, fileName, format, sourceUrl } = job
  return { article: parseArticle({ bytes, fileName, format, sourceUrl }), sourcePath: null }
}

/** Any job: what the parse worker runs. */
export async function runParseJobAsync(job: ParseJob): Promise<ParsedFile> {
  if (job.kind === 'file') {
    const file = readImportFile(job.path, maxBytesFor(job.path))
    const article = await parseDocument({
      bytes: file.bytes,
      fileName: file.name,
      folder: dirname(file.absolute),
    })
    return { article, sourcePath: file.absolute }
  }
  if (job.kind === 'layouts') return { article: storedLayouts(job.html), sourcePath: null }
  if (job.kind === 'url') {
    const { bytes, fileName, format } = await fetchForImport(job.url)
    const url = new URL(job.url).href
    const article = await parseDocument({ bytes, fileName, format, sourceUrl: url, source: describeJob(job) })
    // the address the person gave is the source, whatever canonical link the page declares
    return { article: { ...article, sourceUrl: url }, sourcePath: null }
  }
  const { bytes, fileName, format, sourceUrl } = job
  return { article: await parseDocument({ bytes, fileName, format, sourceUrl }), sourcePath: null }
}

/** The stored page's sections as an article (only its sections and media mean anything). */
function storedLayouts(html: string): ParsedArticle {
  const { drafts, media } = sectionsOfStoredHtml(html)
  const { text, sections } = assembleSections(drafts)
  return {
    title: '',
    byline: null,
    publishedAt: null,
    sourceUrl: null,
    format: 'html',
    sourceFormat: 'html',
    text,
    contentHash: sha256Hex(text),
    sections,
    contentHtml: null,
    media,
  }
}

/** A job's result as plain data: refusals as they are, a parser crash as a refusal saying so. */
export async function settleParseJob(job: ParseJob): Promise<ParseOutcome> {
  try {
    return { ok: true, parsed: await runParseJobAsync(job) }
  } catch (error) {
    if (error instanceof GlossError) return { ok: false, error: error.toJSON() }
    // jsdom, Readability and marked recurse; input the nesting scans let through can still overflow
    const reason =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'it is nested too deeply to read (the parser ran out of stack).'
        : `the parser failed (${toErrorData(error).message}).`
    return { ok: false, error: refuseImport(describeJob(job), reason).toJSON() }
  }
}
