import { useTags } from '../state/hooks'
import { buildTagTree, type TagNode } from './tree'
import { TagRow } from './TagRow'
import './tags.css'

function TagBranch({ nodes }: { nodes: TagNode[] }) {
  return (
    <ul className="tag-tree">
      {nodes.map((node) => (
        <li key={node.path}>
          {node.tag ? (
            <TagRow node={node} tag={node.tag} />
          ) : (
            <div className="tag-row muted">{node.label}</div>
          )}
          {node.children.length > 0 && <TagBranch nodes={node.children} />}
        </li>
      ))}
    </ul>
  )
}

/** All tags as a tree with counts; every change can be undone. */
export function TagsView() {
  const tree = buildTagTree(useTags())
  return (
    <div className="tags-view" aria-label="Tags">
      {tree.length === 0 ? (
        <p className="muted tags-empty">
          No tags yet. Add one to an excerpt; use “/” to nest, e.g. people/Kim Jong Un.
        </p>
      ) : (
        <TagBranch nodes={tree} />
      )}
    </div>
  )
}
