import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasImportableExtension, importablePathsFromArgv, parseLaunchData } from './args'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-args-'))
  for (const name of ['a.md', 'b.TXT', 'c.html', 'd.pdf', 'e.odt', 'index.js'])
    writeFileSync(join(dir, name), 'x')
  mkdirSync(join(dir, 'folder.md'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('importablePathsFromArgv', () => {
  it('keeps existing importable files, resolved against the launching directory', () => {
    const argv = [
      '/opt/Gloss/gloss',
      '--no-sandbox',
      'a.md',
      join(dir, 'b.TXT'),
      '.',
      'index.js',
      'd.pdf',
      'e.odt',
      'folder.md',
      'missing.md',
      'a.md',
    ]
    expect(importablePathsFromArgv(argv, dir)).toEqual([
      join(dir, 'a.md'),
      join(dir, 'b.TXT'),
      join(dir, 'd.pdf'),
    ])
  })

  it('skips argv[0] and switches, accepts file:// URLs', () => {
    const argv = [
      join(dir, 'a.md'),
      '--inspect=0',
      '--user-data-dir=/tmp/x.md',
      pathToFileURL(join(dir, 'c.html')).href,
    ]
    expect(importablePathsFromArgv(argv, '/')).toEqual([join(dir, 'c.html')])
  })

  it('ignores the app path in development (electron . / out/main/index.js)', () => {
    expect(importablePathsFromArgv(['electron', '.', 'out/main/index.js'], dir)).toEqual([])
  })

  it('can be given another existence check', () => {
    expect(importablePathsFromArgv(['x', '/n/a.md', '/n/b.md'], '/', (path) => path === '/n/b.md')).toEqual([
      '/n/b.md',
    ])
  })
})

describe('hasImportableExtension', () => {
  it('matches the import dialog', () => {
    for (const name of ['a.txt', 'a.md', 'a.markdown', 'a.html', 'a.HTM', 'a.pdf', 'b.EPUB', 'c.docx'])
      expect(hasImportableExtension(name)).toBe(true)
    for (const name of ['a.doc', 'a.odt', 'a', 'md', 'a.md.exe'])
      expect(hasImportableExtension(name)).toBe(false)
  })
})

describe('parseLaunchData', () => {
  it('accepts what a second instance sends and nothing else', () => {
    expect(parseLaunchData({ argv: ['gloss', 'a.md'], cwd: '/home/u' })).toEqual({
      argv: ['gloss', 'a.md'],
      cwd: '/home/u',
    })
    expect(parseLaunchData(null)).toBeNull()
    expect(parseLaunchData({ argv: 'gloss a.md', cwd: '/' })).toBeNull()
    expect(parseLaunchData({ argv: ['gloss', 1], cwd: '/' })).toBeNull()
    expect(parseLaunchData({ argv: [], cwd: '' })).toBeNull()
  })
})
