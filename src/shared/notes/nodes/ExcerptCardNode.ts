/**
 * A block in a note that cites one excerpt: its quote, color, comment and tags, with a link
 * back to ¶N of the article.
 *
 * The card keeps a snapshot of the excerpt from when it was inserted, so the note still shows
 * the quote after the excerpt is edited or deleted; the editor's card view shows the
 * excerpt's current comment and tags when it can fetch them.
 *
 * No React here (this file runs headless in Node): `decorate()` asks the renderer registered
 * in ./decorators.ts and returns null when there is none.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical'
import { renderExcerptCard, type ExcerptSnapshot } from './decorators'
import { parseExcerptSnapshot } from './snapshot'

export { parseExcerptSnapshot }

export const EXCERPT_CARD_TYPE = 'gloss-excerpt-card'
/** The JSON version this build writes for this node; see src/shared/notes/schema.ts. */
export const EXCERPT_CARD_VERSION = 1

export type SerializedExcerptCardNode = Spread<
  {
    type: typeof EXCERPT_CARD_TYPE
    version: number
    excerptId: string
    articleId: string
    ordinal: number
    snapshot: ExcerptSnapshot
  },
  SerializedLexicalNode
>

export interface ExcerptCardPayload {
  excerptId: string
  articleId: string
  ordinal: number
  snapshot: ExcerptSnapshot
}

const EMPTY_SNAPSHOT: ExcerptSnapshot = Object.freeze({
  quote: '',
  color: 'yellow',
  comment: '',
  tags: [],
}) as ExcerptSnapshot

/** What the note's plain text holds for a card: “quote” — ¶N, then the comment. */
export function excerptCardText(snapshot: ExcerptSnapshot, ordinal: number): string {
  const cited = `“${snapshot.quote}” — ¶${ordinal}`
  return snapshot.comment.trim() ? `${cited}\n${snapshot.comment}` : cited
}

type DomElement = ReturnType<LexicalNode['createDOM']>

export class ExcerptCardNode extends DecoratorNode<unknown> {
  __excerptId: string
  __articleId: string
  __ordinal: number
  __snapshot: ExcerptSnapshot

  static override getType(): string {
    return EXCERPT_CARD_TYPE
  }

  static override clone(node: ExcerptCardNode): ExcerptCardNode {
    return new ExcerptCardNode(
      node.__excerptId,
      node.__articleId,
      node.__ordinal,
      node.__snapshot,
      node.__key,
    )
  }

