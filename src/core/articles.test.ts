/**
 * Hidden headings: a heading the importer hid (a newsletter prompt, a "Related" list's title)
 * comes back as a heading of its level, on several articles and sections at once; by hand too;
 * through a new version too, where captions also stay captions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Section } from '../shared/model'
import { page, paragraphs } from './import/chrome/testing'
import { openTempNotebook, type TempNotebook } from './testing/tempNotebook'

const HARBOUR = page(`<h1>Harbour</h1>${paragraphs('the harbour', 'boats')}
  <h2>Sign up for our newsletter</h2><p>Get the news every morning.</p>
  <h3>Related articles</h3><ul><li><a href="/a">The storm of last winter hit the coast</a></li><li><a href="/b">Ferries cancelled across the region today</a></li></ul>
  ${paragraphs('the repairs')}
  <h2>Comments</h2>`)
const PORT = page(`<h1>Le port</h1>${paragraphs('the port', 'the fishermen')}
  <h4>Lire aussi</h4><ul><li><a href="/c">La tempête de l’hiver dernier a frappé la côte</a></li><li><a href="/d">Les ferries annulés dans toute la région</a></li></ul>
  ${paragraphs('the quay')}`)

let nb: TempNotebook
beforeAll(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterAll(() => nb.cleanup())

async function imported(content: string, fileName: string) {
  const { article } = await nb.call('importContent', { content, fileName })
  return article.id
}
const hiddenHeadings = (sections: Section[]) =>
  sections.filter((s) => s.kind === 'quarantined' && s.level !== null && s.level !== undefined)
const kinds = (sections: Section[]) => sections.map((s) => [s.text, s.kind, s.level ?? null])

describe('restoring hidden headings', () => {
  it('brings every hidden heading of several articles back as a heading of its level', async () => {
    const harbour = await imported(HARBOUR, 'harbour.html')
    const port = await imported(PORT, 'port.html')
    const all = (id: string) => nb.call('listSections', { articleId: id, includeQuarantined: true })
    const harbourHeadings = hiddenHeadings(await all(harbour))
    expect(kinds(harbourHeadings)).toEqual([
      ['Sign up for our newsletter', 'quarantined', 2],
      ['Related articles', 'quarantined', 3],
      ['Comments', 'quarantined', 2],
    ])
    const portHeadings = hiddenHeadings(await all(port))
    expect(kinds(portHeadings)).toEqual([['Lire aussi', 'quarantined', 4]])

    // the whole of one article, two chosen sections of the other
    const restored = await nb.call('restoreSections', { articleId: port })
    expect(restored.find((s) => s.text === 'Lire aussi')).toMatchObject({ kind: 'heading', level: 4 })
    expect(restored.filter((s) => s.text !== 'Lire aussi').every((s) => s.kind === 'paragraph')).toBe(true)
    const chosen = [harbourHeadings[0]!.id, harbourHeadings[1]!.id]
    expect(kinds(await nb.call('restoreSections', { articleId: harbour, sectionIds: chosen }))).toEqual([
      ['Sign up for our newsletter', 'heading', 2],
      ['Related articles', 'heading', 3],
    ])
    // what the reader reads: the same, and the one not chosen still hidden
    const reading = await nb.call('getArticle', { id: harbour })
    const byText = new Map(reading.sections.map((s) => [s.text, s]))
    expect(byText.get('Related articles')).toMatchObject({ kind: 'heading', level: 3 })
    expect(byText.get('Comments')).toMatchObject({ kind: 'quarantined', level: 2 })
    expect(byText.get('The storm of last winter hit the coast')?.kind).toBe('quarantined')
  })

  it('a heading hidden by hand and restored is a heading again; a paragraph stays a paragraph', async () => {
    const id = await imported(HARBOUR.replace('Harbour</h1>', 'Harbour again</h1>'), 'again.html')
    const sections = await nb.call('listSections', { articleId: id })
    const heading = sections.find((s) => s.kind === 'heading')!
    const paragraph = sections.find((s) => s.kind === 'paragraph')!
    const ids = [heading.id, paragraph.id]
    await nb.call('quarantineSections', { articleId: id, sectionIds: ids })
    const back = await nb.call('restoreSections', { articleId: id, sectionIds: ids })
    expect(back.map((s) => [s.id, s.kind, s.level ?? null])).toEqual([
      [heading.id, 'heading', heading.level],
      [paragraph.id, 'paragraph', null],
    ])
  })

  it('a new version keeps hidden headings restorable as headings, and one restored stays a heading', async () => {
    const id = await imported(HARBOUR.replace('Harbour</h1>', 'Harbour, third</h1>'), 'third.html')
    const before = hiddenHeadings(await nb.call('listSections', { articleId: id, includeQuarantined: true }))
    await nb.call('restoreSections', { articleId: id, sectionIds: [before[0]!.id] })
    const next = HARBOUR.replace('Harbour</h1>', 'Harbour, third</h1>').replace(
      'the repairs',
      'the rebuilding',
    )
    await nb.call('importVersion', { articleId: id, content: next, fileName: 'third.html' })
    const after = await nb.call('listSections', { articleId: id, includeQuarantined: true })
    const byText = new Map(after.map((s) => [s.text, s]))
    // the one the person brought back stays a heading in the new version
    expect(byText.get('Sign up for our newsletter')).toMatchObject({ kind: 'heading', level: 2 })
    const stillHidden = hiddenHeadings(after).map((s) => s.id)
    expect(stillHidden).toHaveLength(2)
    const back = await nb.call('restoreSections', { articleId: id, sectionIds: stillHidden })
    expect(kinds(back)).toEqual([
      ['Related articles', 'heading', 3],
      ['Comments', 'heading', 2],
    ])
  })

  it('a new version keeps each caption a caption, in sections that continue and in new ones', async () => {
    const figure = (caption: string) =>
      `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><figcaption>${caption}</figcaption></figure>`
    const deltas = (extra: string) =>
      page(`<h1>Deltas</h1>${paragraphs('the deltas', 'the rivers')}${figure('The Nile delta from orbit.')}
        ${paragraphs('the tides')}${extra}`)
    const id = await imported(deltas(''), 'deltas.html')
    await nb.call('importVersion', {
      articleId: id,
      content: deltas(`${figure('The Ganges delta at dawn.')}${paragraphs('the sediment')}`),
      fileName: 'deltas.html',
    })
    const sections = await nb.call('listSections', { articleId: id })
    const captions = sections.filter((s) => s.role === 'caption').map((s) => s.text)
    expect(captions).toEqual(['The Nile delta from orbit.', 'The Ganges delta at dawn.'])
    expect(sections.filter((s) => s.role !== 'caption').every((s) => !s.text.includes('delta at'))).toBe(true)
  })
})
