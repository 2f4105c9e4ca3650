/**
 * A note's body as a Yjs document bound to Lexical's model with Lexical's own binding
 * (@lexical/yjs, as the playground's collaboration plugin does), in a headless editor.
 *
 * A save arrives as whole content; it is written into the bound editor as the smallest change
 * of its tree (equal blocks kept, a changed paragraph's text edited in place), so the binding
 * sends character edits and concurrent edits of one paragraph merge. A change arriving from
 * the other side is applied to the editor by the binding; `content()` reads it back.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs'
import { $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { NOTE_NODES } from '../../shared/notes/nodes'
import { $reconcileChildren, type NoteJson } from '../../shared/notes/reconcile'

/** The binding wants a provider for cursors: a local awareness that goes nowhere (destroy it: it runs a timer). */
function quietProvider(doc: Y.Doc): Provider & { destroy(): void } {
  const awareness = new Awareness(doc)
  return {
    destroy: () => awareness.destroy(),
    awareness: awareness as unknown as Provider['awareness'],
    connect: () => {},
    disconnect: () => {},
    on: () => {},
    off: () => {},
  }
}

export class NoteBody {
  readonly editor: LexicalEditor
  /** the origin of the transactions this side's writes make */
  readonly origin: unknown
  private readonly unbind: () => void

  constructor(readonly doc: Y.Doc) {
    const editor = createHeadlessEditor({
      namespace: 'gloss-note-sync',
      nodes: NOTE_NODES,
      onError: (error) => {
        throw error
      },
    })
    this.editor = editor
    const provider = quietProvider(doc)
    const binding = createBinding(editor, provider, 'note', doc, new Map([['note', doc]]))
    this.origin = binding
    const root = binding.root.getSharedType()
    const onYjs = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.origin === binding) return
      syncYjsChangesToLexical(binding, provider, events as never, false, () => {})
      // commit now: a local write batched into this pending update would carry its
      // 'collaboration' tag, and the binding would not send it
      editor.update(() => {}, { discrete: true })
    }
    root.observeDeep(onYjs)
    const stop = editor.registerUpdateListener((update) => {
      syncLexicalUpdateToYjs(
        binding,
        provider,
        update.prevEditorState,
        update.editorState,
        update.dirtyElements,
        update.dirtyLeaves,
        update.normalizedNodes,
        update.tags,
      )
    })
    this.unbind = () => {
      stop()
      root.unobserveDeep(onYjs)
      provider.destroy()
    }
  }

  /** Has any side written the body yet? */
  get empty(): boolean {
    return this.editor.read(() => $getRoot().getChildrenSize() === 0)
  }

  /** The body as note content (Lexical's serialized state). */
  content(): SerializedEditorState {
    return this.editor.read(() => this.editor.getEditorState().toJSON())
  }

  /** Make the body `content`, as the smallest edit of what it holds. */
  write(content: SerializedEditorState): void {
    this.editor.update(() => $reconcileChildren($getRoot(), content.root.children as NoteJson[]), {
      discrete: true,
    })
  }

  /**
   * Make the body `content`, where `content` was edited from the body as it was at `base` (an
   * update holding that whole state): the edit is made on a copy at `base` and merged in, so
   * what arrived since `base` stays. Returns the copy's state: the next base for this editor.
   */
  writeFrom(base: Uint8Array, content: SerializedEditorState, origin: unknown): Uint8Array {
    const fork = new Y.Doc()
    const copy = new NoteBody(fork) // bound first, so applying the base fills its editor
    Y.applyUpdate(fork, base)
    const before = Y.encodeStateVector(fork)
    copy.write(content)
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(fork, before), origin)
    const next = Y.encodeStateAsUpdate(fork)
    copy.destroy()
    fork.destroy()
    return next
  }

  destroy(): void {
    this.unbind()
  }
}
