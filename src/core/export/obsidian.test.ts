import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { marked } from 'marked'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { collect } from '../snapshot/collect'
import { expectGolden } from '../testing/golden'
import {
  SAMPLE_TITLE as TITLE,
  IDS,
  normalizeVolatile,
  openSampleNotebook,
  SILENCE_QUOTE,
  type SampleNotebook,
} from '../testing/sampleNotebook'
import { markdownText, readVault, type Vault, type VaultFile } from './testing/vault'
import { visibleExcerpts } from './visible'

let nb: SampleNotebook
beforeEach(async () => {
  nb = await openSampleNotebook()
})
afterEach(() => nb.cleanup())

const exportVault = (path: string, force = false) =>
  nb.call('export', { scope: { kind: 'notebook' }, format: 'obsidian', path, force })

const fileOf = (vault: Vault, glossId: string): VaultFile => {
  const found = vault.files.filter((f) => f.frontMatter.gloss_id === glossId)
  expect(found, `one file has gloss_id ${glossId}`).toHaveLength(1)
  return found[0]!
}

describe('Obsidian vault', () => {
  test('every file parses, every wiki-link and block reference resolves, each excerpt is at its block', async () => {
    const dir = join(nb.dir, 'vault')
    const result = await exportVault(dir)
    expect(result.files).toBe(5)
    const vault = readVault(dir)
    expect(vault.files.map((f) => f.path).sort()).toEqual([
      'Articles/Maps and territories.md',
      `Articles/${TITLE}.md`,
      'Gloss notebook.md',
      'Notes/Kim, Trump and the next round.md',
      'Notes/Loose ends.md',
    ])
    expect(vault.dangling).toEqual([])
    // the links there are: the index's 4, each excerpt's ¶, the note's chip and card, its front matter's article
    expect(vault.links.length).toBeGreaterThanOrEqual(4 + 4 + 3)
    expect(vault.links.filter((l) => l.block).length).toBeGreaterThanOrEqual(6)

    const data = collect(nb.notebook.db, { kind: 'notebook' })
    const excerpts = visibleExcerpts(data)
    expect(excerpts).toHaveLength(4)
    for (const e of excerpts) {
      const article = fileOf(vault, e.articleId)
      const block = article.blocks.get(`e-${e.id.slice(-8)}`)
      expect(block, `excerpt ${e.id} has its block`).toBeDefined()
      expect(block!.startsWith(`> [!quote|${e.color}] [[#^p${e.sectionOrdinal}|¶${e.sectionOrdinal}]]`)).toBe(
        true,
      )
      expect(markdownText(block!)).toContain(e.quote.exact)
      if (e.comment) expect(markdownText(block!)).toContain(e.comment.split('\n')[0]!)
      // and its ¶ link leads to the section that holds the quote
      const section = article.blocks.get(`p${e.sectionOrdinal}`)!
      expect(markdownText(section).replace(/\s+/g, ' ')).toContain(e.quote.exact.replace(/\s+/g, ' '))
    }

    // every visible section is a block of its own, headings as headings
    const sample = fileOf(vault, nb.article.id)
    const sections = data.articles[0]!.sections.filter((s) => s.kind !== 'quarantined')
    for (const s of sections) expect(sample.blocks.has(`p${s.ordinal}`), `¶${s.ordinal}`).toBe(true)
    expect(sample.body).not.toMatch(/Login|TRASHED/)

    // the note: the ¶4 chip a link to the block, the card an embed of the excerpt's block
    const note = fileOf(vault, IDS.note)
    expect(note.body).toContain(`“Since those initial summits, North…” ([[${TITLE}#^p4|¶4]])`)
    expect(note.body).toContain(`![[${TITLE}#^e-${IDS.silence.slice(-8)}]]`)
    const embed = vault.links.find((l) => l.embed && l.from === note.path)!
    expect(markdownText(vault.resolve(embed)!.blocks.get(embed.block!)!)).toContain(SILENCE_QUOTE)
    expect(note.frontMatter).toMatchObject({ type: 'gloss-note', articles: [`[[${TITLE}]]`] })

    // nested tags, in the front matter and as #tags
    expect(sample.frontMatter.tags).toEqual([
      'people/Kim-Jong-Un',
      'places',
      'open-questions',
      'people/Trump',
      'people/Klingner',
    ])
    expect(sample.body).toContain('#people/Kim-Jong-Un #places')
    expect(fileOf(vault, 'index').body).toContain('#people/Kim-Jong-Un')

    expectGolden('vault-article.md', normalizeVolatile(readFileSync(join(dir, sample.path), 'utf8')))
    expectGolden('vault-note.md', normalizeVolatile(readFileSync(join(dir, note.path), 'utf8')))
  })

  test('re-export into the same folder updates Gloss’s files and leaves the person’s alone', async () => {
    const dir = join(nb.dir, 'vault')
    await exportVault(dir)
    const mine = {
      'My thoughts.md': '# Mine\n\nSee [[Gloss notebook]].\n',
      'Articles/scribbles.md': 'mine\n',
    }
    for (const [path, content] of Object.entries(mine)) writeFileSync(join(dir, path), content)
    mkdirSync(join(dir, '.obsidian'))
    writeFileSync(join(dir, '.obsidian', 'app.json'), '{}')
    const untouched = join(dir, 'Notes', 'Loose ends.md')

    await nb.call('renameArticle', { id: nb.maps.id, title: 'Maps: territories?' })
    await nb.call('deleteNote', { id: IDS.otherNote })
    const again = await exportVault(dir)
    expect(again.files).toBe(4)

    for (const [path, content] of Object.entries(mine))
      expect(readFileSync(join(dir, path), 'utf8')).toBe(content)
    expect(readFileSync(join(dir, '.obsidian', 'app.json'), 'utf8')).toBe('{}')
    // the renamed article under its new (safe) name, the old file and the trashed note gone
    expect(existsSync(join(dir, 'Articles', 'Maps and territories.md'))).toBe(false)
    expect(readFileSync(join(dir, 'Articles', 'Maps territories.md'), 'utf8')).toContain(
      '# Maps: territories?',
    )
    expect(existsSync(untouched)).toBe(false)
    const vault = readVault(dir)
    expect(vault.dangling).toEqual([])
    expect(vault.files).toHaveLength(4 + 2)

    // an unchanged file is not rewritten
    await nb.call('restoreNote', { id: IDS.otherNote })
    await exportVault(dir)
    const restored = statSync(untouched).mtimeMs
    await exportVault(dir)
    expect(statSync(untouched).mtimeMs).toBe(restored)

    // a Gloss file the person moved to another folder is updated where it is
    mkdirSync(join(dir, 'Reading'))
    const moved = join(dir, 'Reading', 'Loose ends.md')
    writeFileSync(moved, readFileSync(untouched, 'utf8').replace('# Loose ends', '# Loose ends, edited'))
    rmSync(untouched)
    await exportVault(dir)
    expect(existsSync(untouched)).toBe(false)
    expect(readFileSync(moved, 'utf8')).toContain('# Loose ends\n')
    expect(readVault(dir).dangling).toEqual([])
  })

  test('a vault of one note: the note, the article it cites with the cited excerpt, every link resolving', async () => {
    const dir = join(nb.dir, 'note-vault')
    await nb.call('export', { scope: { kind: 'note', id: IDS.note }, format: 'obsidian', path: dir })
    const vault = readVault(dir)
    expect(vault.files.map((f) => f.path).sort()).toEqual([
      `Articles/${TITLE}.md`,
      'Gloss notebook.md',
      'Notes/Kim, Trump and the next round.md',
    ])
    expect(vault.dangling).toEqual([])
    const article = fileOf(vault, nb.article.id)
    expect([...article.blocks.keys()].filter((id) => id.startsWith('e-'))).toEqual([
      `e-${IDS.silence.slice(-8)}`,
    ])
    const rendered = await nb.call('renderExport', {
      scope: { kind: 'note', id: IDS.note },
      format: 'obsidian',
    })
    expect(rendered.suggestedName).toBe('Kim, Trump and the next round')
  })

  test('a file of the person’s where Gloss would write is refused, naming it, before anything is written', async () => {
    const dir = join(nb.dir, 'vault')
    mkdirSync(join(dir, 'Notes'), { recursive: true })
    writeFileSync(join(dir, 'Notes', 'Loose ends.md'), 'mine\n')
    await expect(exportVault(dir)).rejects.toMatchObject({
      code: 'file_exists',
      message: expect.stringContaining('Loose ends.md" is not a file Gloss wrote (it has no gloss_id)'),
    })
    expect(existsSync(join(dir, 'Gloss notebook.md'))).toBe(false)
    await exportVault(dir, true)
    expect(readFileSync(join(dir, 'Notes', 'Loose ends.md'), 'utf8')).toContain('gloss_id')
  })

  test('file names are safe everywhere, unique across the vault and stable', async () => {
    await nb.call('renameArticle', { id: nb.maps.id, title: 'CON' })
    await nb.call('createNote', { title: 'a/b\\c:d*e?f"g<h>i|j#k^l[m]n.' })
    await nb.call('createNote', { title: 'con' }) // same name as the article, case aside
    await nb.call('createNote', { title: 'Gloss notebook' }) // the index's name
    const first = await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'obsidian' })
    const names = first.files.map((f) => f.path)
    expect(names).toContain('Articles/CON_.md')
    expect(names).toContain('Notes/a b c d e f g h i j k l m n.md')
    expect(names.filter((n) => /\/con_? \([0-9a-f]{8}\)\.md$/i.test(n))).toHaveLength(1)
    expect(names.filter((n) => /^Notes\/Gloss notebook \([0-9a-f]{8}\)\.md$/.test(n))).toHaveLength(1)
    const stems = names.map((n) => n.replace(/^.*\//, '').toLowerCase())
    expect(new Set(stems).size).toBe(stems.length)
    for (const n of names) expect(n).not.toMatch(/[<>:"\\|?*#^[\]]|[. ]\.md$/)
    const again = await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'obsidian' })
    expect(again.files).toEqual(first.files) // no export time in a vault: the same bytes
    const dir = join(nb.dir, 'vault')
    await exportVault(dir)
    expect(readVault(dir).dangling).toEqual([])
  })
})

