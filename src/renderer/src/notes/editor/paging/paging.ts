/**
 * Pages of a long note (see ./NotePageNode.ts): made when the note opens or grows long, split
 * as they fill, gone when empty, and taken out of everything that leaves the editor. The saved
 * note, presence carets and synced bodies speak of top-level blocks in order, never of pages.
 */
import {
  $createParagraphNode,
  $getRoot,
  type LexicalNode,
  type RootNode,
  type SerializedLexicalNode,
} from 'lexical'
import { $createNotePageNode, $isNotePageNode, NOTE_PAGE_TYPE, type NotePageNode } from './NotePageNode'

/** blocks in a new page; a page splits when it holds twice as many */
export const PAGE_BLOCKS = 48
/** a note with more top-level blocks than this is paged */
export const PAGED_ABOVE = 2 * PAGE_BLOCKS

type Json = SerializedLexicalNode & { children?: Json[] }
interface Content {
  root: Json
}

const pageJson = (children: Json[]): Json =>
  ({ type: NOTE_PAGE_TYPE, version: 1, children, direction: null, format: '', indent: 0 }) as Json

/** The note's JSON with its top-level blocks in pages, when it is long enough to need them. */
export function paginate<T extends Content>(content: T): T {
  const blocks = content.root.children ?? []
  if (blocks.length <= PAGED_ABOVE) return content
  const pages: Json[] = []
  for (let i = 0; i < blocks.length; i += PAGE_BLOCKS) pages.push(pageJson(blocks.slice(i, i + PAGE_BLOCKS)))
  return { ...content, root: { ...content.root, children: pages } }
}

/** The note's JSON as it is saved: pages taken out, their blocks in place. */
export function unpaginate<T extends Content>(content: T): T {
  const children = content.root.children ?? []
  if (!children.some((child) => child.type === NOTE_PAGE_TYPE)) return content
  const blocks = children.flatMap((child) =>
    child.type === NOTE_PAGE_TYPE ? (child.children ?? []) : [child],
  )
  return { ...content, root: { ...content.root, children: blocks } }
}

/** The note's top-level blocks in order, through its pages. Call inside a read or update. */
export function $topBlocks(): LexicalNode[] {
  return $getRoot()
    .getChildren()
    .flatMap((child) => ($isNotePageNode(child) ? child.getChildren() : [child]))
}

/** The top-level block at `index` in the note's order (pages counted through). */
export function $topBlockAt(index: number): LexicalNode | null {
  let left = index
  for (const child of $getRoot().getChildren()) {
    const size = $isNotePageNode(child) ? child.getChildrenSize() : 1
    if (left < size) return $isNotePageNode(child) ? child.getChildAtIndex(left) : child
    left -= size
  }
  return null
}

/** The place of a top-level block in the note's order (pages counted through). */
export function $topIndexOf(block: LexicalNode): number {
  const parent = block.getParent()
  if (!$isNotePageNode(parent)) return block.getIndexWithinParent()
  let index = block.getIndexWithinParent()
  for (let page = parent.getPreviousSibling(); page; page = page.getPreviousSibling())
    index += $isNotePageNode(page) ? page.getChildrenSize() : 1
  return index
}

/** Transform of a page: gone when empty (the note keeps a paragraph), halved when full. */
export function $pageTransform(page: NotePageNode): void {
  const size = page.getChildrenSize()
  if (size === 0) {
    const root = page.getParent()
    page.remove()
    if (root && root.getChildrenSize() === 0) root.append($createParagraphNode())
  } else if (size > 2 * PAGE_BLOCKS) {
    const rest = $createNotePageNode()
    rest.append(...page.getChildren().slice(PAGE_BLOCKS))
    page.insertAfter(rest)
  }
}

/** Transform of the root: once the note is long, each run of blocks outside pages goes into pages. */
export function $rootTransform(root: RootNode): void {
  if (root.getChildrenSize() <= PAGED_ABOVE) return
  let run: LexicalNode[] = []
  const wrap = () => {
    for (let i = 0; i < run.length; i += PAGE_BLOCKS) {
      const page = $createNotePageNode()
      run[i]!.insertBefore(page)
      page.append(...run.slice(i, i + PAGE_BLOCKS))
    }
    run = []
  }
  for (const child of root.getChildren()) {
    if ($isNotePageNode(child)) wrap()
    else run.push(child)
  }
  wrap()
}

/** The first or last top-level block of the note (pages counted through). */
export function $edgeBlock(edge: 'start' | 'end'): LexicalNode | null {
  const root = $getRoot()
  const child = edge === 'end' ? root.getLastChild() : root.getFirstChild()
  if (!$isNotePageNode(child)) return child
  return edge === 'end' ? child.getLastChild() : child.getFirstChild()
}

/** The top-level block next to `block` in the note's order, across a page's edge. */
export function $besideBlock(block: LexicalNode, side: 'next' | 'previous'): LexicalNode | null {
  const near = side === 'next' ? block.getNextSibling() : block.getPreviousSibling()
  if (near)
    return $isNotePageNode(near) ? (side === 'next' ? near.getFirstChild() : near.getLastChild()) : near
  const page = block.getParent()
  if (!$isNotePageNode(page)) return null
  const over = side === 'next' ? page.getNextSibling() : page.getPreviousSibling()
  if (!$isNotePageNode(over)) return over
  return side === 'next' ? over.getFirstChild() : over.getLastChild()
}
