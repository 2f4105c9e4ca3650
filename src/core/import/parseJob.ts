/** One import's parse, as the parse worker runs it (and as the in-thread sample import does). */
import { GlossError, toErrorData, type GlossErrorData } from '../../shared/errors'
import { parseArticle } from './index'
import { readImportFile } from './readFile'
import type { ImportFormat, ParsedArticle } from './types'
import { describeFile, refuseImport } from './validate'

export type ParseJob =
  /** read (bounded, regular files only) and parse a file on disk */
  | { kind: 'file'; path: string }
  /** parse content the caller already has */
  | { kind: 'bytes'; bytes: Uint8Array; fileName?: string; format?: ImportFormat; sourceUrl?: string }

export interface ParsedFile {
  article: ParsedArticle
  /** the absolute path of a file job, null for content */
  sourcePath: string | null
}

export type ParseOutcome = { ok: true; parsed: ParsedFile } | { ok: false; error: GlossErrorData }

/** How errors name what a job imports. */
export function describeJob(job: ParseJob): string {
  return job.kind === 'file' ? `"${job.path.split(/[\\/]/).pop() ?? job.path}"` : describeFile(job.fileName)
}

export function runParseJob(job: ParseJob): ParsedFile {
  if (job.kind === 'file') {
    const file = readImportFile(job.path)
    return { article: parseArticle({ bytes: file.bytes, fileName: file.name }), sourcePath: file.absolute }
  }
  const { bytes, fileName, format, sourceUrl } = job
  return { article: parseArticle({ bytes, fileName, format, sourceUrl }), sourcePath: null }
}

/** A job's result as plain data: refusals as they are, a parser crash as a refusal saying so. */
export function settleParseJob(job: ParseJob): ParseOutcome {
  try {
    return { ok: true, parsed: runParseJob(job) }
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
