import { describe, expect, it } from 'vitest'
import { isFolderExport } from '../../../shared/exportFormats'
import { EXPORT_FORMATS } from '../../../shared/model'
import {
  availableFormat,
  folderDescription,
  FORMATS,
  formatBytes,
  pdfName,
  previewText,
  unavailableReason,
  webBackupPath,
} from './exportOptions'

describe('formats', () => {
  it('describes every export format once', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual([...EXPORT_FORMATS].sort())
  })

  it('offers every format for a note or an article, a vault of it too', () => {
    for (const scope of ['note', 'article'] as const)
      for (const format of EXPORT_FORMATS) expect(unavailableReason(scope, format)).toBeNull()
    expect(isFolderExport('note', 'obsidian')).toBe(true)
  })

  it('offers every format for the whole notebook, folders too (a .zip in the browser)', () => {
    for (const format of EXPORT_FORMATS) expect(unavailableReason('notebook', format)).toBeNull()
    expect(isFolderExport('notebook', 'md')).toBe(true)
    expect(isFolderExport('notebook', 'obsidian')).toBe(true)
    expect(isFolderExport('notebook', 'html')).toBe(false)
    expect(folderDescription('obsidian', 'web')).toMatch(/Articles\/ and Notes\/.*downloads as one \.zip/)
    expect(folderDescription('md', 'electron')).not.toMatch(/zip/)
  })

  it('falls back to the first available format', () => {
    expect(availableFormat('notebook', 'md')).toBe('md')
    expect(availableFormat('note', 'obsidian')).toBe('obsidian')
    expect(availableFormat('article', 'pdf')).toBe('pdf')
  })
})

describe('pdfName', () => {
  it('swaps the extension', () => {
    expect(pdfName('Trump and Kim.html')).toBe('Trump and Kim.pdf')
    expect(pdfName('Note.HTM')).toBe('Note.pdf')
    expect(pdfName('Note')).toBe('Note.pdf')
  })
})

describe('previewText', () => {
  it('keeps short exports whole, without a BOM', () => {
    expect(previewText('\uFEFFa,b\r\n1,2\r\n')).toEqual({ text: 'a,b\r\n1,2', moreLines: 0, cutLine: false })
    expect(previewText('one\ntwo')).toEqual({ text: 'one\ntwo', moreLines: 0, cutLine: false })
  })

  it('cuts after the first lines and counts the rest', () => {
    const content = Array.from({ length: 250 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const preview = previewText(content, 200)
    expect(preview.text.split('\n')).toHaveLength(200)
    expect(preview.text.endsWith('line 200')).toBe(true)
    expect(preview.moreLines).toBe(50)
  })

  it('cuts a very long line by characters', () => {
    const preview = previewText('x'.repeat(500) + '\nnext', 200, 100)
    expect(preview.text).toHaveLength(100)
    expect(preview.cutLine).toBe(true)
    expect(preview.moreLines).toBe(2)
  })
})

describe('formatBytes', () => {
  it('reads well', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(2048)).toBe('2.0 KB')
    expect(formatBytes(200 * 1024)).toBe('200 KB')
    expect(formatBytes(5 * 1024 * 1024 + 1)).toBe('5.0 MB')
  })
})

describe('webBackupPath', () => {
  const now = new Date(Date.UTC(2025, 2, 9, 10, 15, 30, 123))
  it('puts the backup in backups/ beside the notebook, named by the time without colons', () => {
    expect(webBackupPath('/home/ada/.local/share/gloss/gloss.db', now)).toBe(
      '/home/ada/.local/share/gloss/backups/manual-2025-03-09T101530.123Z.db',
    )
  })

  it('keeps Windows separators', () => {
    expect(webBackupPath('C:\\Users\\Ada\\AppData\\Gloss\\gloss.db', now)).toBe(
      'C:\\Users\\Ada\\AppData\\Gloss\\backups\\manual-2025-03-09T101530.123Z.db',
    )
    expect(webBackupPath('C:\\gloss.db', now)).toBe('C:\\backups\\manual-2025-03-09T101530.123Z.db')
    expect(webBackupPath('D:/mixed\\dir/gloss.db', now)).toBe(
      'D:/mixed\\dir/backups/manual-2025-03-09T101530.123Z.db',
    )
  })

  it('copes with a notebook at the root or without a folder', () => {
    expect(webBackupPath('/gloss.db', now)).toBe('/backups/manual-2025-03-09T101530.123Z.db')
    expect(webBackupPath('gloss.db', now)).toBe('./backups/manual-2025-03-09T101530.123Z.db')
  })
})
