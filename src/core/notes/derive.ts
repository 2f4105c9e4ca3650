/**
 * What the notebook keeps beside a note's content: its plain text (for search and the list
 * preview) and the sections and excerpts it links to (for backlinks). Derived here, in Node,
 * by loading the content into a headless Lexical editor built from the same node list as the
 * editor, so the text is exactly what Lexical would give.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $dfs } from '@lexical/utils'
import { $getRoot, type SerializedEditorState } from 'lexical'
import { GlossError } from '../../shared/errors'
import { $isExcerptCardNode, $isSectionLinkNode, NOTE_NODES } from '../../shared/notes/nodes'
import { upgradeNoteContent } from '../../shared/notes/schema'

export interface DerivedLink {
  targetType: 'section' | 'excerpt'
  targetId: string
  articleId: string
}

export interface NoteIndex {
  /** the content as Lexical writes it back (normalized, current schema) */
  content: SerializedEditorState
  text: string
  /** each target once, in document order */
  links: DerivedLink[]
}

function refuse(error: unknown): never {
  if (error instanceof GlossError) throw error
  const reason = error instanceof Error ? error.message : String(error)
  throw new GlossError('invalid_input', `note content is not a Gloss note: ${reason}`, 'content')
}

/**
 * Validate, upgrade and index note content. Throws GlossError `invalid_input` (field
 * "content") for anything Lexical cannot load with the note nodes, naming the problem.
 */
export function deriveNoteIndex(content: unknown): NoteIndex {
  const upgraded = upgradeNoteContent(content)
  const editor = createHeadlessEditor({
    namespace: 'gloss-note-index',
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  try {
    editor.setEditorState(editor.parseEditorState(upgraded))
  } catch (error) {
    refuse(error)
  }

  return editor.read(() => {
    const links: DerivedLink[] = []
    const seen = new Set<string>()
    const add = (link: DerivedLink) => {
      const key = `${link.targetType}\u0000${link.targetId}`
      if (seen.has(key)) return
      seen.add(key)
      links.push(link)
    }
    for (const { node } of $dfs()) {
      if ($isSectionLinkNode(node)) {
        add({ targetType: 'section', targetId: node.getSectionId(), articleId: node.getArticleId() })
      } else if ($isExcerptCardNode(node)) {
        add({ targetType: 'excerpt', targetId: node.getExcerptId(), articleId: node.getArticleId() })
      }
    }
    return { content: editor.getEditorState().toJSON(), text: $getRoot().getTextContent().trimEnd(), links }
  })
}
