/**
 * Keeps a long note in pages (./paging.ts) while it is edited, and lets the keys that join
 * blocks work across a page's edge. A page is a shadow root, which the editor's own delete will
 * not cross: Backspace at a page's start (Delete at its end), or an edit of a selection that
 * spans pages, first makes those pages one, then the editor's command runs as usual (and the
 * page transform splits the page again if it came out too full).
 */
import { mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  RootNode,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical'
import { $isNotePageNode, NotePageNode } from './NotePageNode'
import { $pageTransform, $rootTransform } from './paging'

/** Is the point at the very start (or end) of `block`? */
function $atEdgeOf(point: PointType, block: LexicalNode, start: boolean): boolean {
  let node = point.getNode()
  const size = $isTextNode(node)
    ? node.getTextContentSize()
    : $isElementNode(node)
      ? node.getChildrenSize()
      : 0
  if (point.offset !== (start ? 0 : size)) return false
  while (!node.is(block)) {
    if (start ? node.getPreviousSibling() : node.getNextSibling()) return false
    const parent = node.getParent()
    if (!parent) return false
    node = parent
  }
  return true
}

/** A collapsed caret at a page's first block start (backward) or last block end: join the pages. */
function $joinPagesAtCaret(isBackward: boolean): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return
  const block = selection.anchor.getNode().getTopLevelElement()
  const page = block?.getParent()
  if (!block || !$isNotePageNode(page)) return
  if ((isBackward ? block.getPreviousSibling() : block.getNextSibling()) !== null) return
  if (!$atEdgeOf(selection.anchor, block, isBackward)) return
  const other = isBackward ? page.getPreviousSibling() : page.getNextSibling()
  if (!other) return
  if (!isBackward) $takeNext(page, other)
  else if ($isNotePageNode(other)) $takeNext(other, page)
  else page.splice(0, 0, [other])
}

/** The node after `page` joins it: a page's blocks (the page then goes), or a block outside pages. */
function $takeNext(page: NotePageNode, next: LexicalNode): void {
  if ($isNotePageNode(next)) {
    page.append(...next.getChildren())
    next.remove()
  } else page.append(next)
}

/** The page holding a node, or null outside pages. */
function $pageOf(node: LexicalNode): NotePageNode | null {
  const page = node.getTopLevelElement()?.getParent()
  return $isNotePageNode(page) ? page : null
}

/** A selection that spans pages: the pages from its first to its last become one. */
function $joinPagesOfSelection(): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus]
  const first = $pageOf(start.getNode())
  const last = $pageOf(end.getNode())
  if (!$isNotePageNode(first) || !$isNotePageNode(last) || first.is(last)) return
  for (let next = first.getNextSibling(); next; next = first.getNextSibling()) {
    const done = next.is(last)
    $takeNext(first, next)
    if (done) break
  }
}

/** Commands that edit the selected range, so may join blocks of different pages. */
const RANGE_EDITS: LexicalCommand<unknown>[] = [
  DELETE_CHARACTER_COMMAND,
  DELETE_WORD_COMMAND,
  DELETE_LINE_COMMAND,
  REMOVE_TEXT_COMMAND,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_TAB_COMMAND,
  PASTE_COMMAND,
  CUT_COMMAND,
  DROP_COMMAND,
] as LexicalCommand<unknown>[]

/** Paging of a long note in `editor`: its transforms and joins. Returns the unregister. */
export function registerPaging(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(NotePageNode, $pageTransform),
    editor.registerNodeTransform(RootNode, $rootTransform),
    editor.registerCommand(
      DELETE_CHARACTER_COMMAND,
      (isBackward) => {
        $joinPagesAtCaret(isBackward)
        return false
      },
      COMMAND_PRIORITY_LOW,
    ),
    ...RANGE_EDITS.map((command) =>
      editor.registerCommand(
        command,
        () => {
          $joinPagesOfSelection()
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    ),
  )
}
