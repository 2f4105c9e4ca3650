/**
 * The node classes a Gloss note may contain: the ONE list shared by the React editor
 * (src/renderer/src/notes/NoteEditor.tsx) and the headless indexer (src/core/notes/derive.ts).
 * Adding a node here is a schema change: read src/shared/notes/schema.ts first.
 *
 * Everything here is React-free. HorizontalRuleNode comes from @lexical/extension (the
 * React-free implementation; @lexical/react/LexicalHorizontalRuleNode is a deprecated
 * subclass that imports React). Both share the JSON type 'horizontalrule'.
 */
import { CodeHighlightNode, CodeNode } from '@lexical/code'
import { HorizontalRuleNode } from '@lexical/extension'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import type { Klass, LexicalNode } from 'lexical'
import { ExcerptCardNode } from './ExcerptCardNode'
import { SectionLinkNode } from './SectionLinkNode'

export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  HorizontalRuleNode,
  SectionLinkNode,
  ExcerptCardNode,
]

export { HorizontalRuleNode }
export * from './SectionLinkNode'
export * from './ExcerptCardNode'
export * from './decorators'
