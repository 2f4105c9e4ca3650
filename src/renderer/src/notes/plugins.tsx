/** Small editor plugins for notes. Each is a component rendered inside <LexicalComposer>. */
import { $createHorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension'
import { registerHistory, type HistoryState } from '@lexical/history'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils'
import DOMPurify from 'dompurify'
import {
  $createParagraphNode,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  BLUR_COMMAND,
  CLICK_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  PASTE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
} from 'lexical'
import { useEffect, useRef } from 'react'
import {
  $createExcerptCardNode,
  $isSectionLinkNode,
  type ExcerptCardPayload,
  type SectionLinkNode,
} from '../../../shared/notes/nodes'
import { noteNodeTypes, sanitizeClipboardPayload } from '../../../shared/notes/schema'
import { cardFromDragData, cardFromExcerpt, isExcerptDrag, readExcerptDragData } from './dnd'
import { useNoteEditorEnv } from './env'
import { insertExcerptIntoNote } from './events'
import { isSafeUrl } from './links'

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

/** INSERT_HORIZONTAL_RULE_COMMAND → the React-free HorizontalRuleNode from @lexical/extension. */
export function HorizontalRulePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_HORIZONTAL_RULE_COMMAND,
        () => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection)) return false
          $insertNodeToNearestRoot($createHorizontalRuleNode())
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )
  return null
}

/** Insert an excerpt card as a block at the selection (or at the end). Call inside an update. */
export function $insertExcerptCard(payload: ExcerptCardPayload, after?: LexicalNode | null): void {
  const card = $createExcerptCardNode(payload)
  const top = after?.getTopLevelElement() ?? null
  if (top) {
    top.insertAfter(card)
  } else {
    const selection = $getSelection()
    if ($isRangeSelection(selection)) {
      $insertNodeToNearestRoot(card)
    } else {
      $getRoot().append(card)
    }
  }
  // always leave somewhere to type after the card
  const next = card.getNextSibling()
  if (!next || !$isElementNode(next)) card.insertAfter($createParagraphNode())
  card.getNextSibling()?.selectStart()
}

/**
 * Insert an excerpt card after the block holding the caret (an empty paragraph there is
 * replaced by the card), or at the end of the note when it has no caret. Call inside an update.
 */
export function $insertExcerptCardAtCaret(payload: ExcerptCardPayload): void {
  const selection = $getSelection()
  const at = $isRangeSelection(selection)
    ? selection.focus.getNode()
    : $isNodeSelection(selection)
      ? (selection.getNodes().at(-1) ?? null)
      : null
  const root = $getRoot()
  const block =
    at && at.isAttached() && !$isRootNode(at)
      ? (at.getTopLevelElement() ?? (at.getParent() === root ? at : null))
      : root.getLastChild()
  if (block && $isParagraphNode(block) && block.getTextContent().trim() === '') {
    const card = $createExcerptCardNode(payload)
    block.replace(card)
    const next = card.getNextSibling()
    if (!next || !$isElementNode(next)) card.insertAfter($createParagraphNode())
    card.getNextSibling()?.selectStart()
    return
  }
  if (block) $insertExcerptCard(payload, block)
  else root.append($createExcerptCardNode(payload), $createParagraphNode())
}

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
  const env = useNoteEditorEnv()
  const envRef = useRef(env)
  envRef.current = env
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
      const api = envRef.current?.api
      if (!api) return false
      api.getExcerpt({ id: request.excerptId }).then(
        (excerpt) => insert(cardFromExcerpt(excerpt)),
        (error: unknown) => onErrorRef.current(error),
      )
      return true
    })
  }, [editor, noteId])
  return null
}

function chipAtCaret(wide: boolean): SectionLinkNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const { offset } = selection.anchor
  const node = selection.anchor.getNode()
  if ($isSectionLinkNode(node)) {
    if (offset > 0 && offset < node.getTextContentSize()) return node
    if (wide) return node
  }
  if (!wide) return null
  if ($isElementNode(node)) {
    const around = [node.getChildAtIndex(offset - 1), node.getChildAtIndex(offset)]
    return (around.find((n) => $isSectionLinkNode(n)) as SectionLinkNode | undefined) ?? null
  }
  const neighbour =
    offset === 0
      ? node.getPreviousSibling()
      : offset === node.getTextContentSize()
        ? node.getNextSibling()
        : null
  return $isSectionLinkNode(neighbour) ? neighbour : null
}

/**
 * Section chips open their section: click, Enter with the caret inside the chip, or
 * Ctrl/Cmd+Enter with the caret next to it.
 */
