/** Keeps a long note in pages while it is edited (./registerPaging.ts). */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'
import { registerPaging } from './registerPaging'

export function PagingPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerPaging(editor), [editor])
  return null
}
