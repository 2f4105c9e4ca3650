/**
 * An inline link from a note to one section (paragraph or heading) of an article, shown as a
 * chip "¶6 · Despite these shifts, the question…".
 *
 * It is a TextNode in 'token' mode whose text is the chip label: the caret treats it as one
 * unit (typing never lands inside it, Backspace removes it whole), and the note's plain text,
 * search index and copy/paste as text all see the label with no extra work.
 *
 * No React and no DOM at module level: this file also runs in Node (src/core/notes/derive.ts).
 * DOM is only touched inside createDOM/updateDOM/exportDOM/importDOM, which run in a browser.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
  TextNode,
} from 'lexical'
import { sectionLinkLabel } from '../labels'

export const SECTION_LINK_TYPE = 'gloss-section-link'
/** The JSON version this build writes for this node; see src/shared/notes/schema.ts. */
export const SECTION_LINK_VERSION = 1

export type SerializedSectionLinkNode = Spread<
  {
    type: typeof SECTION_LINK_TYPE
    version: number
    articleId: string
    sectionId: string
    ordinal: number
    /** the chip text, the same as `text` (kept so the JSON reads on its own) */
    label: string
  },
  SerializedTextNode
>

export interface SectionLinkPayload {
  articleId: string
  sectionId: string
  ordinal: number
  /** defaults to "¶N" */
  label?: string
}

/** The element type createDOM returns, named without referring to DOM globals (Node typecheck). */
type DomElement = ReturnType<TextNode['createDOM']>

export class SectionLinkNode extends TextNode {
  __articleId: string
  __sectionId: string
  __ordinal: number

  static override getType(): string {
    return SECTION_LINK_TYPE
  }

  static override clone(node: SectionLinkNode): SectionLinkNode {
    return new SectionLinkNode(node.__articleId, node.__sectionId, node.__ordinal, node.__text, node.__key)
  }

  static override importJSON(json: LexicalParseJSON<SerializedSectionLinkNode>): SectionLinkNode {
    return $createSectionLinkNode({ articleId: '', sectionId: '', ordinal: 0 }).updateFromJSON(json)
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (element) =>
        element.getAttribute('data-gloss-section-id')
          ? { conversion: $convertSectionLinkElement, priority: 2 }
          : null,
    }
  }

  constructor(articleId = '', sectionId = '', ordinal = 0, label = '', key?: NodeKey) {
    super(label || `¶${ordinal}`, key)
    this.__articleId = articleId
    this.__sectionId = sectionId
    this.__ordinal = ordinal
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedSectionLinkNode>): this {
    const raw = json as Record<string, unknown>
    // a JSON written with only `label` (no `text`) still gets its chip text
    const withText = typeof raw.text === 'string' && raw.text !== '' ? json : { ...json, text: raw.label }
    const node = super.updateFromJSON(withText as Parameters<TextNode['updateFromJSON']>[0])
    const writable = node.getWritable()
    writable.__articleId = typeof raw.articleId === 'string' ? raw.articleId : ''
    writable.__sectionId = typeof raw.sectionId === 'string' ? raw.sectionId : ''
    writable.__ordinal = typeof raw.ordinal === 'number' && Number.isFinite(raw.ordinal) ? raw.ordinal : 0
    if (writable.__text === '') writable.__text = `¶${writable.__ordinal}`
    return writable.setMode('token')
  }

  /** Always the full form (the `compact` flag is ignored on purpose: every field is read back). */
  override exportJSON(): SerializedSectionLinkNode {
    const self = this.getLatest()
    return {
      ...super.exportJSON(),
      type: SECTION_LINK_TYPE,
      version: SECTION_LINK_VERSION,
      articleId: self.__articleId,
      sectionId: self.__sectionId,
      ordinal: self.__ordinal,
      label: self.__text,
    }
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): DomElement {
    const dom = super.createDOM(config, editor)
    dom.classList.add('gloss-section-link')
    dom.setAttribute('role', 'link')
    // No tabindex: a focusable element inside the contenteditable catches Tab and keyboard users
    // could not leave the editor. The caret reaches the chip; Enter inside it (or Ctrl/Cmd+Enter
    // next to it) opens the section (src/renderer/src/notes/plugins.tsx, SectionLinkOpenPlugin).
    this.writeAttributes(dom)
    return dom
  }

  override updateDOM(prevNode: this, dom: DomElement, config: EditorConfig): boolean {
    if (super.updateDOM(prevNode, dom, config)) return true
    if (
      prevNode.__articleId !== this.__articleId ||
      prevNode.__sectionId !== this.__sectionId ||
      prevNode.__ordinal !== this.__ordinal
    ) {
      this.writeAttributes(dom)
    }
    return false
  }

  private writeAttributes(dom: DomElement): void {
    dom.setAttribute('data-section-id', this.__sectionId)
    dom.setAttribute('data-article-id', this.__articleId)
    dom.setAttribute('data-ordinal', String(this.__ordinal))
    dom.setAttribute('aria-label', `Open section ${this.__ordinal}: ${this.__text}`)
  }

  override exportDOM(_editor: LexicalEditor): DOMExportOutput {
    const element = $getDocument().createElement('span')
    element.className = 'gloss-section-link'
    element.setAttribute('data-gloss-section-id', this.__sectionId)
    element.setAttribute('data-gloss-article-id', this.__articleId)
    element.setAttribute('data-gloss-ordinal', String(this.__ordinal))
    element.textContent = this.getTextContent()
    return { element }
  }

  // The chip is one unit: text typed next to it starts a sibling TextNode.
  override canInsertTextBefore(): boolean {
    return false
  }

  override canInsertTextAfter(): boolean {
    return false
  }

  getArticleId(): string {
    return this.getLatest().__articleId
  }

  getSectionId(): string {
    return this.getLatest().__sectionId
  }

  getOrdinal(): number {
    return this.getLatest().__ordinal
  }

  getLabel(): string {
    return this.getLatest().__text
  }
}

function $convertSectionLinkElement(element: DomElement): DOMConversionOutput {
  const ordinal = Number(element.getAttribute('data-gloss-ordinal'))
  return {
    node: $createSectionLinkNode({
      articleId: element.getAttribute('data-gloss-article-id') ?? '',
      sectionId: element.getAttribute('data-gloss-section-id') ?? '',
      ordinal: Number.isFinite(ordinal) ? ordinal : 0,
      label: element.textContent ?? '',
    }),
  }
}

/** A chip for one section. Call inside an editor update. */
export function $createSectionLinkNode(payload: SectionLinkPayload): SectionLinkNode {
  const label = payload.label ?? sectionLinkLabel(payload.ordinal, '')
  return $applyNodeReplacement(
    new SectionLinkNode(payload.articleId, payload.sectionId, payload.ordinal, label),
  ).setMode('token')
}

export function $isSectionLinkNode(node: LexicalNode | null | undefined): node is SectionLinkNode {
  return node instanceof SectionLinkNode
}
