import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { GlossError } from '../../shared/errors'
import { tempDir } from '../testing/tempNotebook'
import { writeFileAtomic, writeFolderAtomic } from './files'
import { IDS, openSampleNotebook, type SampleNotebook } from './testing/sample'

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

describe('the export operation', () => {
  let nb: SampleNotebook
  beforeEach(async () => {
    nb = await openSampleNotebook()
  })
  afterEach(() => nb.cleanup())

  test('refuses to overwrite without force, for every format', async () => {
    for (const format of ['md', 'html', 'json', 'w3c', 'csv', 'bibtex', 'csl'] as const) {
      const path = join(nb.dir, `note.${format}`)
      writeFileSync(path, 'mine')
      await expect(
        nb.call('export', { scope: { kind: 'note', id: IDS.note }, format, path }),
      ).rejects.toMatchObject({
        code: 'file_exists',
        message: expect.stringContaining(path),
      })
      expect(readFileSync(path, 'utf8')).toBe('mine')
      const result = await nb.call('export', {
        scope: { kind: 'note', id: IDS.note },
        format,
        path,
        force: true,
      })
      expect(result.bytes).toBe(readFileSync(path).length)
    }
    expect(leftovers(nb.dir)).toEqual([])
  })

  test('an export that fails leaves no partial file', async () => {
    // a note that no longer exists: nothing is written
    const path = join(nb.dir, 'gone.md')
    await expect(
      nb.call('export', { scope: { kind: 'note', id: 'no-such-note' }, format: 'md', path }),
    ).rejects.toMatchObject({ code: 'not_found' })
    // the trash is not exported
    await expect(
      nb.call('export', { scope: { kind: 'note', id: IDS.trashedNote }, format: 'md', path }),
    ).rejects.toMatchObject({ code: 'conflict' })
    // a note whose stored content cannot be rendered fails before anything is written
    nb.notebook.db
      .prepare(`UPDATE notes SET content = ? WHERE id = ?`)
      .run(JSON.stringify({ root: { type: 'root', children: [{ type: 'bogus' }] } }), IDS.note)
    await expect(
      nb.call('export', { scope: { kind: 'notebook' }, format: 'md', path: join(nb.dir, 'vault') }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(
      nb.call('export', { scope: { kind: 'article', id: nb.article.id }, format: 'html', path }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    expect(readdirSync(nb.dir).sort()).toEqual(['gloss.db', 'gloss.db-shm', 'gloss.db-wal'])
  })

  test('renderExport returns the text for previews and downloads', async () => {
    const rendered = await nb.call('renderExport', {
      scope: { kind: 'article', id: nb.maps.id },
      format: 'md',
    })
    expect(rendered).toMatchObject({
      format: 'md',
      mediaType: 'text/markdown; charset=utf-8',
      suggestedName: 'Maps and territories.md',
    })
    expect(rendered.files).toEqual([{ path: 'Maps and territories.md', content: rendered.content }])
    const all = await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'html' })
    expect(all.suggestedName).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}$/)
    expect(all.files.map((f) => f.path)[0]).toBe('index.html')
    await expect(
      nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'pdf' as 'md' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'format' })
  })
})
