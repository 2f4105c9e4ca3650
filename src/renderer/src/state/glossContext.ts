import { createContext, useContext } from 'react'
import type { GlossApi } from '../../../shared/contract'
import type { ExcerptColor } from '../../../shared/model'
import type { Actions } from './actions'
import type { Feedback } from './feedback'
import type { Panes } from './panes'
import type { Stores } from './stores'
import type { Theme } from './theme'
import type { UndoStack } from './undo'

export type DialogName = 'search' | 'palette' | 'paste' | 'importUrl' | 'export'
export type LeftTab = 'library' | 'tags'
export type RightTab = 'excerpts' | 'notes' | 'review' | 'research'

/** Where the reader should scroll (and what to flash) once that article is on screen. */
export interface Reveal {
  articleId: string
  sectionId?: string | null
  excerptId?: string | null
  nonce: number
}

/** Ask an excerpt card to focus its comment or tag field (after `c` / `t`). */
export interface FocusRequest {
  excerptId: string
  field: 'comment' | 'tags'
  nonce: number
}

export interface ExcerptFilter {
  tag: string | null
  color: ExcerptColor | null
}

export interface PasteDraft {
  text: string
  html: string | null
}

export interface Ui {
  leftTab: LeftTab
  setLeftTab: (tab: LeftTab) => void
  rightTab: RightTab
  setRightTab: (tab: RightTab) => void
  dialog: DialogName | null
  openDialog: (name: DialogName) => void
  closeDialog: () => void
  pasteDraft: PasteDraft | null
  openPaste: (draft?: PasteDraft) => void
  showHidden: boolean
  setShowHidden: (show: boolean) => void
  activeExcerptId: string | null
  setActiveExcerptId: (id: string | null) => void
  focusRequest: FocusRequest | null
  requestFocus: (excerptId: string, field: 'comment' | 'tags') => void
  clearFocusRequest: () => void
  reveal: Reveal | null
  /** open an article (if needed) and scroll to a section or excerpt */
  revealTarget: (target: Omit<Reveal, 'nonce'>) => void
  clearReveal: () => void
  filter: ExcerptFilter
  setFilter: (filter: ExcerptFilter) => void
}

export interface Commands {
  pickFile: () => void
  importFiles: (files: File[]) => Promise<void>
  newNote: () => Promise<void>
  /** back up the notebook (save dialog in the desktop app, backups/ beside it in the browser) */
  backup: () => Promise<void>
}

/** What every part of the screen reads and calls: the stores, the writes, screen state. */
export interface GlossContextValue {
  api: GlossApi
  stores: Stores
  actions: Actions
  undoStack: UndoStack
  feedback: Feedback
  panes: Panes
  theme: Theme
  ui: Ui
  commands: Commands
}

export const GlossContext = createContext<GlossContextValue | null>(null)

export function useGloss(): GlossContextValue {
  const value = useContext(GlossContext)
  if (!value) throw new Error('useGloss outside <GlossContext>')
  return value
}
