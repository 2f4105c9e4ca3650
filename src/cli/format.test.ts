/** `gloss excerpts` cites each excerpt with its own ¶: "¶2–3" for one running from ¶2 into ¶3. */
import { afterAll, expect, test } from 'vitest'
import { openTempNotebook } from '../core/testing/tempNotebook'
import { formatExcerpts } from './format'

const nb = openTempNotebook({ samplePath: null })
afterAll(() => nb.cleanup())

test('each excerpt line says its own ¶, a passage over two sections both', async () => {
  const { article } = await nb.call('importContent', {
    content: 'Rivers carry sediment.\n\nThe tides sort it.\n\nDeltas grow.\n\nSome deltas shrink.\n',
    fileName: 'rivers.txt',
    format: 'text',
  })
  const sections = await nb.call('listSections', { articleId: article.id, includeQuarantined: true })
  const [s1, s2, s3, s4] = sections
  for (const [start, end] of [
    [s1!.start, s1!.start + 6],
    [s2!.end - 7, s3!.start + 6],
    [s4!.start, s4!.start + 4],
  ] as const)
    await nb.call('createExcerpt', { articleId: article.id, start, end })
  const listed = await nb.call('listExcerpts', { articleId: article.id })
  const cited = [...formatExcerpts(listed, sections).matchAll(/^\S+ {2}(\S+) {2}\[/gm)].map((m) => m[1])
  expect(cited).toEqual([`¶${s1!.ordinal}`, `¶${s2!.ordinal}–${s3!.ordinal}`, `¶${s4!.ordinal}`])
})
