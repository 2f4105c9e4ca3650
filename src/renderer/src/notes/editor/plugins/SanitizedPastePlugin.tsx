import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import DOMPurify from 'dompurify'
import { COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical'
import { useEffect } from 'react'
import { noteNodeTypes, sanitizeClipboardPayload } from '../../../../../shared/notes/schema'
import { isSafeUrl } from '../links'

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
function sanitizePastedHtml(html: string): string {
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
