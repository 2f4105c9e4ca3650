import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedEditorState } from 'lexical'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Excerpt } from '../shared/model'
import {
  $createExcerptCardNode,
  $createSectionLinkNode,
  NOTE_NODES,
  SECTION_LINK_TYPE,
  EXCERPT_CARD_TYPE,
} from '../shared/notes/nodes'
import { sectionLinkLabel } from '../shared/notes/labels'
import { NOT_VERBATIM } from './export/markdown'
import { EXCERPT_CARD, SECTION_LINK } from './notes/relink'
import { defaultSamplePath } from './paths'
import { articleText, openTempNotebook, tableCounts, type TempNotebook } from './testing/tempNotebook'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook()
})
afterEach(() => nb.cleanup())

const SAMPLE = readFileSync(defaultSamplePath(), 'utf8')
const LINES = SAMPLE.split('\n').filter((l) => l.trim() !== '')

/** One replacement that must happen exactly once. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

const INSERTED =
  'An editor’s note added in this version: the timeline of the three summits was checked again against the State Department’s records.'

/** Version 2: ¶1's dash spaced, ¶2's quotes curled, words changed in ¶3, a paragraph after ¶3, ¶8 removed. */
function secondVersion(): string {
  const lines = [...LINES]
  lines[0] = edit(lines[0]!, '2019—in Singapore', '2019 – in Singapore')
  lines[1] = edit(
    lines[1]!,
    '"We would’ve had a nuclear war with millions of people killed,"',
    '“We would’ve had a nuclear war with millions of people killed,”',
  )
  lines[2] = edit(lines[2]!, 'praised the de-escalation of tensions', 'welcomed the easing of tensions')
  lines.splice(7, 1) // ¶8
  lines.splice(3, 0, INSERTED)
  return lines.join('\n')
}

/** Each excerpt of the test: its quote, the ¶ it is in now, and what version 2 does to it. */
const EXCERPTS = [
  {
    key: 'dash',
    quote: 'They held three landmark summits between 2018 and 2019—in Singapore, Hanoi',
    from: 1,
    to: 1,
    status: 'anchored',
  },
  {
    key: 'curled',
    quote: '"We would’ve had a nuclear war with millions of people killed,"',
    from: 2,
    to: 2,
    status: 'anchored',
  },
  {
    key: 'edited',
    quote: 'many supporters of diplomatic engagement praised the de-escalation of tensions',
    from: 3,
    to: 3,
    status: 'fuzzy',
  },
  {
    key: 'moved4',
    quote: 'North Korea has reopened its nuclear testing site',
    from: 4,
    to: 5,
    status: 'anchored',
  },
  {
    key: 'moved6',
    quote: 'His camp has not responded to requests for comment on whether he plans to restart talks.',
    from: 6,
    to: 7,
    status: 'anchored',
  },
  {
    key: 'gone1',
    quote:
      'Diplomats from Europe to Asia are now scrambling to figure out how to address this new, complex reality.',
    from: 8,
    to: null,
    status: 'orphaned',
  },
  {
    key: 'gone2',
    quote: 'Pyongyang will march towards its nuclear milestones',
    from: 8,
    to: null,
    status: 'orphaned',
  },
  {
    key: 'gone3',
    quote: 'Duyeon Kim from the Center for a New American Security',
    from: 8,
    to: null,
    status: 'orphaned',
  },
  {
    key: 'same10',
    quote: 'Bruce Klingner, a former CIA analyst and expert on North Korea',
    from: 10,
    to: 10,
    status: 'anchored',
  },
  {
    key: 'same11',
    quote: 'the world has changed significantly since then',
    from: 11,
    to: 11,
    status: 'anchored',
  },
] as const

function noteContent(
  articleId: string,
  links: Array<{ id: string; ordinal: number; text: string }>,
  card: Excerpt,
) {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      root.clear()
      const paragraph = $createParagraphNode().append($createTextNode('See '))
      for (const link of links) {
        paragraph.append(
          $createSectionLinkNode({
            articleId,
            sectionId: link.id,
            ordinal: link.ordinal,
            label: sectionLinkLabel(link.ordinal, link.text),
          }),
          $createTextNode(' and '),
        )
      }
      const cardNode = $createExcerptCardNode({
        excerptId: card.id,
        articleId,
        ordinal: card.sectionOrdinal,
        snapshot: { quote: card.quote.exact, color: card.color, comment: card.comment, tags: [] },
      })
      root.append(paragraph, cardNode, $createParagraphNode())
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON() as SerializedEditorState
}

