import { describe, expect, test } from 'vitest'
import { EXPORT_FORMAT_INFO, isFolderExport, supportsScope } from './exportFormats'
import { EXPORT_FORMATS } from './model'

describe('the export format registry', () => {
  test('describes every format of the contract, with its own extension', () => {
    expect(Object.keys(EXPORT_FORMAT_INFO).sort()).toEqual([...EXPORT_FORMATS].sort())
    // a vault's files are Markdown, as a Markdown folder's are
    const extensions = Object.entries(EXPORT_FORMAT_INFO)
      .filter(([format]) => format !== 'obsidian')
      .map(([, f]) => f.extension)
    expect(new Set(extensions).size).toBe(extensions.length)
    for (const info of Object.values(EXPORT_FORMAT_INFO)) expect(info.extension).toMatch(/^\.[a-z.]+$/)
  })

  test('a whole notebook in Markdown is a folder, a vault always is; anything else is one file', () => {
    const folders = EXPORT_FORMATS.filter((format) => isFolderExport('notebook', format))
    expect(folders.sort()).toEqual(['md', 'obsidian'])
    for (const format of EXPORT_FORMATS) {
      expect(isFolderExport('note', format)).toBe(format === 'obsidian')
      expect(isFolderExport('article', format)).toBe(format === 'obsidian')
    }
  })

  test('every format takes every scope', () => {
    for (const scope of ['note', 'article', 'notebook'] as const)
      expect(EXPORT_FORMATS.filter((format) => !supportsScope(format, scope))).toEqual([])
  })
})
