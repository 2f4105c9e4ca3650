/**
 * How an ExcerptCardNode becomes something on screen, without the node importing React.
 *
 * The node classes in this folder are shared by the editor (browser, React) and by the
 * headless indexer in src/core (Node). A DecoratorNode's `decorate()` must return what the
 * host framework renders, so it cannot build React elements itself without pulling React
 * into Node. Instead the React editor registers a renderer here once, at module load
 * (src/renderer/src/notes/ExcerptCard.tsx calls `setExcerptCardRenderer`), and
 * `ExcerptCardNode.decorate()` asks this module. With no renderer registered (Node, tests)
 * `decorate()` returns null, which Lexical accepts.
 *
 * We chose this over Lexical's node replacement (`{ replace, with, withKlass }`) because
 * replacement needs a second class per node and a second registration list, and the node
 * list must stay ONE list shared by the editor and the exporter (see ./index.ts).
 */
import type { ExcerptColor } from '../../model'

/** What a card shows even when its excerpt is gone: copied when the card was inserted. */
export interface ExcerptSnapshot {
  quote: string
  color: ExcerptColor
  comment: string
  tags: string[]
}

/** Everything a renderer gets for one card. */
export interface ExcerptCardView {
  /** the Lexical node key, for selection or removal */
  nodeKey: string
  excerptId: string
  articleId: string
  ordinal: number
  snapshot: ExcerptSnapshot
}

/** Returns whatever the host renders (a React element in the editor). */
export type ExcerptCardRenderer = (view: ExcerptCardView) => unknown

let excerptCardRenderer: ExcerptCardRenderer | null = null

/** Register (or, with null, remove) the function that renders excerpt cards. */
export function setExcerptCardRenderer(renderer: ExcerptCardRenderer | null): void {
  excerptCardRenderer = renderer
}

/** The rendering of one card, or null when nothing is registered (headless). */
export function renderExcerptCard(view: ExcerptCardView): unknown {
  return excerptCardRenderer ? excerptCardRenderer(view) : null
}
