import { readdirSync, readFileSync } from 'node:fs'
import { createHeadlessEditor } from '@lexical/headless'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import {
  $createExcerptCardNode,
  $createSectionLinkNode,
  $isExcerptCardNode,
  $isSectionLinkNode,
  NOTE_NODES,
} from '../../shared/notes/nodes'
import { emptyNoteContent, NOTE_SCHEMA_VERSION, upgradeNoteContent } from '../../shared/notes/schema'
import { deriveNoteIndex } from './derive'

const FIXTURES = new URL('./fixtures/', import.meta.url)
const SCHEMA_VERSIONS = Array.from({ length: NOTE_SCHEMA_VERSION }, (_, i) => i + 1)

function writeNote(): unknown {
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
      const heading = $createHeadingNode('h1').append($createTextNode('Reading notes on drift'))
      const paragraph = $createParagraphNode().append(
        $createTextNode('See '),
        $createSectionLinkNode({
          articleId: 'art-1',
          sectionId: 'sec-6',
          ordinal: 6,
          label: '¶6 · Despite these shifts, the question…',
        }),
        $createTextNode(' and again '),
        // the same section twice: one link
        $createSectionLinkNode({ articleId: 'art-1', sectionId: 'sec-6', ordinal: 6 }),
      )
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('first point')),
        $createListItemNode().append($createTextNode('second point')),
      )
      const card = $createExcerptCardNode({
        excerptId: 'exc-9',
        articleId: 'art-2',
        ordinal: 3,
        snapshot: {
          quote: 'the map is not the territory',
          color: 'green',
          comment: 'key claim',
          tags: ['maps'],
        },
      })
      root.append(heading, paragraph, list, card, $createParagraphNode())
    },
    { discrete: true },
  )
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    return `${(error as GlossError).code}: ${(error as GlossError).message}`
  }
  return undefined
}

