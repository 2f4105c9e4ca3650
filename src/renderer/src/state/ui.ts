import { useCallback, useMemo, useRef, useState } from 'react'
import type {
  DialogName,
  ExcerptFilter,
  FocusRequest,
  LeftTab,
  PasteDraft,
  Reveal,
  RightTab,
  Ui,
} from './glossContext'

/** Screen state that is not in the notebook: tabs, dialogs, the active excerpt, pending reveals. */
export function useUi(openArticle: (id: string) => Promise<boolean>): Ui {
  const [leftTab, setLeftTab] = useState<LeftTab>('library')
  const [rightTab, setRightTab] = useState<RightTab>('excerpts')
  const [dialog, setDialog] = useState<DialogName | null>(null)
  const [pasteDraft, setPasteDraft] = useState<PasteDraft | null>(null)
  const [showHidden, setShowHidden] = useState(false)
  const [activeExcerptId, setActiveExcerptId] = useState<string | null>(null)
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null)
  const [reveal, setReveal] = useState<Reveal | null>(null)
  const [filter, setFilter] = useState<ExcerptFilter>({ tag: null, color: null })
  const nonce = useRef(0)

  const openDialog = useCallback((name: DialogName) => setDialog(name), [])
  const closeDialog = useCallback(() => setDialog(null), [])
  const openPaste = useCallback((draft?: PasteDraft) => {
    setPasteDraft(draft ?? null)
    setDialog('paste')
  }, [])
  const requestFocus = useCallback((excerptId: string, field: 'comment' | 'tags') => {
    setRightTab('excerpts')
    setFocusRequest({ excerptId, field, nonce: ++nonce.current })
  }, [])
  const clearFocusRequest = useCallback(() => setFocusRequest(null), [])
  const revealTarget = useCallback(
    (target: Omit<Reveal, 'nonce'>) => {
      if (target.excerptId) setActiveExcerptId(target.excerptId)
      setReveal({ ...target, nonce: ++nonce.current })
      void openArticle(target.articleId)
    },
    [openArticle],
  )
  const clearReveal = useCallback(() => setReveal(null), [])

  return useMemo(
    () => ({
      leftTab,
      setLeftTab,
      rightTab,
      setRightTab,
      dialog,
      openDialog,
      closeDialog,
      pasteDraft,
      openPaste,
      showHidden,
      setShowHidden,
      activeExcerptId,
      setActiveExcerptId,
      focusRequest,
      requestFocus,
      clearFocusRequest,
      reveal,
      revealTarget,
      clearReveal,
      filter,
      setFilter,
    }),
    [
      leftTab,
      rightTab,
      dialog,
      openDialog,
      closeDialog,
      pasteDraft,
      openPaste,
      showHidden,
      activeExcerptId,
      focusRequest,
      requestFocus,
      clearFocusRequest,
      reveal,
      revealTarget,
      clearReveal,
      filter,
    ],
  )
}
