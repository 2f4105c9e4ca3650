import { createContext, useContext } from 'react'
import type { GlossApi } from '../../../shared/contract'

/** What the pieces inside a note editor (cards, chips, picker) need from the app. */
export interface NoteEditorEnv {
  api: GlossApi
  onOpenSection: (articleId: string, sectionId: string) => void
  onOpenExcerpt: (articleId: string, excerptId: string) => void
}

export const NoteEditorEnvContext = createContext<NoteEditorEnv | null>(null)

export function useNoteEditorEnv(): NoteEditorEnv | null {
  return useContext(NoteEditorEnvContext)
}
