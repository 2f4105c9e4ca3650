/**
 * A run of a long note's top-level blocks, in the editor only (never saved: see ./paging.ts).
 *
 * The browser lays out and checks the visibility of a contenteditable's children one by one at
 * every keystroke; 2,400 blocks cost ~20 ms a key. Grouped into pages that are skipped while
 * out of view (`content-visibility: auto`), it walks ~40 pages and one page's blocks instead.
 * A page is a shadow root, so everything that asks for a "top-level" block (Markdown
 * shortcuts, block types, card insertion) finds the block inside it, as at the root.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
} from 'lexical'

export const NOTE_PAGE_TYPE = 'gloss-page'

export class NotePageNode extends ElementNode {
  static override getType(): string {
    return NOTE_PAGE_TYPE
  }

  static override clone(node: NotePageNode): NotePageNode {
    return new NotePageNode(node.__key)
  }

  static override importJSON(json: SerializedElementNode): NotePageNode {
    return $createNotePageNode().updateFromJSON(json as LexicalUpdateJSON<SerializedElementNode>)
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div')
    dom.className = 'gloss-note-page'
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  override isShadowRoot(): boolean {
    return true
  }

  /** copying a range across pages copies the blocks, not the pages */
  override excludeFromCopy(): boolean {
    return true
  }

  override canIndent(): false {
    return false
  }
}

export function $createNotePageNode(): NotePageNode {
  return $applyNodeReplacement(new NotePageNode())
}

export function $isNotePageNode(node: LexicalNode | null | undefined): node is NotePageNode {
  return node instanceof NotePageNode
}
