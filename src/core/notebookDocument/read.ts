/** A notebook document file, read and parsed as JSON (validated later, by parseNotebookDocument). */
import { GlossError } from '../../shared/errors'
import { readBounded } from '../store/files'

const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

export function readNotebookDocument(path: string): unknown {
  const { name, bytes } = readBounded(path, MAX_DOCUMENT_BYTES)
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    )
  } catch (error) {
    throw new GlossError(
      'bad_file',
      `Cannot import "${name}": it is not valid JSON (${(error as Error).message}).`,
      'path',
    )
  }
}
