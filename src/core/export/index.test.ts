import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { IDS, openSampleNotebook, type SampleNotebook } from '../testing/sampleNotebook'

const leftovers = (folder: string) => readdirSync(folder).filter((n) => n.includes('.gloss-'))

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
    const all = await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'md' })
    expect(all.suggestedName).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}$/)
    expect(all.files.map((f) => f.path)[0]).toBe('index.md')
    const page = await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'html' })
    expect(page.suggestedName).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}\.html$/)
    expect(page.files).toEqual([{ path: page.suggestedName, content: page.content }])
    await expect(
      nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'pdf' as 'md' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'format' })
  })
})
