import { strFromU8, unzipSync } from 'fflate'
import { expect, test } from 'vitest'
import { zipFolder, zipName } from './zip'

test('a folder export zips under one folder, each file byte for byte', () => {
  const files = [
    { path: 'Gloss notebook.md', content: '# Gloss notebook\n' },
    { path: 'Articles/Ünïcode “quoted”.md', content: 'ß — ¶6 ^p6\n' },
  ]
  const entries = unzipSync(zipFolder('Gloss vault', files))
  expect(Object.keys(entries).sort()).toEqual([
    'Gloss vault/Articles/Ünïcode “quoted”.md',
    'Gloss vault/Gloss notebook.md',
  ])
  for (const f of files) expect(strFromU8(entries[`Gloss vault/${f.path}`]!)).toBe(f.content)
  expect(zipName('Gloss vault')).toBe('Gloss vault.zip')
})
