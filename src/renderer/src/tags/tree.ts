import type { Tag } from '../../../shared/model'

export interface TagNode {
  /** full name, e.g. 'people/Kim Jong Un' */
  path: string
  /** last level, e.g. 'Kim Jong Un' */
  label: string
  /** null for a level that exists only as a prefix of other tags */
  tag: Tag | null
  children: TagNode[]
}

/** Tags as a tree, split on '/', siblings sorted by name. */
export function buildTagTree(tags: Tag[]): TagNode[] {
  const roots: TagNode[] = []
  const byPath = new Map<string, TagNode>()
  const sorted = [...tags].sort((a, b) => a.name.localeCompare(b.name))
  for (const tag of sorted) {
    const parts = tag.name.split('/')
    let siblings = roots
    for (let i = 0; i < parts.length; i++) {
      const path = parts.slice(0, i + 1).join('/')
      let node = byPath.get(path)
      if (!node) {
        node = { path, label: parts[i]!, tag: null, children: [] }
        byPath.set(path, node)
        siblings.push(node)
      }
      if (i === parts.length - 1) node.tag = tag
      siblings = node.children
    }
  }
  return roots
}