export function SectionLinkOpenPlugin() {
  const [editor] = useLexicalComposerContext()
  const env = useNoteEditorEnv()
  const envRef = useRef(env)
  envRef.current = env
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            const target = event.target
            if (!(target instanceof Element)) return false
            const chip = target.closest('.gloss-section-link')
            const articleId = chip?.getAttribute('data-article-id')
            const sectionId = chip?.getAttribute('data-section-id')
            if (!chip || !articleId || !sectionId || !envRef.current) return false
            envRef.current.onOpenSection(articleId, sectionId)
            return false // let the caret land as usual
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const chip = chipAtCaret(!!event && (event.ctrlKey || event.metaKey))
            if (!chip || !envRef.current) return false
            event?.preventDefault()
            envRef.current.onOpenSection(chip.getArticleId(), chip.getSectionId())
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  )
  return null
}

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

/** Drop an excerpt (dragged with setExcerptDragData) to insert a card where it lands. */
export function ExcerptDropPlugin({ onError }: { onError: (error: unknown) => void }) {
  const [editor] = useLexicalComposerContext()
  const env = useNoteEditorEnv()
  const envRef = useRef(env)
  envRef.current = env
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!isExcerptDrag(event.dataTransfer)) return false
            event.preventDefault()
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const data = readExcerptDragData(event.dataTransfer)
            if (!data) return false
            event.preventDefault()
            const target = dropTarget(editor, event)
            const payload = cardFromDragData(data)
            if (payload) {
              $insertExcerptCard(payload, target)
              return true
            }
            const api = envRef.current?.api
            if (!api) return true
            const targetKey = target?.getKey() ?? null
            api.getExcerpt({ id: data.excerptId }).then(
              (excerpt) =>
                editor.update(() => {
                  const after = targetKey ? $getNodeByKey(targetKey) : null
                  $insertExcerptCard(cardFromExcerpt(excerpt), after?.isAttached() ? after : null)
                }),
              onError,
            )
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onError],
  )
  return null
}

function dropTarget(editor: LexicalEditor, event: DragEvent): LexicalNode | null {
  const doc = editor.getRootElement()?.ownerDocument ?? document
  const range = doc.caretRangeFromPoint?.(event.clientX, event.clientY)
  const domNode = range?.startContainer ?? (event.target instanceof Node ? event.target : null)
  return domNode ? $getNearestNodeFromDOMNode(domNode) : null
}

const pastedByUs = new WeakSet<object>()

const FORBID_TAGS = [
  'style',
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'link',
  'meta',
  'base',
]

/**
 * Pasted HTML as safe markup: no scripts, handlers, styles or embedded content (DOMPurify),
 * and links only to http(s)/mailto — any other <a> keeps its text but loses the link.
 */
export function sanitizePastedHtml(html: string): string {
  const fragment = DOMPurify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'class', 'id'],
    RETURN_DOM_FRAGMENT: true,
  })
  for (const anchor of Array.from(fragment.querySelectorAll('a'))) {
    const href = anchor.getAttribute('href')
    if (href && isSafeUrl(href)) continue
    anchor.replaceWith(...Array.from(anchor.childNodes))
  }
  const box = document.createElement('div')
  box.append(fragment)
  return box.innerHTML
}

/** True if Lexical clipboard JSON holds only node types a note may contain. */
function lexicalPayloadIsKnown(raw: string): boolean {
  try {
    const known = noteNodeTypes()
    const data = JSON.parse(raw) as { nodes?: unknown }
    const stack: unknown[] = Array.isArray(data.nodes) ? [...data.nodes] : []
    if (!Array.isArray(data.nodes)) return false
    while (stack.length) {
      const node = stack.pop() as { type?: unknown; children?: unknown } | null
      if (!node || typeof node.type !== 'string' || !known.has(node.type)) return false
      if (Array.isArray(node.children)) stack.push(...node.children)
    }
    return true
  } catch {
    return false
  }
}

/**
 * Pasted HTML is sanitized before Lexical imports it: DOMPurify drops scripts, styles, event
 * handlers and dangerous URLs; Lexical's importDOM then keeps only what our nodes can hold.
 * Lexical's own clipboard JSON is kept when every node type is one of ours, cleaned as a saved
 * note is (no inline styles, links only to http(s)/mailto: sanitizeClipboardPayload); it
 * passes through untouched when there was nothing to clean.
 */
export function SanitizedPastePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!('clipboardData' in event) || !event.clipboardData || pastedByUs.has(event)) return false
          const data = event.clipboardData
          const lexical = data.getData('application/x-lexical-editor')
          const cleanLexical =
            lexical && lexicalPayloadIsKnown(lexical) ? sanitizeClipboardPayload(lexical) : null
          if (cleanLexical !== null && cleanLexical === lexical) return false
          const html = data.getData('text/html')
          if (!html && !lexical) return false
          const clean = new DataTransfer()
          if (cleanLexical !== null) clean.setData('application/x-lexical-editor', cleanLexical)
          const text = data.getData('text/plain')
          if (text) clean.setData('text/plain', text)
          if (html) clean.setData('text/html', sanitizePastedHtml(html))
          const replay = new ClipboardEvent('paste', {
            clipboardData: clean,
            bubbles: false,
            cancelable: true,
          })
          pastedByUs.add(replay)
          event.preventDefault()
          editor.dispatchCommand(PASTE_COMMAND, replay)
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  )
  return null
}

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