  static override importJSON(json: LexicalParseJSON<SerializedExcerptCardNode>): ExcerptCardNode {
    return $createExcerptCardNode({
      excerptId: '',
      articleId: '',
      ordinal: 0,
      snapshot: EMPTY_SNAPSHOT,
    }).updateFromJSON(json)
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      blockquote: (element) =>
        element.getAttribute('data-gloss-excerpt-id')
          ? { conversion: $convertExcerptCardElement, priority: 2 }
          : null,
    }
  }

  constructor(
    excerptId = '',
    articleId = '',
    ordinal = 0,
    snapshot: ExcerptSnapshot = EMPTY_SNAPSHOT,
    key?: NodeKey,
  ) {
    super(key)
    this.__excerptId = excerptId
    this.__articleId = articleId
    this.__ordinal = ordinal
    this.__snapshot = snapshot
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedExcerptCardNode>): this {
    const raw = json as Record<string, unknown>
    const writable = super.updateFromJSON(json).getWritable()
    writable.__excerptId = typeof raw.excerptId === 'string' ? raw.excerptId : ''
    writable.__articleId = typeof raw.articleId === 'string' ? raw.articleId : ''
    writable.__ordinal = typeof raw.ordinal === 'number' && Number.isFinite(raw.ordinal) ? raw.ordinal : 0
    writable.__snapshot = parseExcerptSnapshot(raw.snapshot)
    return writable
  }

  /** Always the full form (the `compact` flag is ignored on purpose: every field is read back). */
  override exportJSON(): SerializedExcerptCardNode {
    const self = this.getLatest()
    return {
      ...super.exportJSON(),
      type: EXCERPT_CARD_TYPE,
      version: EXCERPT_CARD_VERSION,
      excerptId: self.__excerptId,
      articleId: self.__articleId,
      ordinal: self.__ordinal,
      snapshot: { ...self.__snapshot, tags: [...self.__snapshot.tags] },
    }
  }

  override createDOM(_config: EditorConfig, _editor: LexicalEditor): DomElement {
    const element = $getDocument().createElement('div')
    element.className = 'gloss-excerpt-card-host'
    element.setAttribute('data-excerpt-id', this.__excerptId)
    element.setAttribute('data-article-id', this.__articleId)
    return element
  }

  override updateDOM(prevNode: this, dom: DomElement): boolean {
    if (prevNode.__excerptId !== this.__excerptId) dom.setAttribute('data-excerpt-id', this.__excerptId)
    if (prevNode.__articleId !== this.__articleId) dom.setAttribute('data-article-id', this.__articleId)
    return false
  }

  /** HTML for copy to other apps: a blockquote with the quote and a ¶N citation. */
  override exportDOM(_editor: LexicalEditor): DOMExportOutput {
    const doc = $getDocument()
    const quote = doc.createElement('blockquote')
    quote.setAttribute('data-gloss-excerpt-id', this.__excerptId)
    quote.setAttribute('data-gloss-article-id', this.__articleId)
    quote.setAttribute('data-gloss-ordinal', String(this.__ordinal))
    quote.setAttribute('data-gloss-color', this.__snapshot.color)
    const text = doc.createElement('p')
    text.textContent = `“${this.__snapshot.quote}”`
    const cite = doc.createElement('cite')
    cite.textContent = `¶${this.__ordinal}`
    quote.append(text, cite)
    if (this.__snapshot.comment.trim()) {
      const comment = doc.createElement('p')
      comment.textContent = this.__snapshot.comment
      quote.append(comment)
    }
    return { element: quote }
  }

  /**
   * The card's plain text, followed by the blank line Lexical puts after block elements (it
   * adds none after a block decorator, so the next block's words would run on).
   */
  override getTextContent(): string {
    const self = this.getLatest()
    return `${excerptCardText(self.__snapshot, self.__ordinal)}\n\n`
  }

  override isInline(): false {
    return false
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): unknown {
    return renderExcerptCard({
      nodeKey: this.getKey(),
      excerptId: this.__excerptId,
      articleId: this.__articleId,
      ordinal: this.__ordinal,
      snapshot: this.__snapshot,
    })
  }

  getExcerptId(): string {
    return this.getLatest().__excerptId
  }

  getArticleId(): string {
    return this.getLatest().__articleId
  }

  getOrdinal(): number {
    return this.getLatest().__ordinal
  }

  getSnapshot(): ExcerptSnapshot {
    return this.getLatest().__snapshot
  }

  /** Refresh the snapshot (e.g. the excerpt's comment changed). Call inside an update. */
  setSnapshot(snapshot: ExcerptSnapshot): this {
    const writable = this.getWritable()
    writable.__snapshot = snapshot
    return writable
  }
}

function $convertExcerptCardElement(element: DomElement): DOMConversionOutput {
  const ordinal = Number(element.getAttribute('data-gloss-ordinal'))
  const paragraphs = element.querySelectorAll('p')
  const quote = (paragraphs[0]?.textContent ?? '').replace(/^“|”$/g, '')
  return {
    node: $createExcerptCardNode({
      excerptId: element.getAttribute('data-gloss-excerpt-id') ?? '',
      articleId: element.getAttribute('data-gloss-article-id') ?? '',
      ordinal: Number.isFinite(ordinal) ? ordinal : 0,
      snapshot: parseExcerptSnapshot({
        quote,
        color: element.getAttribute('data-gloss-color'),
        comment: paragraphs[1]?.textContent ?? '',
        tags: [],
      }),
    }),
  }
}

/** A card citing one excerpt. Call inside an editor update. */
export function $createExcerptCardNode(payload: ExcerptCardPayload): ExcerptCardNode {
  return $applyNodeReplacement(
    new ExcerptCardNode(
      payload.excerptId,
      payload.articleId,
      payload.ordinal,
      parseExcerptSnapshot(payload.snapshot),
    ),
  )
}

export function $isExcerptCardNode(node: LexicalNode | null | undefined): node is ExcerptCardNode {
  return node instanceof ExcerptCardNode
}
