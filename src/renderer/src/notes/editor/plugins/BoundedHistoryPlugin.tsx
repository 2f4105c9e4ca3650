import { registerHistory, type HistoryState } from '@lexical/history'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

/** Undo history with a bounded depth (HistoryPlugin does not expose maxDepth; registerHistory does). */
export function BoundedHistoryPlugin({
  historyState,
  maxDepth = 300,
  delay = 1000,
}: {
  historyState: HistoryState
  maxDepth?: number
  delay?: number
}) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () => registerHistory(editor, historyState, delay, undefined, undefined, maxDepth),
    [editor, historyState, delay, maxDepth],
  )
  return null
}
