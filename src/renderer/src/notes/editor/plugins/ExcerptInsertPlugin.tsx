import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical'
import { useEffect, useRef } from 'react'
import type { ExcerptCardPayload } from '../../../../../shared/notes/nodes'
import { useGloss } from '../../../state/glossContext'
import { cardFromExcerpt } from '../../../state/dnd'
import { insertExcerptIntoNote } from '../../../state/mailbox'
import { $insertExcerptCardAtCaret } from '../excerptCards'

/**
 * Takes `insertExcerptIntoNote` requests for this note (the "Insert into note" button, drops
 * on the Notes tab or on the note in the list): the card goes in at the caret, or at the end.
 * The update neither moves the page's focus nor scrolls: the request comes from elsewhere.
 */
export function ExcerptInsertPlugin({
  noteId,
  onError,
}: {
  noteId: string
  onError: (error: unknown) => void
}) {
  const [editor] = useLexicalComposerContext()
  const { api } = useGloss()
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError
  useEffect(() => {
    const insert = (payload: ExcerptCardPayload) =>
      editor.update(() => $insertExcerptCardAtCaret(payload), {
        tag: [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG],
      })
    return insertExcerptIntoNote.subscribe((request) => {
      if (request.noteId !== noteId || !editor.isEditable()) return false
      if (request.card) {
        insert(request.card)
        return true
      }
      api.getExcerpt({ id: request.excerptId }).then(
        (excerpt) => insert(cardFromExcerpt(excerpt)),
        (error: unknown) => onErrorRef.current(error),
      )
      return true
    })
  }, [editor, noteId, api])
  return null
}
