/** Where an excerpt card goes in a note: after a block, or at the caret. Call inside an update. */
import { $insertNodeToNearestRoot } from '@lexical/utils'
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type LexicalNode,
} from 'lexical'
import { $createExcerptCardNode, type ExcerptCardPayload } from '../../../../shared/notes/nodes'

/** Insert an excerpt card as a block at the selection (or at the end). Call inside an update. */
export function $insertExcerptCard(payload: ExcerptCardPayload, after?: LexicalNode | null): void {
  const card = $createExcerptCardNode(payload)
  const top = after?.getTopLevelElement() ?? null
  if (top) {
    top.insertAfter(card)
  } else {
    const selection = $getSelection()
    if ($isRangeSelection(selection)) {
      $insertNodeToNearestRoot(card)
    } else {
      $getRoot().append(card)
    }
  }
  // always leave somewhere to type after the card
  const next = card.getNextSibling()
  if (!next || !$isElementNode(next)) card.insertAfter($createParagraphNode())
  card.getNextSibling()?.selectStart()
}

/**
 * Insert an excerpt card after the block holding the caret (an empty paragraph there is
 * replaced by the card), or at the end of the note when it has no caret. Call inside an update.
 */
export function $insertExcerptCardAtCaret(payload: ExcerptCardPayload): void {
  const selection = $getSelection()
  const at = $isRangeSelection(selection)
    ? selection.focus.getNode()
    : $isNodeSelection(selection)
      ? (selection.getNodes().at(-1) ?? null)
      : null
  const root = $getRoot()
  const block =
    at && at.isAttached() && !$isRootNode(at)
      ? (at.getTopLevelElement() ?? (at.getParent() === root ? at : null))
      : root.getLastChild()
  if (block && $isParagraphNode(block) && block.getTextContent().trim() === '') {
    const card = $createExcerptCardNode(payload)
    block.replace(card)
    const next = card.getNextSibling()
    if (!next || !$isElementNode(next)) card.insertAfter($createParagraphNode())
    card.getNextSibling()?.selectStart()
    return
  }
  if (block) $insertExcerptCard(payload, block)
  else root.append($createExcerptCardNode(payload), $createParagraphNode())
}
