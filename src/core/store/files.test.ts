import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { GlossError } from '../../shared/errors'
import { tempDir } from '../testing/tempNotebook'
import { writeFileAtomic, writeFolderAtomic } from './files'

let dir: string
beforeEach(() => {
  dir = tempDir()
})

const leftovers = (folder = dir) => readdirSync(folder).filter((n) => n.includes('.gloss-'))

function failure(fn: () => unknown): GlossError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    return error as GlossError
  }
  throw new Error('expected a failure')
}

describe('writeFileAtomic', () => {
  test('writes, refuses to overwrite without force, replaces with force', () => {
    const path = join(dir, 'out.md')
    expect(writeFileAtomic(path, 'one')).toEqual({ path, bytes: 3, files: 1 })
    const refused = failure(() => writeFileAtomic(path, 'two'))
    expect(refused).toMatchObject({ code: 'file_exists', field: 'path' })
    expect(refused.message).toContain(path)
    expect(readFileSync(path, 'utf8')).toBe('one')
    writeFileAtomic(path, 'three', { force: true })
    expect(readFileSync(path, 'utf8')).toBe('three')
    expect(leftovers()).toEqual([])
  })

  test('a write that fails part-way leaves no file, partial or temporary', () => {
    const path = join(dir, 'broken.csv')
    function* chunks() {
      yield 'article,quote\r\n'
      yield 'first row\r\n'
      throw new Error('the disk went away')
    }
    expect(failure(() => writeFileAtomic(path, chunks())).message).toMatch(
      /Cannot write ".*broken\.csv": the disk went away/,
    )
    expect(readdirSync(dir)).toEqual([])

    // the same with force over an existing file: the old content survives
    writeFileSync(path, 'old')
    failure(() => writeFileAtomic(path, chunks(), { force: true }))
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(leftovers()).toEqual([])
  })

  test('failures name the path: a missing folder, a folder in the way', () => {
    const missing = join(dir, 'no-such-folder', 'x.md')
    expect(failure(() => writeFileAtomic(missing, 'x'))).toMatchObject({
      code: 'invalid_input',
      message: `Cannot write "${missing}": its folder does not exist.`,
    })
    mkdirSync(join(dir, 'taken'))
    writeFileSync(join(dir, 'taken', 'keep.txt'), 'keep')
    expect(failure(() => writeFileAtomic(join(dir, 'taken'), 'x', { force: true })).message).toMatch(
      /it is a folder/,
    )
    expect(readFileSync(join(dir, 'taken', 'keep.txt'), 'utf8')).toBe('keep')
    expect(leftovers()).toEqual([])
  })
})

describe('writeFolderAtomic', () => {
  test('all files appear at once; an existing folder is kept unless force', () => {
    const out = join(dir, 'vault')
    const result = writeFolderAtomic(out, [
      { path: 'index.md', content: '# index' },
      { path: 'notes/a.md', content: 'a' },
    ])
    expect(result).toMatchObject({ path: out, files: 2, bytes: 8 })
    expect(failure(() => writeFolderAtomic(out, [{ path: 'index.md', content: 'new' }]))).toMatchObject({
      code: 'file_exists',
    })
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('# index')
    writeFolderAtomic(out, [{ path: 'index.md', content: 'new' }], { force: true })
    expect(readdirSync(out)).toEqual(['index.md'])
    expect(leftovers()).toEqual([])
  })

  test('a failure part-way leaves nothing behind (and the old folder untouched)', () => {
    const out = join(dir, 'vault')
    function* late() {
      yield 'partial'
      throw new Error('render failed')
    }
    failure(() =>
      writeFolderAtomic(out, [
        { path: 'index.md', content: 'ok' },
        { path: 'notes/b.md', content: late() },
      ]),
    )
    expect(readdirSync(dir)).toEqual([])
    writeFolderAtomic(out, [{ path: 'index.md', content: 'kept' }])
    expect(
      failure(() =>
        writeFolderAtomic(
          out,
          [
            { path: 'index.md', content: 'x' },
            { path: '../escape.md', content: 'x' },
          ],
          { force: true },
        ),
      ).code,
    ).toBe('invalid_input')
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('kept')
    expect(readdirSync(dir)).toEqual(['vault'])
  })
})