test('a vault of hostile titles, comments and tags: nothing runs, no link breaks or dangles', async () => {
  const evil = '<img src=x onerror=alert(1)> ]] [[Gloss notebook]] |#^p1 %%hidden%% ==mark=='
  await nb.call('renameArticle', { id: nb.article.id, title: `Evil ${evil}` })
  await nb.call('renameNote', { id: IDS.note, title: `Note ${evil}` })
  await nb.call('updateExcerpt', {
    id: IDS.silence,
    comment: `<script>alert(2)</script> ${evil}\n\n> [!danger] not a callout`,
    tags: ['people/Trump', 'x]]y', '#hash'],
  })
  const dir = join(nb.dir, 'vault')
  await exportVault(dir)
  const vault = readVault(dir)
  expect(vault.dangling).toEqual([])
  // every link is one Gloss wrote, to a file of the vault: the hostile text made none
  const names = new Set(vault.files.map((f) => f.path.replace(/^.*\//, '').replace(/\.md$/, '')))
  for (const link of vault.links) {
    expect(link.target === '' || names.has(link.target), link.raw).toBe(true)
    expect(link.raw).not.toMatch(/[<>]/)
  }
  expect(vault.links.filter((l) => l.target === 'Gloss notebook')).toEqual([])
  for (const file of vault.files) {
    const html = marked.parse(file.body, { async: false })
    const doc = new JSDOM(html).window.document
    expect(doc.querySelectorAll('script, img, iframe').length, file.path).toBe(0)
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes) expect(attr.name, file.path).not.toMatch(/^on/i)
  }
  const article = fileOf(vault, nb.article.id)
  // the title in the front matter, where Obsidian would take [[…]] for a link, has its brackets apart
  expect(article.frontMatter.title).toBe(`Evil ${evil}`.replace('[[', '[ [').replace(/\]\]/g, '] ]'))
  expect(article.headings[0]).toContain('\\[\\[Gloss notebook\\]\\]')
  expect(markdownText(article.blocks.get(`e-${IDS.silence.slice(-8)}`)!)).toContain(
    '<script>alert(2)</script>',
  )
})
