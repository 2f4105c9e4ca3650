/**
 * Sync's presence in a note: this editor tells the notebook where its caret is (the worker
 * carries it to the others through the note body's Yjs awareness), and shows who else is in the
 * note ("1 other here") and their carets, each a line in their colour with their name. While sync
 * is off (the notes store's presence is null) it says and draws nothing, and calls nothing.
 *
 * A caret is a top-level block by index and the characters of its text before it, as
 * RemoteBodyPlugin keeps the local caret across a body that arrives; it is drawn from the
 * Lexical text node at that offset, so chips and cards count as they do in the model.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type LexicalEditor } from 'lexical'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { NoteCaret, NotePeer } from '../../../../../shared/sync'
import { useGloss } from '../../../state/glossContext'
import { useStore } from '../../../state/store'
import { $topBlockAt, $topIndexOf } from '../paging/paging'
import './presence.css'

/** a caret that moved is told after this pause (typing moves it each key) */
const TELL_AFTER_MS = 250
/** said again this often while the note stays open (the worker forgets a window silent for 45 s) */
const HEARTBEAT_MS = 20_000
const NONE: NotePeer[] = []

/** This editor's caret as a block and an offset in its text (null: no caret in text). */
function $caret(): NoteCaret | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.focus.getNode()
  const block = anchor.getTopLevelElement()
  if (!block) return null
  if (!$isTextNode(anchor)) return { block: $topIndexOf(block), offset: 0 }
  let offset = selection.focus.offset
  for (const text of block.getAllTextNodes()) {
    if (text.is(anchor)) break
    offset += text.getTextContentSize()
  }
  return { block: $topIndexOf(block), offset }
}

interface Drawn {
  key: string
  name: string
  color: string
  left: number
  top: number
  height: number
}

/** Where a caret is on screen (viewport coordinates), or null when its block is not there. */
function place(editor: LexicalEditor, caret: NoteCaret): Omit<Drawn, 'key' | 'name' | 'color'> | null {
  return editor.getEditorState().read(() => {
    const block = $topBlockAt(caret.block)
    if (!block) return null
    let range: Range | null = null
    if ($isElementNode(block)) {
      let left = caret.offset
      for (const text of block.getAllTextNodes()) {
        const size = text.getTextContentSize()
        if (left <= size) {
          const dom = editor.getElementByKey(text.getKey())
          const node = dom && (dom.firstChild?.nodeType === Node.TEXT_NODE ? dom.firstChild : null)
          if (node) {
            range = document.createRange()
            range.setStart(node, Math.min(left, node.textContent?.length ?? 0))
            range.collapse(true)
          }
          break
        }
        left -= size
      }
    }
    const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect()
    if (rect && rect.height > 0) return { left: rect.left, top: rect.top, height: rect.height }
    // an empty block (or one the offset runs past): its start
    const dom = editor.getElementByKey(block.getKey())
    if (!dom) return null
    const box = dom.getBoundingClientRect()
    const lineHeight = parseFloat(getComputedStyle(dom).lineHeight) || box.height
    return { left: box.left, top: box.top, height: Math.min(box.height, lineHeight) }
  })
}

export function PresencePlugin({ noteId }: { noteId: string }) {
  const [editor] = useLexicalComposerContext()
  const { api, stores } = useGloss()
  const presence = useStore(stores.notes.presence)
  const on = presence !== null
  const others = presence?.[noteId] ?? NONE

  // tell where this editor is: on opening, when its caret moves, now and then; and leaving
  useEffect(() => {
    if (!on) return
    let told = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    const tell = (always: boolean) => {
      const caret = editor.getEditorState().read($caret)
      const key = JSON.stringify(caret)
      if (!always && key === told) return
      told = key
      void api.setNotePresence({ noteId, caret }).catch(() => {})
    }
    tell(true)
    const stop = editor.registerUpdateListener(() => {
      clearTimeout(timer)
      timer = setTimeout(() => tell(false), TELL_AFTER_MS)
    })
    const beat = setInterval(() => tell(true), HEARTBEAT_MS)
    return () => {
      stop()
      clearTimeout(timer)
      clearInterval(beat)
      void api.setNotePresence({ noteId: null }).catch(() => {})
    }
  }, [on, api, editor, noteId])

  // draw the others' carets where they are, again as the text or the page moves
  const [drawn, setDrawn] = useState<Drawn[]>([])
  const othersRef = useRef(others)
  othersRef.current = others
  const redraw = useCallback(() => {
    const next: Drawn[] = []
    othersRef.current.forEach((peer, i) => {
      if (!peer.caret) return
      const at = place(editor, peer.caret)
      if (at) next.push({ key: `${i} ${peer.name}`, name: peer.name, color: peer.color, ...at })
    })
    setDrawn(next)
  }, [editor])
  useLayoutEffect(redraw, [others, redraw])
  useEffect(() => {
    if (others.length === 0) return
    const stop = editor.registerUpdateListener(() => requestAnimationFrame(redraw))
    window.addEventListener('resize', redraw)
    window.addEventListener('scroll', redraw, true)
    return () => {
      stop()
      window.removeEventListener('resize', redraw)
      window.removeEventListener('scroll', redraw, true)
    }
  }, [others.length, editor, redraw])

  if (others.length === 0) return null
  const names = others.map((p) => p.name).join(', ')
  return (
    <>
      <p className="gloss-presence" role="status">
        {others.map((peer, i) => (
          <span
            key={i}
            className="gloss-presence-dot"
            style={{ background: peer.color }}
            aria-hidden="true"
          />
        ))}
        {others.length === 1 ? '1 other here' : `${others.length} others here`}: {names}
      </p>
      {createPortal(
        drawn.map((caret) => (
          <div
            key={caret.key}
            className="gloss-remote-caret"
            aria-hidden="true"
            style={{
              left: caret.left,
              top: caret.top,
              height: caret.height,
              borderColor: caret.color,
            }}
          >
            <span className="gloss-remote-caret-name" style={{ background: caret.color }}>
              {caret.name}
            </span>
          </div>
        )),
        document.body,
      )}
    </>
  )
}
