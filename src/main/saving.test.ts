import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupFileName, backupTargetProblem, safeFileName, saveDialogFilters } from './saving'

describe('safeFileName', () => {
  it('keeps ordinary names as they are', () => {
    expect(safeFileName('Trump and Kim.md')).toBe('Trump and Kim.md')
    expect(safeFileName('Gloss notebook 2025-01-02.gloss.json')).toBe('Gloss notebook 2025-01-02.gloss.json')
    expect(safeFileName('Ünïcode — “quoted”.html')).toBe('Ünïcode — “quoted”.html')
  })

  it('replaces characters Windows or macOS refuse, drops control characters and trailing dots', () => {
    expect(safeFileName('Q&A: why?.md')).toBe('Q&A_ why_.md')
    expect(safeFileName('a<b>c|d*e"f.csv')).toBe('a_b_c_d_e_f.csv')
    expect(safeFileName('tab\there.md')).toBe('tabhere.md')
    expect(safeFileName('ends with dots... ')).toBe('ends with dots')
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd')
  })

  it('never returns an empty, dot-only or reserved name', () => {
    expect(safeFileName('')).toBe('Gloss export')
    expect(safeFileName('...')).toBe('Gloss export')
    expect(safeFileName('   ', 'Note')).toBe('Note')
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt')
    expect(safeFileName('console.md')).toBe('console.md')
  })

  it('shortens long names and keeps the extension', () => {
    const long = safeFileName(`${'word '.repeat(80)}.gloss.json`)
    expect(long.length).toBeLessThanOrEqual(200)
    expect(long.endsWith('.gloss.json')).toBe(true)
    expect(safeFileName(`${'x'.repeat(300)}.md`)).toMatch(/^x+\.md$/)
  })
})

describe('saveDialogFilters', () => {
  it('offers the extension by name, then all files', () => {
    expect(saveDialogFilters('Note.md', 'text/markdown')).toEqual([
      { name: 'Markdown', extensions: ['md'] },
      { name: 'All files', extensions: ['*'] },
    ])
    expect(saveDialogFilters('Article.csl.json', 'application/vnd.citationstyles.csl+json')[0]).toEqual({
      name: 'JSON',
      extensions: ['json'],
    })
    expect(saveDialogFilters('x.weird', 'application/x-weird; charset=utf-8')[0]).toEqual({
      name: 'application/x-weird',
      extensions: ['weird'],
    })
    expect(saveDialogFilters('no extension', 'text/plain')).toEqual([
      { name: 'All files', extensions: ['*'] },
    ])
  })
})

describe('backupFileName', () => {
  it('names the local day', () => {
    expect(backupFileName(new Date(2025, 2, 9, 23, 59))).toBe('Gloss backup 2025-03-09.db')
    expect(backupFileName(new Date(2024, 11, 31, 0, 1))).toBe('Gloss backup 2024-12-31.db')
  })
})

describe('backupTargetProblem', () => {
  const db = join('/home', 'ada', '.local', 'share', 'gloss', 'gloss.db')
  it('refuses the notebook itself and its journal files', () => {
    for (const target of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, join(db, '..', 'gloss.db')])
      expect(backupTargetProblem(target, db, 'linux'), target).toMatch(/open notebook itself/)
  })

  it('folds case where the file system usually does', () => {
    expect(backupTargetProblem(db.toUpperCase(), db, 'darwin')).not.toBeNull()
    expect(backupTargetProblem(db.toUpperCase(), db, 'linux')).toBeNull()
  })

  it('allows any other file', () => {
    expect(backupTargetProblem(join('/home', 'ada', 'Gloss backup 2025-03-09.db'), db, 'linux')).toBeNull()
    expect(backupTargetProblem(`${db}.bak`, db, 'linux')).toBeNull()
  })
})
