/**
 * A body that arrived from sync, taken by the open editor without reopening the note. Unsaved
 * local edits are saved first (the core merges a save made from an older body with what
 * arrived), then the merged body is read and written into the editor as the smallest edit of
 * it, the caret kept at its place within its paragraph. Keys typed while the body is being
 * read win: it is not taken then, and the loop saves them (merged again) and reads once more.
 * The undo history is cleared after taking it, so an undo cannot take back the other's text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  CLEAR_HISTORY_COMMAND,
  type ElementNode,
  type LexicalEditor,
} from 'lexical'
import { useEffect, useRef } from 'react'
import { $reconcileNodes, type NoteJson } from '../../../../../shared/notes/reconcile'
import { upgradeNoteContent } from '../../../../../shared/notes/schema'
import { useGloss } from '../../../state/glossContext'
import { useStore } from '../../../state/store'
import { $edgeBlock, $topBlockAt, $topBlocks, $topIndexOf } from '../paging/paging'
import type { NoteSaver } from '../saver'

/** attempts at a quiet moment (no key typed while the body is read) before waiting for the next arrival */
const ATTEMPTS = 5

interface Caret {
  blockKey: string
  blockIndex: number
  /** characters of the block's text before the caret */
  offset: number
  /** the block's text then */
  text: string
}

const textIn = (block: ElementNode) =>
  block
    .getAllTextNodes()
    .map((t) => t.getTextContent())
    .join('')

/**
 * Where the caret goes in its paragraph's new text: before what changed it stays; after it, it
 * moves with the text after it (the other side typed before it in the same paragraph).
 */
function shifted(offset: number, before: string, after: string): number {
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  if (offset <= start) return offset
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++
  if (offset >= before.length - end) return after.length - (before.length - offset)
  return Math.min(offset, after.length)
}

/** The caret as a paragraph and an offset in its text (null: no caret in text). */
function $caret(): Caret | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.anchor.getNode()
  const block = anchor.getTopLevelElement()
  if (!block || !$isTextNode(anchor)) return null
  let offset = selection.anchor.offset
  for (const text of block.getAllTextNodes()) {
    if (text.is(anchor)) break
    offset += text.getTextContentSize()
  }
  return { blockKey: block.getKey(), blockIndex: $topIndexOf(block), offset, text: textIn(block) }
}

/** The caret back in its paragraph (the same one if it is still there), at its offset as far as the text goes. */
function $restore(caret: Caret): void {
  const kept = $getNodeByKey(caret.blockKey)
  const block = (
    kept?.isAttached() ? kept : ($topBlockAt(caret.blockIndex) ?? $edgeBlock('end'))
  ) as ElementNode | null
  if (!block || !$isElementNode(block)) return
  let left = shifted(caret.offset, caret.text, textIn(block))
  const texts = block.getAllTextNodes()
  for (const text of texts) {
    const size = text.getTextContentSize()
    if (left <= size) {
      text.select(left, left)
      return
    }
    left -= size
  }
  const last = texts[texts.length - 1]
  if (last) last.select(last.getTextContentSize(), last.getTextContentSize())
  else block.selectEnd()
}

const contentOf = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON())

export function RemoteBodyPlugin({ noteId, saver }: { noteId: string; saver: NoteSaver }) {
  const [editor] = useLexicalComposerContext()
  const { api, stores } = useGloss()
  const arrived = useStore(stores.notes.arrivals)[noteId] ?? 0
  // what had arrived when the note was read for this editor: its body holds that
  const seen = useRef(arrived)
  const queue = useRef(Promise.resolve())

  useEffect(() => {
    if (arrived === seen.current) return
    seen.current = arrived
    let alive = true
    const take = async () => {
      for (let attempt = 0; attempt < ATTEMPTS && alive; attempt++) {
        await saver.flush()
        if (saver.dirty) continue // typed during the save, or it failed: save again first
        const before = contentOf(editor)
        const note = await api.getNote({ id: noteId })
        if (!alive) return
        if (saver.dirty || contentOf(editor) !== before) continue // keys typed meanwhile: keep them
        const content = upgradeNoteContent(note.content) as { root: { children: NoteJson[] } }
        editor.update(
          () => {
            const caret = editor.getRootElement() === document.activeElement ? $caret() : null
            $reconcileNodes($topBlocks(), content.root.children, $getRoot())
            if (caret) $restore(caret)
          },
          { discrete: true },
        )
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
        // saved at once: this editor's saves are edits of the body it took now
        await saver.flush()
        return
      }
    }
    queue.current = queue.current.then(take).catch(() => {})
    return () => {
      alive = false
    }
  }, [arrived, api, editor, noteId, saver])

  return null
}
