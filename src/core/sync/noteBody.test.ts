import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { emptyNoteContent } from '../../shared/notes/schema'
import { NoteBody } from './noteBody'

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
const note = (...texts: string[]) => {
  const content = emptyNoteContent()
  content.root.children = texts.map(paragraph) as never
  return content
}
const texts = (body: NoteBody) =>
  body
    .content()
    .root.children.map((p) =>
      (p as unknown as { children: Array<{ text: string }> }).children.map((t) => t.text).join(''),
    )

function pair() {
  const a = new NoteBody(new Y.Doc())
  const b = new NoteBody(new Y.Doc())
  const exchange = () => {
    const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc))
    const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc))
    Y.applyUpdate(b.doc, toB, 'remote')
    Y.applyUpdate(a.doc, toA, 'remote')
  }
  return { a, b, exchange }
}

describe('NoteBody', () => {
  it('carries one side’s body to the other', () => {
    const { a, b, exchange } = pair()
    expect(b.empty).toBe(true)
    a.write(note('First line', 'Second line'))
    exchange()
    expect(texts(b)).toEqual(['First line', 'Second line'])
  })

  it('merges concurrent edits of the same paragraph at character level', () => {
    const { a, b, exchange } = pair()
    a.write(note('The summit was held in Singapore.', 'Untouched.'))
    exchange()
    a.write(note('The first summit was held in Singapore.', 'Untouched.'))
    b.write(note('The summit was held in Singapore in June.', 'Untouched.'))
    exchange()
    expect(texts(a)).toEqual(['The first summit was held in Singapore in June.', 'Untouched.'])
    expect(texts(b)).toEqual(texts(a))
  })

  it('keeps a paragraph added on each side', () => {
    const { a, b, exchange } = pair()
    a.write(note('One', 'Two'))
    exchange()
    a.write(note('Zero', 'One', 'Two'))
    b.write(note('One', 'Two', 'Three'))
    exchange()
    expect(texts(a)).toEqual(['Zero', 'One', 'Two', 'Three'])
    expect(texts(b)).toEqual(texts(a))
  })
})
