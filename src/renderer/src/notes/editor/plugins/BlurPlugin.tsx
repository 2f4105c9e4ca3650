import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical'
import { useEffect, useRef } from 'react'

/** Calls onBlur when the editor loses focus (the note is saved right away). */
export function BlurPlugin({ onBlur }: { onBlur: () => void }) {
  const [editor] = useLexicalComposerContext()
  const ref = useRef(onBlur)
  ref.current = onBlur
  useEffect(
    () =>
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          ref.current()
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  )
  return null
}
