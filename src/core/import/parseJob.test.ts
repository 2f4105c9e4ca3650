import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/tempNotebook'
import { runParseJob, settleParseJob } from './parseJob'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('a parse job', () => {
  it('reads a file job from disk and names the article after the file', () => {
    const path = join(tempDir('gloss-job-'), 'plain')
    writeFileSync(path, 'A first line.\nA second line.')
    const { article, sourcePath } = runParseJob({ kind: 'file', path })
    expect(sourcePath).toBe(path)
    expect(article.sections.map((s) => s.text)).toEqual(['A first line.', 'A second line.'])
  })

  it('settles a refusal as data, as it crosses to the notebook thread', async () => {
    expect(await settleParseJob({ kind: 'bytes', bytes: bytes(' \n '), fileName: 'blank.md' })).toEqual({
      ok: false,
      error: { code: 'bad_file', message: 'Cannot import "blank.md": it contains only whitespace.' },
    })
  })

  it('turns a parser stack overflow into a refusal that says so', async () => {
    // emphasis nests inline, where the block-nesting scan does not look; marked recurses per
    // level and overflows this thread's stack (a parse worker's 4 MB stack gets through it)
    const emphasis = `${'*a '.repeat(3000)}x${' a*'.repeat(3000)}`
    expect(await settleParseJob({ kind: 'bytes', bytes: bytes(emphasis), fileName: 'emphasis.md' })).toEqual({
      ok: false,
      error: {
        code: 'bad_file',
        message:
          'Cannot import "emphasis.md": it is nested too deeply to read (the parser ran out of stack).',
      },
    })
  })
})
