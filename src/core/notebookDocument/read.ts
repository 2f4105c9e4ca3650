/** A notebook document file, read and parsed as JSON (validated later, by parseNotebookDocument). */
import { GlossError } from '../../shared/errors'
import { readImportFile } from '../import/readFile'

// far above an article's 20 MB: a document holds a whole notebook
const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

export function readNotebookDocument(path: string): unknown {
  const { name, bytes } = readImportFile(path, MAX_DOCUMENT_BYTES)
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) // which drops a byte-order mark
  } catch (error) {
    throw new GlossError(
      'bad_file',
      `Cannot import "${name}": it is not valid JSON (${(error as Error).message}).`,
      'path',
    )
  }
}
