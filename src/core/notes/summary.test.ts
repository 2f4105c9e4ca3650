/**
 * A note's summary reads only the head of its text (repository.ts). Whatever the text's shape,
 * every summary (list, create, save, rename, delete, restore) must carry the excerpt the whole
 * text gives: its words joined by single spaces, cut at 160 characters.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { NoteSummary } from '../../shared/model'
import { elementNode, paragraphNode } from '../../shared/notes/testing/lexicalJson'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

const content = (paragraphs: string[]) => ({ root: elementNode('root', paragraphs.map(paragraphNode)) })
const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(' ')

/** The excerpt the whole text gives, written the plain way. */
function expected(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 160 ? flat.slice(0, 159) + '…' : flat
}

// each shape a head of 4,096 characters could get wrong
const SHAPES: Record<string, string[]> = {
  empty: [''],
  short: ['A short note.'],
  'exactly 160': ['x'.repeat(160)],
  '161 characters': ['x'.repeat(161)],
  'a megabyte of text': Array.from({ length: 2500 }, (_, i) => words(60, i)),
  // 5,000 empty paragraphs: the head is all newlines, the words come after it
  'blank head': [...Array.from({ length: 5000 }, () => ''), 'late words', words(40)],
  // blanks up to just short of the head, then words that straddle its end
  'words across the head': [...Array.from({ length: 2040 }, () => ''), words(30, 1000)],
  'one long word': ['y'.repeat(10_000)],
  'other spaces': [`tab\tnbsp\u00a0em\u2003ideographic\u3000${words(50)}`],
}

describe('note summaries read the head of the text', () => {
  let nb: TempNotebook
  const made = new Map<string, { id: string; created: NoteSummary }>()
  beforeAll(async () => {
    nb = openTempNotebook({ samplePath: null })
    for (const [title, paragraphs] of Object.entries(SHAPES)) {
      const note = await nb.call('createNote', { title, content: content(paragraphs) })
      made.set(title, { id: note.id, created: note })
    }
  })
  afterAll(() => nb.cleanup())

  const textOf = async (id: string) => (await nb.call('getNote', { id })).text

  test('every note in the list carries its own excerpt', async () => {
    const listed = await nb.call('listNotes', {})
    expect(listed).toHaveLength(Object.keys(SHAPES).length)
    for (const summary of listed)
      expect(summary.excerptText, summary.title).toBe(expected(await textOf(summary.id)))
    // the shapes differ, so a summary taken from the wrong row would show
    expect(new Set(listed.map((s) => s.excerptText)).size).toBe(listed.length)
  })

  test('create, save, rename, delete and restore answer with the same excerpt', async () => {
    for (const [title, { id, created }] of made) {
      const text = await textOf(id)
      expect(created.excerptText, title).toBe(expected(text))
      const saved = await nb.call('saveNote', { id, content: content([...SHAPES[title]!, 'an ending']) })
      const savedText = await textOf(id)
      expect(saved.excerptText, title).toBe(expected(savedText))
      for (const summary of [
        await nb.call('renameNote', { id, title: `${title}, renamed` }),
        await nb.call('deleteNote', { id }),
        await nb.call('restoreNote', { id }),
      ])
        expect(summary.excerptText, title).toBe(expected(savedText))
    }
  })

  test('the blank-head note reads past its head', async () => {
    const { id } = made.get('blank head')!
    expect((await textOf(id)).indexOf('late words')).toBeGreaterThan(4096)
    const summary = (await nb.call('listNotes', {})).find((s) => s.id === id)!
    expect(summary.excerptText.startsWith('late words word0 word1')).toBe(true)
  })
})
