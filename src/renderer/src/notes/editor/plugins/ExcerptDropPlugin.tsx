import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { useEffect } from 'react'
import { useGloss } from '../../../state/glossContext'
import { cardFromDragData, cardFromExcerpt, isExcerptDrag, readExcerptDragData } from '../../../state/dnd'
import { $insertExcerptCard } from '../excerptCards'

/** Drop an excerpt (dragged with setExcerptDragData) to insert a card where it lands. */
export function ExcerptDropPlugin({ onError }: { onError: (error: unknown) => void }) {
  const [editor] = useLexicalComposerContext()
  const { api } = useGloss()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!isExcerptDrag(event.dataTransfer)) return false
            event.preventDefault()
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const data = readExcerptDragData(event.dataTransfer)
            if (!data) return false
            event.preventDefault()
            const target = dropTarget(editor, event)
            const payload = cardFromDragData(data)
            if (payload) {
              $insertExcerptCard(payload, target)
              return true
            }
            const targetKey = target?.getKey() ?? null
            api.getExcerpt({ id: data.excerptId }).then(
              (excerpt) =>
                editor.update(() => {
                  const after = targetKey ? $getNodeByKey(targetKey) : null
                  $insertExcerptCard(cardFromExcerpt(excerpt), after?.isAttached() ? after : null)
                }),
              onError,
            )
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onError, api],
  )
  return null
}

function dropTarget(editor: LexicalEditor, event: DragEvent): LexicalNode | null {
  const doc = editor.getRootElement()?.ownerDocument ?? document
  const range = doc.caretRangeFromPoint?.(event.clientX, event.clientY)
  const domNode = range?.startContainer ?? (event.target instanceof Node ? event.target : null)
  return domNode ? $getNearestNodeFromDOMNode(domNode) : null
}
