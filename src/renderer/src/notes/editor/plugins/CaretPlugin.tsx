/**
 * Where the caret may be, around the note's custom nodes.
 *
 * A section chip is a token: the browser's arrows can still put the caret inside its text
 * (¶1|2), where the next character would replace the whole chip. The caret is moved to the
 * chip's edge in the direction it was going (the nearer edge after a click).
 *
 * Keys on a block the caret cannot enter (an excerpt card, a horizontal rule). Clicking a card
 * selects it whole and leaves the browser's caret inside its non-editable quote, where the
 * browser neither moves it (Ctrl+End) nor sends the typing to the editor: keystrokes were lost,
 * or landed at the start of the note. Here a key pressed on such a block does what it says:
 * a character or Enter starts a paragraph after it, Ctrl+Home/End go to the note's start/end
 * (past a block at either end, into a new paragraph), and arrows leave the first/last block.
 *
 * Lexical hears of a caret the browser moved from `selectionchange`, a task after the key that
 * moved it. Keys that come sooner (fast typing, a loaded machine) were judged from the caret's old
 * place: ←← over "A" then the chip let the browser step into the chip, and the next letter
 * replaced it. Each key first brings Lexical's selection to where the browser's caret is.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createParagraphNode,
  $createRangeSelectionFromDom,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type DecoratorNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { useEffect } from 'react'
import { mergeRegister } from '@lexical/utils'
import { $besideBlock, $edgeBlock } from '../paging/paging'

interface Point {
  key: string
  offset: number
}

const isToken = (node: LexicalNode | null | undefined) => $isTextNode(node) && node.isToken()

/**
 * ArrowLeft/Right next to a token: the caret jumps over it at once (the browser would step into
 * its text, and a key typed before the selection change arrived would replace the chip).
 */
function $stepOverToken(direction: 'left' | 'right'): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  const { offset } = selection.anchor
  const node = selection.anchor.getNode()
  if (!$isTextNode(node)) return false
  const size = node.getTextContentSize()
  let token: LexicalNode | null = null
  if (direction === 'left') {
    if (isToken(node) && offset === size) token = node
    else if (offset === 0 && isToken(node.getPreviousSibling())) token = node.getPreviousSibling()
  } else if (isToken(node) && offset === 0) token = node
  else if (offset === size && isToken(node.getNextSibling())) token = node.getNextSibling()
  if (!$isTextNode(token)) return false
  const edge = direction === 'left' ? 0 : token.getTextContentSize()
  token.select(edge, edge)
  return true
}

/** Lexical's range selection, moved to the browser's caret if that moved since (not a card's). */
function $catchUpWithBrowser(editor: LexicalEditor): void {
  const current = $getSelection()
  const dom = window.getSelection()
  const root = editor.getRootElement()
  if (!$isRangeSelection(current) || !dom?.anchorNode || !root?.contains(dom.anchorNode)) return
  const host = dom.anchorNode instanceof Element ? dom.anchorNode : dom.anchorNode.parentElement
  if (host?.closest('[data-lexical-decorator="true"]')) return
  const fresh = $createRangeSelectionFromDom(dom, editor)
  if (fresh && !fresh.is(current)) $setSelection(fresh)
}

/** Move a collapsed caret that fell inside a token (a section chip) to one of its edges. */
function $keepOutOfTokens(last: Point | null): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return
  const node = selection.anchor.getNode()
  const offset = selection.anchor.offset
  const size = node.getTextContentSize()
  if (!isToken(node) || offset === 0 || offset >= size) return
  const lastNode = last ? $getNodeByKey(last.key) : null
  const leftward =
    last && lastNode
      ? lastNode.is(node)
        ? last.offset > offset
        : !lastNode.isBefore(node)
      : offset < size / 2
  const edge = leftward ? 0 : size
  node.select(edge, edge)
}

const isBlock = (node: LexicalNode | null | undefined): node is DecoratorNode<unknown> =>
  $isDecoratorNode(node) && !node.isInline()

/** The block under the caret: selected whole, or holding the browser's caret. */
function $blockAtCaret(editor: LexicalEditor): DecoratorNode<unknown> | null {
  const selection = $getSelection()
  if ($isNodeSelection(selection)) {
    const nodes = selection.getNodes()
    if (nodes.length === 1 && isBlock(nodes[0])) return nodes[0]
  }
  const anchor = window.getSelection()?.anchorNode
  const root = editor.getRootElement()
  if (!anchor || !root?.contains(anchor) || anchor === root) return null
  const host = (anchor instanceof Element ? anchor : anchor.parentElement)?.closest(
    '[data-lexical-decorator="true"]',
  )
  if (!host || !root.contains(host)) return null
  const node = $getNearestNodeFromDOMNode(host)
  return isBlock(node) ? node : null
}

/** A new empty paragraph beside a block, with the caret in it. */
function $paragraphBeside(block: LexicalNode, side: 'before' | 'after') {
  const paragraph = $createParagraphNode()
  if (side === 'after') block.insertAfter(paragraph)
  else block.insertBefore(paragraph)
  return paragraph.select()
}

/** Ctrl+Home/End: the note's first/last text position, past a block at that end. */
function $toEdge(edge: 'start' | 'end'): void {
  const node = $edgeBlock(edge)
  if (!node) return
  if (isBlock(node)) $paragraphBeside(node, edge === 'end' ? 'after' : 'before')
  else if ($isElementNode(node)) {
    if (edge === 'end') node.selectEnd()
    else node.selectStart()
  }
}

export function CaretPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let last: Point | null = null
    return mergeRegister(
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          $keepOutOfTokens(last)
          const selection = $getSelection()
          last = $isRangeSelection(selection)
            ? { key: selection.anchor.key, offset: selection.anchor.offset }
            : null
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.isComposing || event.altKey) return false
          $catchUpWithBrowser(editor)
          const mod = event.ctrlKey || event.metaKey
          if (mod && !event.shiftKey && (event.key === 'End' || event.key === 'Home')) {
            event.preventDefault()
            $toEdge(event.key === 'End' ? 'end' : 'start')
            return true
          }
          if (!mod && !event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
            if ($stepOverToken(event.key === 'ArrowLeft' ? 'left' : 'right')) {
              event.preventDefault()
              return true
            }
          }
          const block = $blockAtCaret(editor)
          if (!block || mod) return false
          if (event.key === 'Enter' || event.key.length === 1) {
            event.preventDefault()
            const selection = $paragraphBeside(block, 'after')
            if (event.key !== 'Enter') selection.insertText(event.key)
            return true
          }
          const forward = event.key === 'ArrowDown' || event.key === 'ArrowRight'
          const back = event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          if ((forward && !$besideBlock(block, 'next')) || (back && !$besideBlock(block, 'previous'))) {
            event.preventDefault()
            $paragraphBeside(block, forward ? 'after' : 'before')
            return true
          }
          return false
        },
        COMMAND_PRIORITY_HIGH,
      ),
    )
  }, [editor])
  return null
}
