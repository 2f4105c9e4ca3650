import { describe, expect, test } from 'vitest'
import { EXPORT_FORMAT_INFO, isFolderExport, supportsScope } from './exportFormats'
import { EXPORT_FORMATS } from './model'

describe('the export format registry', () => {
  test('describes every format of the contract, with its own extension', () => {
    expect(Object.keys(EXPORT_FORMAT_INFO).sort()).toEqual([...EXPORT_FORMATS].sort())
    const extensions = Object.values(EXPORT_FORMAT_INFO).map((f) => f.extension)
    expect(new Set(extensions).size).toBe(extensions.length)
    for (const info of Object.values(EXPORT_FORMAT_INFO)) expect(info.extension).toMatch(/^\.[a-z.]+$/)
  })

  test('a whole notebook in Markdown or HTML is a folder; anything else is one file', () => {
    const folders = EXPORT_FORMATS.filter((format) => isFolderExport('notebook', format))
    expect(folders.sort()).toEqual(['html', 'md'])
    for (const format of EXPORT_FORMATS) {
      expect(isFolderExport('note', format)).toBe(false)
      expect(isFolderExport('article', format)).toBe(false)
    }
  })

  test('PDF is for one note or one article', () => {
    expect(EXPORT_FORMATS.filter((format) => !supportsScope(format, 'notebook'))).toEqual(['pdf'])
    expect(supportsScope('pdf', 'note') && supportsScope('pdf', 'article')).toBe(true)
  })
})
