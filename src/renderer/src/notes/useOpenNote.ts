import { useCallback, useContext, useSyncExternalStore } from 'react'
import { GlossContext } from '../app/context'
import { notesPanelMemory, requestOpenNote, watchOpenNote } from './events'

/**
 * Open a note in the notes panel from anywhere (e.g. a backlink badge): switches the right
 * panel to the Notes tab, shows the panel if it was hidden, and opens the note.
 */
export function useOpenNote(): (noteId: string) => void {
  const gloss = useContext(GlossContext)
  return useCallback(
    (noteId: string) => {
      requestOpenNote(noteId)
      if (!gloss) return
      gloss.ui.setRightTab('notes')
      if (gloss.layout.layout.rightCollapsed) gloss.layout.toggleRight()
    },
    [gloss],
  )
}

/** The note open in the notes panel (shown or not), or null; re-renders when it changes. */
export function useOpenNoteId(): string | null {
  return useSyncExternalStore(watchOpenNote, () => notesPanelMemory.openNoteId)
}
