import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { tempDir } from '../testing/tempNotebook'
import { checkImportFile, readImportFile } from './readFile'
import { MAX_IMPORT_BYTES } from './validate'

function refusal(run: () => unknown): GlossError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe('bad_file')
    expect((error as GlossError).field).toBe('path')
    return error as GlossError
  }
  throw new Error('expected the read to be refused')
}

const posix = process.platform !== 'win32'

describe('reading a file to import', () => {
  const dir = tempDir('gloss-read-')

  it('reads a regular file whole', () => {
    const path = join(dir, 'note.md')
    writeFileSync(path, '# Note\n\nText.')
    const file = readImportFile(path)
    expect(file).toMatchObject({ absolute: path, name: 'note.md' })
    expect(Buffer.from(file.bytes).toString()).toBe('# Note\n\nText.')
  })

  it.skipIf(!posix)('refuses a named pipe at once instead of waiting for a writer', () => {
    const path = join(dir, 'pipe.txt')
    execFileSync('mkfifo', [path])
    expect(refusal(() => readImportFile(path)).message).toBe(
      'Cannot import "pipe.txt": it is not a regular file (a named pipe).',
    )
  })

  it.skipIf(!posix)('refuses them from a stat alone too, before any worker starts', async () => {
    const path = join(dir, 'pipe2.txt')
    execFileSync('mkfifo', [path])
    await expect(checkImportFile(path)).rejects.toMatchObject({
      code: 'bad_file',
      field: 'path',
      message: 'Cannot import "pipe2.txt": it is not a regular file (a named pipe).',
    })
    await expect(checkImportFile(dir)).rejects.toMatchObject({ message: expect.stringMatching(/a folder/) })
    await expect(checkImportFile(join(dir, 'none.md'))).rejects.toMatchObject({
      message: 'Cannot import "none.md": no such file.',
    })
    writeFileSync(join(dir, 'fine.md'), 'Fine.')
    await expect(checkImportFile(join(dir, 'fine.md'))).resolves.toBeUndefined()
  })

  it.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero, whose size says 0', () => {
    expect(refusal(() => readImportFile('/dev/zero')).message).toBe(
      'Cannot import "zero": it is not a regular file (a device).',
    )
  })

  it('refuses a folder and a missing file by name', () => {
    mkdirSync(join(dir, 'folder'))
    expect(refusal(() => readImportFile(join(dir, 'folder'))).message).toBe(
      'Cannot import "folder": it is a folder, not a file.',
    )
    expect(refusal(() => readImportFile(join(dir, 'gone.txt'))).message).toBe(
      'Cannot import "gone.txt": no such file.',
    )
  })

  it('refuses a file over the cap from its size, and takes one of exactly the cap', () => {
    writeFileSync(join(dir, 'cap.txt'), Buffer.alloc(MAX_IMPORT_BYTES, 'a'))
    expect(readImportFile(join(dir, 'cap.txt')).bytes.byteLength).toBe(MAX_IMPORT_BYTES)
    writeFileSync(join(dir, 'over.txt'), Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'))
    expect(refusal(() => readImportFile(join(dir, 'over.txt'))).message).toBe(
      'Cannot import "over.txt": it is 20.0 MB; the limit is 20 MB.',
    )
  })

  // procfs files are regular files whose stat size is 0 however much they hold: the read must
  // neither trust that size nor run past the cap
  const proc = '/proc/self/maps'
  it.skipIf(!existsSync(proc))('reads past a size of 0 and stops one byte past the cap', () => {
    const whole = readImportFile(proc).bytes
    expect(whole.byteLength).toBeGreaterThan(100)
    const capped = refusal(() => readImportFile(proc, 100))
    expect(capped.message).toBe(
      'Cannot import "maps": it is over the 100 bytes limit (more than its listed size: it may be growing).',
    )
  })
})
