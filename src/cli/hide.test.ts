import { beforeEach, expect, test } from 'vitest'
import { tempDir } from '../core/testing/tempNotebook'
import type { ArticleSummary } from '../shared/model'
import { main } from './main'
import { join } from 'node:path'

let db: string
beforeEach(() => {
  db = join(tempDir(), 'gloss.db')
})

test('gloss hide and unhide take ¶ numbers and refuse ones the article lacks', async () => {
  const run = async (...argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main(
      [...argv, '--db', db],
      (s) => out.push(s),
      (s) => err.push(s),
    )
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const [article] = JSON.parse((await run('articles', '--json')).out) as ArticleSummary[]
  const hide = await run('hide', article!.id, '¶3', '5-6')
  expect(hide).toMatchObject({
    code: 0,
    out: 'Hidden: ¶3 (hidden by you), ¶5 (hidden by you), ¶6 (hidden by you)',
  })
  const sections = await run('sections', article!.id)
  expect(sections.out.match(/^¶\d+/gm)).toEqual(['¶1', '¶2', '¶4', '¶7', '¶8', '¶9', '¶10', '¶11'])
  expect(await run('unhide', article!.id, '¶5')).toMatchObject({ code: 0, out: 'Shown again: ¶5' })
  expect(await run('hide', article!.id, '¶40')).toMatchObject({
    code: 1,
    err: expect.stringContaining('has no ¶40'),
  })
  expect(await run('hide', article!.id, 'intro')).toMatchObject({
    code: 2,
    err: expect.stringContaining('"intro" is not a section number'),
  })
  expect(await run('hide', article!.id)).toMatchObject({ code: 2 })
  const unhideAll = await run('unhide', article!.id)
  expect(unhideAll.out).toBe('Shown again: ¶3, ¶6, ¶12')
})