function chips(content: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const json = node as Record<string, unknown>
    if (json.type === SECTION_LINK_TYPE || json.type === EXCERPT_CARD_TYPE) found.push(json)
    for (const value of Object.values(json)) if (typeof value === 'object') walk(value)
  }
  walk(content)
  return found
}

async function setUp() {
  const [article] = await nb.call('listArticles', {})
  const id = article!.id
  const before = await nb.call('getArticle', { id })
  const excerpts = new Map<string, Excerpt>()
  for (const e of EXCERPTS) {
    const made = await nb.call('createExcerpt', { articleId: id, quote: e.quote, tags: ['review/' + e.key] })
    expect(made.sectionOrdinal).toBe(e.from)
    excerpts.set(e.key, made)
  }
  // a deleted excerpt follows too, so that a restore finds its words
  const trashed = await nb.call('createExcerpt', {
    articleId: id,
    quote: 'what could North Korea gain from a renewed dialogue',
  })
  await nb.call('deleteExcerpt', { id: trashed.id })
  const section = (n: number) => before.sections.find((s) => s.ordinal === n)!
  const note = await nb.call('createNote', {
    title: 'Links to ¶4, ¶6 and ¶8',
    content: noteContent(id, [section(4), section(6), section(8)], excerpts.get('moved6')!),
  })
  return { id, before, excerpts, trashed, note, section }
}

