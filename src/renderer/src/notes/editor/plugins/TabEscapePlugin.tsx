import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, KEY_TAB_COMMAND } from 'lexical'
import { useEffect } from 'react'

/**
 * Tab indents inside the editor; Escape then Tab leaves it (keyboard users are not trapped).
 */
export function TabEscapePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let armed = false
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key === 'Escape') armed = true
          else if (event.key !== 'Tab' && event.key !== 'Shift') armed = false
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_TAB_COMMAND,
        () => {
          if (!armed) return false
          armed = false
          return true // handled: the browser moves focus, TabIndentation does not run
        },
        COMMAND_PRIORITY_HIGH,
      ),
    )
  }, [editor])
  return null
}
