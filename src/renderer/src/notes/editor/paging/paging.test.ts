import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot, $isElementNode, $parseSerializedNode, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import { NOTE_NODES } from '../../../../../shared/notes/nodes'
import { $reconcileNodes, type NoteJson } from '../../../../../shared/notes/reconcile'
import { elementNode, paragraphNode } from '../../../../../shared/notes/testing/lexicalJson'
import { $isNotePageNode, NOTE_PAGE_TYPE, NotePageNode } from './NotePageNode'
import {
  $topBlockAt,
  $topBlocks,
  $topIndexOf,
  PAGE_BLOCKS,
  PAGED_ABOVE,
  paginate,
  unpaginate,
} from './paging'
import { registerPaging } from './registerPaging'

const note = (count: number, prefix = 'Block') => ({
  root: elementNode(
    'root',
    Array.from({ length: count }, (_, i) => paragraphNode(`${prefix} ${i}`)),
  ) as NoteJson,
})

function editorWith(content: { root: NoteJson }): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'paging-test',
    nodes: [...NOTE_NODES, NotePageNode],
    onError: (error) => {
      throw error
    },
  })
  registerPaging(editor)
  editor.setEditorState(editor.parseEditorState(JSON.stringify(paginate(content))))
  return editor
}

/** The root's children as page sizes (a number) or a loose block's text. */
const shape = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((child) => ($isNotePageNode(child) ? child.getChildrenSize() : child.getTextContent())),
  )
const texts = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $topBlocks().map((b) => b.getTextContent()))
const saved = (editor: LexicalEditor) =>
  unpaginate(editor.getEditorState().toJSON() as unknown as { root: NoteJson })

describe('a long note in pages', () => {
  it('pages a note only when it is long, and saves exactly the blocks it paged', () => {
    const short = note(PAGED_ABOVE)
    expect(paginate(short)).toBe(short)
    const long = note(PAGED_ABOVE * 2 + 5)
    const paged = paginate(long)
    expect(paged.root.children!.map((page) => [page.type, page.children!.length])).toEqual([
      ...Array.from({ length: 4 }, () => [NOTE_PAGE_TYPE, PAGE_BLOCKS]),
      [NOTE_PAGE_TYPE, 5],
    ])
    expect(unpaginate(paged)).toEqual(long)
    expect(unpaginate(long)).toBe(long)
    // through a real editor and back: the same JSON Lexical writes for the unpaged note
    const plain = createHeadlessEditor({
      nodes: [...NOTE_NODES],
      onError: (e) => {
        throw e
      },
    })
    plain.setEditorState(plain.parseEditorState(JSON.stringify(long)))
    expect(saved(editorWith(long))).toEqual(plain.getEditorState().toJSON())
  })

  it('counts blocks through pages the same both ways, for every block', () => {
    const editor = editorWith(note(300))
    editor.getEditorState().read(() => {
      const blocks = $topBlocks()
      expect(blocks).toHaveLength(300)
      blocks.forEach((block, i) => {
        expect(block.getTextContent()).toBe(`Block ${i}`)
        expect($topIndexOf(block)).toBe(i)
        expect($topBlockAt(i)?.is(block)).toBe(true)
      })
      expect($topBlockAt(300)).toBeNull()
    })
  })

  it('splits a page that fills up, drops one emptied, and pages a note that grows long', () => {
    const editor = editorWith(note(PAGED_ABOVE + 4))
    expect(shape(editor)).toEqual([PAGE_BLOCKS, PAGE_BLOCKS, 4])
    // 60 blocks into the first page: it splits into pages of PAGE_BLOCKS and the rest
    editor.update(
      () => {
        const first = $getRoot().getFirstChild()
        if (!$isElementNode(first)) throw new Error('no page')
        const added = note(60, 'New').root.children!
        for (const json of added) first.append($parseSerializedNode(json))
      },
      { discrete: true },
    )
    expect(shape(editor)).toEqual([PAGE_BLOCKS, PAGE_BLOCKS + 60 - PAGE_BLOCKS, PAGE_BLOCKS, 4])
    expect(texts(editor).slice(PAGE_BLOCKS - 1, PAGE_BLOCKS + 1)).toEqual([
      `Block ${PAGE_BLOCKS - 1}`,
      'New 0',
    ])
    // the last page emptied: gone
    editor.update(
      () => {
        const last = $getRoot().getLastChild()
        if (!$isElementNode(last)) throw new Error('no page')
        for (const block of last.getChildren()) block.remove()
      },
      { discrete: true },
    )
    expect(shape(editor)).toEqual([PAGE_BLOCKS, 60, PAGE_BLOCKS])
    expect(texts(editor)).toHaveLength(PAGED_ABOVE + 60)

    // a short note that grows past the limit is paged, in order
    const growing = editorWith(note(10))
    expect(shape(growing)).toHaveLength(10)
    growing.update(
      () => {
        for (const json of note(PAGED_ABOVE, 'More').root.children!)
          $getRoot().append($parseSerializedNode(json))
      },
      { discrete: true },
    )
    expect(shape(growing)).toEqual([PAGE_BLOCKS, PAGE_BLOCKS, 10 + PAGED_ABOVE - 2 * PAGE_BLOCKS])
    expect(texts(growing)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `Block ${i}`),
      ...Array.from({ length: PAGED_ABOVE }, (_, i) => `More ${i}`),
    ])
  })

  it('takes a body that arrived as an edit across pages: the blocks around the change stay the same nodes', () => {
    const editor = editorWith(note(200))
    const keysBefore = editor.getEditorState().read(() => $topBlocks().map((b) => b.getKey()))
    const arrived = note(200).root.children!.map((block) => structuredClone(block))
    arrived[10] = paragraphNode('Block 10, edited elsewhere') as NoteJson
    arrived.splice(PAGE_BLOCKS, 0, paragraphNode('Inserted at a page edge') as NoteJson)
    arrived.splice(150, 3) // three blocks removed from the fourth page
    editor.update(() => $reconcileNodes($topBlocks(), arrived, $getRoot()), { discrete: true })
    const want = arrived.map((b) => (b.children?.[0] as { text: string } | undefined)?.text ?? '')
    expect(texts(editor)).toEqual(want)
    expect(saved(editor).root.children).toHaveLength(200 - 3 + 1)
    const keysAfter = editor.getEditorState().read(() => $topBlocks().map((b) => b.getKey()))
    // the blocks before the first change and after the last are the nodes they were
    expect(keysAfter.slice(0, 10)).toEqual(keysBefore.slice(0, 10))
    expect(keysAfter.slice(150)).toEqual(keysBefore.slice(152))
  })
})
