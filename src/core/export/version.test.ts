import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { openSampleNotebook } from '../testing/sampleNotebook'
import { generatorName, glossVersion } from './version'

test('every version stamp is package.json’s', async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  expect(glossVersion()).toBe(pkg.version)
  expect(generatorName()).toBe(`Gloss ${pkg.version}`)
  const nb = await openSampleNotebook() // as the CLI and the web shell open it: no appVersion given
  try {
    expect((await nb.call('notebookInfo', {})).appVersion).toBe(pkg.version)
    const doc = JSON.parse(
      (await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'json' })).content,
    )
    expect(doc.generator).toBe(`Gloss ${pkg.version}`)
    const page = (await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'html' })).content
    expect(page).toContain(`<meta name="generator" content="Gloss ${pkg.version}">`)
    expect(page).toContain(`Exported from Gloss ${pkg.version} on`)
  } finally {
    nb.cleanup()
  }
})
