import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { tempDir } from '../testing/tempNotebook'
import { readNotebookDocument } from './read'

describe('reading a notebook document file', () => {
  const dir = tempDir('gloss-document-')

  test('parses JSON, with or without a byte-order mark', () => {
    writeFileSync(join(dir, 'bom.json'), '\uFEFF{"format":"gloss-notebook"}')
    expect(readNotebookDocument(join(dir, 'bom.json'))).toEqual({ format: 'gloss-notebook' })
  })

  test('refuses what is not a JSON file, by name', () => {
    mkdirSync(join(dir, 'folder.json'))
    expect(() => readNotebookDocument(join(dir, 'folder.json'))).toThrow(
      expect.objectContaining({
        code: 'bad_file',
        message: 'Cannot import "folder.json": it is a folder, not a file.',
      }),
    )
    writeFileSync(join(dir, 'broken.json'), '{ "format": ')
    expect(() => readNotebookDocument(join(dir, 'broken.json'))).toThrow(
      /"broken.json": it is not valid JSON/,
    )
  })

  // the same bounded read as every import: an endless device is refused, not read until memory runs out
  test.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero', () => {
    expect(() => readNotebookDocument('/dev/zero')).toThrow(/not a regular file \(a device\)/)
  })
})