describe('a new version of the sample', () => {
  test('re-anchors every excerpt as the edits require, and the ¶ links follow their sections', async () => {
    const { id, before, excerpts, trashed, note, section } = await setUp()
    const result = await nb.call('importVersion', {
      articleId: id,
      content: secondVersion(),
      fileName: 'v2.txt',
    })
    expect(result.duplicate).toBe(false)
    expect(result.article.id).toBe(id)
    expect(result.version).toEqual({
      number: 2,
      anchored: 7, // the six that kept their words, and the deleted one
      fuzzy: 1,
      orphaned: 3,
      sectionsFollowed: 11, // ¶8 has no counterpart
      sectionLinksFollowed: 2,
      sectionLinksOrphaned: 1,
    })
    expect(result.message).toBe(
      'Imported version 2 of “The story of Trump and Kim’s relationship began on a tense note”: 11 excerpts re-anchored, 4 to review (1 changed, 3 not found).',
    )
    expect(result.article).toMatchObject({ version: 2, reviewCount: 4, excerptCount: 10, sectionCount: 12 })

    const text = articleText(nb.notebook.db, id)
    expect(text).toContain(INSERTED)
    const after = await nb.call('getArticle', { id })
    for (const s of after.sections) expect(text.slice(s.start, s.end)).toBe(s.text)
    expect(after.sections[3]!.text).toBe(INSERTED)
    // sections that continue keep their ids: ¶4 is now ¶5, ¶6 is ¶7; ¶8's is gone
    expect(after.sections.find((s) => s.id === section(4).id)!.ordinal).toBe(5)
    expect(after.sections.find((s) => s.id === section(6).id)!.ordinal).toBe(7)
    expect(after.sections.some((s) => s.id === section(8).id)).toBe(false)
    expect(after.sections[11]).toMatchObject({ text: 'Login', kind: 'quarantined', id: section(12).id })

    const listed = await nb.call('listExcerpts', { articleId: id })
    expect(listed).toHaveLength(10)
    for (const e of EXCERPTS) {
      const now = listed.find((x) => x.id === excerpts.get(e.key)!.id)!
      const at = text.slice(now.position.start, now.position.end)
      expect(now.anchorStatus, e.key).toBe(e.status)
      expect(
        now.tags.map((t) => t.name),
        e.key,
      ).toEqual(['review/' + e.key])
      if (e.status === 'anchored') {
        expect(now.sectionOrdinal, e.key).toBe(e.to)
        expect(now.verbatim, e.key).toBe(true)
        expect(now.quote.exact, e.key).toBe(at) // described by the new text
        expect(now.quote.prefix, e.key).toBe(
          text.slice(Math.max(0, now.position.start - now.quote.prefix.length), now.position.start),
        )
      } else {
        expect(now.verbatim, e.key).toBe(false)
        expect(now.quote.exact, e.key).toBe(e.quote) // the old words, kept for the review
      }
    }
    const get = (key: string) => listed.find((x) => x.id === excerpts.get(key)!.id)!
    expect(text.slice(get('dash').position.start, get('dash').position.end)).toBe(
      'They held three landmark summits between 2018 and 2019 – in Singapore, Hanoi',
    )
    expect(get('curled').quote.exact).toBe('“We would’ve had a nuclear war with millions of people killed,”')
    expect(text.slice(get('edited').position.start, get('edited').position.end)).toBe(
      'many supporters of diplomatic engagement welcomed the easing of tensions',
    )
    // the orphans sit at the best guess: where ¶8 was, between ¶8 (old ¶7) and ¶9
    for (const key of ['gone1', 'gone2', 'gone3']) expect([8, 9]).toContain(get(key).sectionOrdinal)

    const restored = await nb.call('restoreExcerpt', { id: trashed.id })
    expect(text.slice(restored.position.start, restored.position.end)).toBe(
      'what could North Korea gain from a renewed dialogue',
    )
    expect(restored).toMatchObject({ anchorStatus: 'anchored', verbatim: true, sectionOrdinal: 9 })

    // the note's chips show the new ¶N; its text follows; its links are the same sections
    const saved = await nb.call('getNote', { id: note.id })
    const [link4, link6, link8, card] = chips(saved.content)
    expect(link4).toMatchObject({
      sectionId: section(4).id,
      ordinal: 5,
      text: sectionLinkLabel(5, section(4).text),
    })
    expect(link6).toMatchObject({
      sectionId: section(6).id,
      ordinal: 7,
      text: sectionLinkLabel(7, section(6).text),
    })
    expect(link8).toMatchObject({ sectionId: section(8).id, ordinal: 8 }) // orphaned: left as it was
    expect(card).toMatchObject({ excerptId: excerpts.get('moved6')!.id, ordinal: 7 })
    expect(saved.text).toContain('¶5 · Since those initial summits')
    expect(saved.text).toContain('¶7 · Despite these shifts')
    expect(saved.text).toContain('— ¶7')
    expect(saved.text).not.toContain('¶4 ·')
    expect(saved.updatedAt).toBe(note.updatedAt)

    const backlinks = await nb.call('getBacklinks', { articleId: id })
    expect(backlinks.source).toBe('live')
    expect(backlinks.sections[section(4).id]).toEqual([{ id: note.id, title: note.title }])
    expect(backlinks.sections[section(6).id]).toEqual([{ id: note.id, title: note.title }])
    expect(backlinks.orphanedSections).toEqual({
      [section(8).id]: { ordinal: 8, version: 1, notes: [{ id: note.id, title: note.title }] },
    })

    // version 1 stays readable as it was
    const versions = await nb.call('listVersions', { articleId: id })
    expect(versions.map((v) => [v.number, v.current, v.sectionCount])).toEqual([
      [1, false, 12],
      [2, true, 12],
    ])
    expect(versions[0]!.textLength).toBe(before.textLength)
    const v1 = await nb.call('getVersion', { articleId: id, number: 1 })
    expect(v1.text).toBe(
      SAMPLE.split('\n')
        .filter((l) => l.trim())
        .join('\n\n'),
    )
    expect(v1.sections.map((s) => [s.id, s.ordinal, s.text])).toEqual(
      before.sections.map((s) => [s.id, s.ordinal, s.text]),
    )
    const v2 = await nb.call('getVersion', { articleId: id, number: 2 })
    expect(v2.text).toBe(text)
    await expect(nb.call('getVersion', { articleId: id, number: 3 })).rejects.toMatchObject({
      code: 'not_found',
      field: 'number',
      message: 'The article has no version 3 (its versions are 1 to 2).',
    })
    expect(nb.notebook.checkIntegrity()).toBeNull()
  })

  test('the review queue: old quote, new text, word diff; accept, reattach, keep as orphan, delete', async () => {
    const { id, excerpts } = await setUp()
    await nb.call('importVersion', { articleId: id, content: secondVersion() })
    const queue = await nb.call('listReview', { articleId: id })
    const keys = ['edited', 'gone1', 'gone2', 'gone3']
    expect(queue.map((q) => q.excerpt.id).sort()).toEqual(keys.map((k) => excerpts.get(k)!.id).sort())
    const text = articleText(nb.notebook.db, id)
    for (const item of queue) {
      expect(item.articleTitle).toMatch(/^The story of Trump/)
      expect(item.oldQuote).toBe(item.excerpt.quote.exact)
      expect(item.newText).toBe(text.slice(item.excerpt.position.start, item.excerpt.position.end))
      // the parts rebuild both sides
      expect(
        item.diff
          .filter((p) => p.op !== 'inserted')
          .map((p) => p.text)
          .join(''),
      ).toBe(item.oldQuote)
      expect(
        item.diff
          .filter((p) => p.op !== 'deleted')
          .map((p) => p.text)
          .join(''),
      ).toBe(item.newText)
    }
    const edited = queue.find((q) => q.excerpt.id === excerpts.get('edited')!.id)!
    expect(edited.diff.filter((p) => p.op === 'deleted').map((p) => p.text.trim())).toEqual([
      'praised',
      'de-escalation',
    ])
    expect(edited.diff.filter((p) => p.op === 'inserted').map((p) => p.text.trim())).toEqual([
      'welcomed',
      'easing',
    ])

    // markdown marks each excerpt whose words are not the current version's
    const md = async () =>
      (await nb.call('renderExport', { scope: { kind: 'article', id }, format: 'md' })).content
    expect((await md()).split(NOT_VERBATIM)).toHaveLength(5)

    const accepted = await nb.call('resolveReview', {
      excerptId: excerpts.get('edited')!.id,
      action: 'accept',
    })
    expect(accepted).toMatchObject({
      anchorStatus: 'anchored',
      verbatim: true,
      quote: { exact: 'many supporters of diplomatic engagement welcomed the easing of tensions' },
    })
    const kept = await nb.call('resolveReview', {
      excerptId: excerpts.get('gone1')!.id,
      action: 'keepOrphan',
    })
    expect(kept).toMatchObject({
      anchorStatus: 'orphaned',
      verbatim: false,
      quote: { exact: EXCERPTS[5].quote },
    })
    const start = text.indexOf('the timeline of the three summits')
    const reattached = await nb.call('resolveReview', {
      excerptId: excerpts.get('gone2')!.id,
      action: 'reattach',
      start: start - 1, // a space: trimmed
      end: start + 'the timeline of the three summits'.length,
    })
    expect(reattached).toMatchObject({
      anchorStatus: 'anchored',
      verbatim: true,
      sectionOrdinal: 4,
      position: { start, end: start + 'the timeline of the three summits'.length },
      quote: { exact: 'the timeline of the three summits' },
    })
    const deleted = await nb.call('resolveReview', { excerptId: excerpts.get('gone3')!.id, action: 'delete' })
    expect(deleted.deletedAt).not.toBeNull()

    expect(await nb.call('listReview', {})).toEqual([])
    const [summary] = await nb.call('listArticles', {})
    expect(summary).toMatchObject({ reviewCount: 0, excerptCount: 9 })
    // only the kept orphan still reads otherwise than the article
    const markdown = await md()
    expect(markdown.split(NOT_VERBATIM)).toHaveLength(2)
    const block = markdown.slice(markdown.indexOf('Diplomats from Europe'), markdown.indexOf(NOT_VERBATIM))
    expect(block.length).toBeLessThan(300) // the warning is under that excerpt's block
    expect((await nb.call('listExcerpts', { articleId: id })).map((e) => [e.id, e.verbatim])).toEqual(
      (await nb.call('listExcerpts', { articleId: id })).map((e) => [e.id, e.id !== kept.id]),
    )

    // a settled excerpt is out of the queue: resolving it again is refused, and so are bad inputs
    await expect(nb.call('resolveReview', { excerptId: kept.id, action: 'accept' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'excerptId',
    })
    const counts = tableCounts(nb.notebook.db)
    await expect(
      nb.call('resolveReview', { excerptId: accepted.id, action: 'reattach', start: 5 }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'start' })
    await expect(
      nb.call('resolveReview', { excerptId: accepted.id, action: 'keepOrphan', start: 1, end: 4 }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'start' })
    expect(tableCounts(nb.notebook.db)).toEqual(counts)
  })

  test('reattach refuses a range past the end or of only whitespace, changing nothing', async () => {
    const { id, excerpts } = await setUp()
    await nb.call('importVersion', { articleId: id, content: secondVersion() })
    const excerptId = excerpts.get('gone1')!.id
    const length = articleText(nb.notebook.db, id).length
    const before = await nb.call('getExcerpt', { id: excerptId })
    await expect(
      nb.call('resolveReview', { excerptId, action: 'reattach', start: length - 3, end: length + 5 }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'end' })
    const gap = articleText(nb.notebook.db, id).indexOf('\n\n')
    await expect(
      nb.call('resolveReview', { excerptId, action: 'reattach', start: gap, end: gap + 2 }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'start' })
    expect(await nb.call('getExcerpt', { id: excerptId })).toEqual(before)
  })

  test('a file imported again from the same path becomes its next version; the same content is a duplicate', async () => {
    const path = join(nb.dir, 'dispatch.txt')
    writeFileSync(path, SAMPLE.replace('The story of Trump', 'The tale of Trump'))
    const first = await nb.call('importFile', { path })
    expect(first.version).toBeUndefined()
    const excerpt = await nb.call('createExcerpt', { articleId: first.article.id, quote: 'Bruce Klingner' })
    writeFileSync(
      path,
      SAMPLE.replace('The story of Trump', 'The tale of Trump').replace(
        'Ultimately, the question',
        'In the end, the question',
      ),
    )
    const second = await nb.call('importFile', { path })
    expect(second.article.id).toBe(first.article.id)
    expect(second.version).toMatchObject({ number: 2, anchored: 1, fuzzy: 0, orphaned: 0 })
    expect(await nb.call('listArticles', {})).toHaveLength(2)
    const again = await nb.call('importFile', { path })
    expect(again).toMatchObject({ duplicate: true, article: { id: first.article.id, version: 2 } })
    expect(again.version).toBeUndefined()
    const moved = await nb.call('getExcerpt', { id: excerpt.id })
    expect(moved.anchorStatus).toBe('anchored')
    expect(
      articleText(nb.notebook.db, first.article.id).slice(moved.position.start, moved.position.end),
    ).toBe('Bruce Klingner')
    // importVersion of content another article has is refused, naming the article
    await expect(
      nb.call('importVersion', { articleId: first.article.id, path: defaultSamplePath() }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'articleId' })
    await expect(
      nb.call('importVersion', { articleId: first.article.id, path, content: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'path' })
  })

  test('a hidden section stays hidden in the new version; a shown junk section stays shown', async () => {
    const { id, section } = await setUp()
    await nb.call('quarantineSections', { articleId: id, sectionIds: [section(10).id] })
    await nb.call('restoreSections', { articleId: id, sectionIds: [section(12).id] })
    await nb.call('importVersion', { articleId: id, content: secondVersion() })
    const sections = await nb.call('listSections', { articleId: id, includeQuarantined: true })
    expect(sections.find((s) => s.id === section(10).id)).toMatchObject({
      ordinal: 10,
      kind: 'quarantined',
      quarantineReason: 'hidden by you',
    })
    expect(sections.find((s) => s.id === section(12).id)).toMatchObject({ kind: 'paragraph', text: 'Login' })
  })
})

test('the relinker knows the nodes’ JSON types', () => {
  expect([SECTION_LINK, EXCERPT_CARD]).toEqual([SECTION_LINK_TYPE, EXCERPT_CARD_TYPE])
})
