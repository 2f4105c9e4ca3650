import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SaveExportRequest } from '../shared/shell'
import {
  backupFileName,
  backupTargetProblem,
  exportCall,
  exportDialog,
  safeFileName,
  saveDialogFilters,
} from './saving'

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
  it('offers the extension under the kind’s name, then all files', () => {
    expect(saveDialogFilters('Note.md', 'Markdown (Obsidian)')).toEqual([
      { name: 'Markdown (Obsidian)', extensions: ['md'] },
      { name: 'All files', extensions: ['*'] },
    ])
    // the dialog filters by the last extension of a two-part one
    expect(saveDialogFilters('Article.csl.json', 'CSL-JSON')[0]).toEqual({
      name: 'CSL-JSON',
      extensions: ['json'],
    })
    expect(saveDialogFilters('Gloss backup 2025-03-09.db', 'Gloss notebook backup')[0]).toEqual({
      name: 'Gloss notebook backup',
      extensions: ['db'],
    })
  })

  it('offers only all files for a name without an extension (a folder export)', () => {
    expect(saveDialogFilters('Gloss notebook 2025-01-02', 'Markdown (Obsidian)')).toEqual([
      { name: 'All files', extensions: ['*'] },
    ])
  })
})

describe('exportDialog', () => {
  const docs = join('/home', 'ada', 'Documents')
  const article: SaveExportRequest = {
    scope: { kind: 'article', id: 'a1' },
    format: 'csv',
    suggestedName: 'Q&A: why?.csv',
  }

  it('suggests a safe name in the folder, filtered by the format’s extension and label', () => {
    expect(exportDialog(article, docs)).toEqual({
      title: 'Export',
      buttonLabel: 'Export',
      defaultPath: join(docs, 'Q&A_ why_.csv'),
      filters: [
        { name: 'CSV of excerpts (spreadsheets)', extensions: ['csv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    })
  })

  it('asks for a new folder for a whole-notebook Markdown or HTML export', () => {
    const folder: SaveExportRequest = {
      scope: { kind: 'notebook' },
      format: 'md',
      suggestedName: 'Gloss notebook 2025-01-02',
    }
    expect(exportDialog(folder, docs)).toEqual({
      title: 'Export to a new folder',
      buttonLabel: 'Export',
      defaultPath: join(docs, 'Gloss notebook 2025-01-02'),
    })
  })
})

describe('exportCall', () => {
  const path = join('/home', 'ada', 'Documents', 'x')

  it('has the notebook write the file, replacing one the dialog confirmed', () => {
    const request: SaveExportRequest = {
      scope: { kind: 'note', id: 'n1' },
      format: 'md',
      suggestedName: 'N.md',
    }
    expect(exportCall(request, path)).toEqual({
      name: 'export',
      input: { scope: { kind: 'note', id: 'n1' }, format: 'md', path, force: true },
    })
  })

  it('never replaces a folder: a whole-notebook folder export must be new', () => {
    const request: SaveExportRequest = { scope: { kind: 'notebook' }, format: 'md', suggestedName: 'G' }
    expect(exportCall(request, path)).toMatchObject({
      name: 'export',
      input: { format: 'md', force: false },
    })
    // a vault is updated in place, never replaced: Gloss's files only, the person's left alone
    const vault: SaveExportRequest = { scope: { kind: 'notebook' }, format: 'obsidian', suggestedName: 'V' }
    expect(exportCall(vault, path)).toMatchObject({
      name: 'export',
      input: { format: 'obsidian', force: false },
    })
    expect(exportDialog(vault, '/d').title).toBe('Export to a vault folder (new, or exported to before)')
    const single: SaveExportRequest = {
      scope: { kind: 'notebook' },
      format: 'json',
      suggestedName: 'G.gloss.json',
    }
    expect(exportCall(single, path)).toMatchObject({ name: 'export', input: { format: 'json', force: true } })
  })

  it('asks for the HTML page of a PDF, which the desktop shell prints itself', () => {
    const request: SaveExportRequest = {
      scope: { kind: 'article', id: 'a1' },
      format: 'pdf',
      suggestedName: 'A.pdf',
    }
    expect(exportCall(request, path)).toEqual({
      name: 'renderExport',
      input: { scope: { kind: 'article', id: 'a1' }, format: 'html' },
    })
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
