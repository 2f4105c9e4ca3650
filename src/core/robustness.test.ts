/** Random calls of every operation, and a writer killed mid-write (src/core/testing/faultLoad.ts). */
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { fuzzContract, killDuringWrites } from './testing/faultLoad'
import { openTempNotebook, tempDir, type TempNotebook } from './testing/tempNotebook'

let nb: TempNotebook
beforeAll(async () => {
  nb = openTempNotebook()
  const [sample] = await nb.call('listArticles', {})
  const sections = await nb.call('listSections', { articleId: sample!.id })
  for (const section of sections.slice(0, 4))
    await nb.call('createExcerpt', {
      articleId: sample!.id,
      start: section.start,
      end: section.start + 30,
      tags: ['t'],
    })
  await nb.call('createNote', { title: 'A note' })
})
afterAll(() => nb.cleanup())

test('1,000 random calls across the contract: each answers or is refused with a typed error', async () => {
  const report = await fuzzContract(nb, 1000, 7)
  expect(report.crashes).toEqual([])
  expect(report.refused).toBeGreaterThan(0)
  expect(report.succeeded).toBeGreaterThan(0)
  // and the notebook is still whole
  expect((await nb.call('notebookInfo', {})).damage).toBeNull()
})

test('a writer killed mid-write loses no acknowledged excerpt and leaves a sound notebook', async () => {
  const report = await killDuringWrites(join(tempDir('gloss-kill-'), 'gloss.db'), 4, 3)
  expect(report.kills).toBe(4)
  expect(report.acknowledged).toBeGreaterThan(0)
  expect({ lost: report.lost, damaged: report.damaged }).toEqual({ lost: 0, damaged: 0 })
}, 120_000)
