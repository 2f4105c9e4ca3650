/** The CLI's export, import-notebook, backup and restore commands (src/cli/commands.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { main } from './main'
import { tempDir } from '../core/testing/tempNotebook'
import { IDS, openSampleNotebook, type SampleNotebook } from '../core/testing/sampleNotebook'

let nb: SampleNotebook
let out: string
beforeEach(async () => {
  nb = await openSampleNotebook()
  nb.notebook.close() // the CLI opens the notebook itself
  out = tempDir()
})
afterEach(() => nb.cleanup())

async function run(...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await main(
    [...argv, '--db', nb.path],
    (s) => stdout.push(s),
    (s) => stderr.push(s),
  )
  return { code, out: stdout.join('\n'), err: stderr.join('\n') }
}

test('gloss export: a note or an article by id prefix, or --all; refuses to overwrite without --force', async () => {
  const note = await run('export', IDS.note, '--format', 'md', '-o', join(out, 'note.md'))
  expect(note).toMatchObject({ code: 0, err: '' })
  expect(note.out).toMatch(/^Exported \d+ bytes to .*note\.md$/)
  expect(readFileSync(join(out, 'note.md'), 'utf8')).toContain('# Kim, Trump and the next round')

  const article = await run(
    'export',
    nb.article.id.slice(-8),
    '--format',
    'csv',
    '-o',
    join(out, 'a.csv'),
    '--json',
  )
  expect(JSON.parse(article.out)).toMatchObject({ path: join(out, 'a.csv'), files: 1 })

  const again = await run('export', nb.article.id.slice(-8), '--format', 'csv', '-o', join(out, 'a.csv'))
  expect(again.code).toBe(1)
  expect(again.err).toMatch(/^gloss: ".*a\.csv" already exists/)
  expect(
    (await run('export', nb.article.id.slice(-8), '--format', 'csv', '-o', join(out, 'a.csv'), '--force'))
      .code,
  ).toBe(0)

  const all = await run('export', '--all', '--format', 'md', '-o', join(out, 'site'))
  expect(all.out).toMatch(/^Exported 5 files, \d+ bytes to .*site$/)
  expect(readdirSync(join(out, 'site')).sort()).toEqual(['articles', 'index.md', 'notes'])

  const bad = await run('export', IDS.note, '--format', 'docx')
  expect(bad.code).toBe(2)
  expect(bad.err).toMatch(/--format must be one of md, obsidian, html, json, w3c, csv, pdf, bibtex, csl, ris/)
  expect((await run('export', 'zzz', '--format', 'md')).err).toMatch(/No note or article "zzz"/)
  // a prefix shared by two notes is refused, never guessed
  const ambiguous = await run(
    'export',
    '00000000-0000-4000-8000-0000000000a',
    '--format',
    'md',
    '-o',
    join(out, 'x.md'),
  )
  expect(ambiguous.err).toMatch(/matches 2 notes and articles/)
})

test('gloss export picks a file name when -o is missing', async () => {
  const cwd = process.cwd()
  process.chdir(out)
  try {
    expect((await run('export', IDS.note, '--format', 'bibtex')).code).toBe(0)
    expect((await run('export', '--all', '--format', 'json')).code).toBe(0)
  } finally {
    process.chdir(cwd)
  }
  const names = readdirSync(out).sort()
  expect(names[0]).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}\.gloss\.json$/)
  expect(names[1]).toBe('Kim, Trump and the next round.bib')
})

test('gloss import-notebook merges a document; gloss backup and restore --yes', async () => {
  const doc = join(out, 'all.gloss.json')
  expect((await run('export', '--all', '--format', 'json', '-o', doc)).code).toBe(0)
  const other = join(tempDir(), 'other.db')
  const imported = await main(
    ['import-notebook', doc, '--db', other],
    () => {},
    () => {},
  )
  expect(imported).toBe(0)
  const lines: string[] = []
  await main(['import-notebook', doc, '--db', other], (s) => lines.push(s))
  expect(lines.join('\n')).toMatch(/^added {4}0 articles, 0 sections, 0 excerpts, 0 tags, 0 notes\nupdated/)

  const backup = join(out, 'nb.db')
  const backedUp = await run('backup', backup)
  expect(backedUp.out).toMatch(/^Backed up the notebook to .*nb\.db \(\d+ bytes, integrity ok\)$/)
  expect((await run('backup', backup)).err).toMatch(/already exists/)

  const refused = await run('restore', backup)
  expect(refused).toMatchObject({ code: 2, err: 'gloss: restoring replaces the notebook; pass --yes' })
  const restored = await run('restore', backup, '--yes')
  expect(restored.code).toBe(0)
  expect(restored.out).toMatch(
    /^Restored 2 articles, 4 excerpts, 2 notes from .*nb\.db\nThe notebook as it was is saved in .*before-restore-.*\.db$/,
  )
  expect(existsSync(join(nb.dir, 'backups'))).toBe(true)
})
