import { useEffect, useRef } from 'react'
import { isEditable, isMod } from '../common/dom'
import type { GlossContextValue } from '../state/glossContext'

/**
 * Window-wide shortcuts. Undo/redo leave text fields alone (they have their own undo);
 * the article's h / c / t / Esc live in the reader.
 */
export function useShortcuts(gloss: GlossContextValue) {
  const ref = useRef(gloss)
  ref.current = gloss

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { ui, actions, panes } = ref.current
      if (!isMod(event) || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'k' && !event.shiftKey) {
        event.preventDefault()
        ui.openDialog('palette')
      } else if (key === 'f' && event.shiftKey) {
        event.preventDefault()
        ui.openDialog('search')
      } else if (ui.dialog) {
        return
      } else if (key === 'b' && !event.shiftKey) {
        event.preventDefault()
        panes.toggleLeft()
      } else if (key === 'e' && event.shiftKey) {
        event.preventDefault()
        panes.toggleRight()
      } else if (key === 'e') {
        event.preventDefault()
        ui.openDialog('export')
      } else if (isEditable(event.target)) {
        return
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault()
        void actions.redo()
      } else if (key === 'z') {
        event.preventDefault()
        void actions.undo()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
