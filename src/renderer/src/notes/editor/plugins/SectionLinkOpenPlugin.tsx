import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
} from 'lexical'
import { useEffect } from 'react'
import { $isSectionLinkNode, type SectionLinkNode } from '../../../../../shared/notes/nodes'
import { useGloss } from '../../../state/glossContext'

function chipAtCaret(wide: boolean): SectionLinkNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const { offset } = selection.anchor
  const node = selection.anchor.getNode()
  if ($isSectionLinkNode(node)) {
    if (offset > 0 && offset < node.getTextContentSize()) return node
    if (wide) return node
  }
  if (!wide) return null
  if ($isElementNode(node)) {
    const around = [node.getChildAtIndex(offset - 1), node.getChildAtIndex(offset)]
    return (around.find((n) => $isSectionLinkNode(n)) as SectionLinkNode | undefined) ?? null
  }
  const neighbour =
    offset === 0
      ? node.getPreviousSibling()
      : offset === node.getTextContentSize()
        ? node.getNextSibling()
        : null
  return $isSectionLinkNode(neighbour) ? neighbour : null
}

/**
 * Section chips open their section: click, Enter with the caret inside the chip, or
 * Ctrl/Cmd+Enter with the caret next to it.
 */
export function SectionLinkOpenPlugin() {
  const [editor] = useLexicalComposerContext()
  const { revealTarget } = useGloss().ui
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            const target = event.target
            if (!(target instanceof Element)) return false
            const chip = target.closest('.gloss-section-link')
            const articleId = chip?.getAttribute('data-article-id')
            const sectionId = chip?.getAttribute('data-section-id')
            if (!chip || !articleId || !sectionId) return false
            revealTarget({ articleId, sectionId })
            return false // let the caret land as usual
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const chip = chipAtCaret(!!event && (event.ctrlKey || event.metaKey))
            if (!chip) return false
            event?.preventDefault()
            revealTarget({ articleId: chip.getArticleId(), sectionId: chip.getSectionId() })
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, revealTarget],
  )
  return null
}
