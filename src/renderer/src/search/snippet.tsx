import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/model'

interface SnippetPart {
  text: string
  marked: boolean
}

/** Split a snippet on the core's match markers; text only, never HTML. */
function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let marked = false
  let text = ''
  const flush = () => {
    if (text) parts.push({ text, marked })
    text = ''
  }
  for (const char of snippet) {
    if (char === SNIPPET_OPEN) {
      flush()
      marked = true
    } else if (char === SNIPPET_CLOSE) {
      flush()
      marked = false
    } else text += char
  }
  flush()
  return parts
}

export function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  )
}