describe('deriveNoteIndex', () => {
  it('derives text and links from a note written by an editor', () => {
    const json = writeNote()
    const index = deriveNoteIndex(json)
    expect(index.text).toContain('Reading notes on drift')
    expect(index.text).toContain('¶6 · Despite these shifts, the question…')
    expect(index.text).toContain('first point')
    expect(index.text).toContain('second point')
    expect(index.text).toContain('“the map is not the territory” — ¶3')
    expect(index.text).toContain('key claim')
    expect(index.links).toEqual([
      { targetType: 'section', targetId: 'sec-6', articleId: 'art-1' },
      { targetType: 'excerpt', targetId: 'exc-9', articleId: 'art-2' },
    ])
  })

  it('writes the custom nodes with version 1 and reads them back unchanged', () => {
    const json = writeNote() as {
      root: { children: Array<{ children?: unknown[] } & Record<string, unknown>> }
    }
    const paragraph = json.root.children[1]!
    const chip = paragraph.children![1] as Record<string, unknown>
    expect(chip).toMatchObject({
      type: 'gloss-section-link',
      version: 1,
      mode: 'token',
      articleId: 'art-1',
      sectionId: 'sec-6',
      ordinal: 6,
      text: '¶6 · Despite these shifts, the question…',
      label: '¶6 · Despite these shifts, the question…',
    })
    expect(json.root.children[3]).toMatchObject({
      type: 'gloss-excerpt-card',
      version: 1,
      excerptId: 'exc-9',
      articleId: 'art-2',
      ordinal: 3,
      snapshot: {
        quote: 'the map is not the territory',
        color: 'green',
        comment: 'key claim',
        tags: ['maps'],
      },
    })
    // a second trip through derive is stable
    const once = deriveNoteIndex(json)
    const twice = deriveNoteIndex(JSON.parse(JSON.stringify(once.content)))
    expect(twice.content).toEqual(once.content)
    expect(twice.text).toBe(once.text)

    const editor = createHeadlessEditor({
      nodes: NOTE_NODES,
      onError: (e) => {
        throw e
      },
    })
    editor.setEditorState(editor.parseEditorState(once.content))
    editor.read(() => {
      const nodes = $getRoot().getAllTextNodes().filter($isSectionLinkNode)
      expect(nodes[0]?.getMode()).toBe('token')
      expect(nodes[0]?.getOrdinal()).toBe(6)
      const card = $getRoot().getChildren().find($isExcerptCardNode)
      expect(card?.getSnapshot().tags).toEqual(['maps'])
    })
  })

  it('indexes the empty note', () => {
    expect(deriveNoteIndex(emptyNoteContent())).toMatchObject({ text: '', links: [] })
    expect(deriveNoteIndex(emptyNoteContent()).content).toEqual(emptyNoteContent())
  })

  it('refuses an unknown node type, naming it', () => {
    const json = writeNote() as { root: { children: unknown[] } }
    json.root.children.push({ type: 'youtube', version: 1, videoId: 'x' })
    expect(codeOf(() => deriveNoteIndex(json))).toMatch(/^invalid_input: .*"youtube"/)
  })

  it('refuses content that is not an editor state', () => {
    for (const bad of [
      null,
      42,
      'not json',
      [],
      {},
      { root: null },
      { root: { type: 'paragraph', children: [] } },
      { root: { type: 'root' } },
    ]) {
      expect(
        codeOf(() => deriveNoteIndex(bad)),
        JSON.stringify(bad),
      ).toMatch(/^invalid_input: note content is not a Gloss note: /)
    }
    const child = { root: { type: 'root', children: [{ type: 'paragraph', children: 'oops' }] } }
    expect(codeOf(() => deriveNoteIndex(child))).toMatch(/children is not a list/)
  })

  it('refuses a section link without ids and an excerpt card without a quote', () => {
    const link = { type: 'gloss-section-link', version: 1, text: '¶1', articleId: 'a', sectionId: '' }
    const note = { root: { type: 'root', children: [{ type: 'paragraph', children: [link] }] } }
    expect(codeOf(() => deriveNoteIndex(note))).toMatch(/section link without a section id/)
    const card = { type: 'gloss-excerpt-card', version: 1, excerptId: 'e', articleId: 'a', ordinal: 1 }
    expect(codeOf(() => deriveNoteIndex({ root: { type: 'root', children: [card] } }))).toMatch(
      /without a quote/,
    )
  })

  it('refuses a node from a newer Gloss', () => {
    const json = writeNote() as { root: { children: Array<Record<string, unknown>> } }
    json.root.children[3]!.version = 2
    expect(codeOf(() => deriveNoteIndex(json))).toMatch(/^future_schema: /)
  })

  it('refuses absurd nesting without overflowing the stack', () => {
    let node: Record<string, unknown> = { type: 'paragraph', children: [] }
    for (let i = 0; i < 5000; i++) node = { type: 'quote', children: [node] }
    expect(codeOf(() => deriveNoteIndex({ root: { type: 'root', children: [node] } }))).toMatch(
      /nesting deeper/,
    )
  })

  it('accepts content as a JSON string and does not modify its input', () => {
    const json = writeNote()
    const before = JSON.stringify(json)
    upgradeNoteContent(json)
    expect(JSON.stringify(json)).toBe(before)
    expect(deriveNoteIndex(before).links).toHaveLength(2)
  })

  // docs/note-schema.md, rules 3 and 4: every schema version up to NOTE_SCHEMA_VERSION has a
  // frozen note (never edited) and a line in the history, and every one of them still derives
  it.each(SCHEMA_VERSIONS)(
    'still reads the frozen version-%i note (schema policy: old notes always open)',
    (version) => {
      const fixture = JSON.parse(readFileSync(new URL(`note-v${version}.json`, FIXTURES), 'utf8')) as {
        content: unknown
        text: string
        links: unknown
      }
      const index = deriveNoteIndex(fixture.content)
      expect(index.text).toBe(fixture.text)
      expect(index.links).toEqual(fixture.links)
    },
  )

  it('has a frozen note and a history entry for each schema version, and none for a later one', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(SCHEMA_VERSIONS.map((v) => `note-v${v}.json`).sort())
    const history = readFileSync(new URL('../../../docs/note-schema.md', import.meta.url), 'utf8').split(
      '## History',
    )[1]!
    expect([...history.matchAll(/^- \*\*(\d+)\*\*/gm)].map((m) => Number(m[1]))).toEqual(SCHEMA_VERSIONS)
  })
})
