/**
 * A note's tree made into another as the smallest edit of it: equal blocks kept, a changed
 * paragraph's text edited in place. Sync writes a save into a note body's Yjs document this
 * way (so the binding sends character edits), and an open editor takes a body that arrived
 * this way (so untouched paragraphs, and the caret in them, stay). Call inside an update.
 */
import {
  $isElementNode,
  $isTextNode,
  $parseSerializedNode,
  type ElementNode,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical'

export type NoteJson = SerializedLexicalNode & { children?: NoteJson[]; text?: string }

function exportDeep(node: LexicalNode): NoteJson {
  const json = node.exportJSON() as NoteJson
  if ($isElementNode(node)) json.children = node.getChildren().map(exportDeep)
  return json
}

const withoutChildren = ({ children: _c, ...rest }: NoteJson) => JSON.stringify(rest)
const withoutText = ({ text: _t, ...rest }: NoteJson) => JSON.stringify(rest)

/** Edit `node` in place into `want`; false when it must be replaced instead. */
function $patch(node: LexicalNode, want: NoteJson): boolean {
  if (node.getType() !== want.type) return false
  const have = exportDeep(node)
  if ($isTextNode(node) && want.text !== undefined) {
    if (withoutText(have) !== withoutText(want)) return false
    if (node.getTextContent() !== want.text) node.setTextContent(want.text)
    return true
  }
  if ($isElementNode(node) && want.children) {
    if (withoutChildren(have) !== withoutChildren(want)) return false
    $reconcileChildren(node, want.children)
    return true
  }
  return false
}

/**
 * The children of `parent` become `target`: equal ends kept, the middle patched pairwise. Both
 * sides are compared as Lexical exports them (the target parsed first), so defaults agree.
 */
export function $reconcileChildren(parent: ElementNode, target: NoteJson[]): void {
  $reconcileNodes(parent.getChildren(), target, parent)
}

/**
 * A run of sibling-ordered nodes (which may sit in several parents, as a long note's blocks sit
 * in pages) becomes `target`, as $reconcileChildren does. New nodes go after the node before
 * them, or into `parent` when the run was empty.
 */
export function $reconcileNodes(current: LexicalNode[], target: NoteJson[], parent: ElementNode): void {
  const fresh = target.map((n) => $parseSerializedNode(n))
  const wanted = fresh.map(exportDeep)
  const have = current.map((n) => JSON.stringify(exportDeep(n)))
  const want = wanted.map((n) => JSON.stringify(n))
  let start = 0
  while (start < have.length && start < want.length && have[start] === want[start]) start++
  let endHave = have.length
  let endWant = want.length
  while (endHave > start && endWant > start && have[endHave - 1] === want[endWant - 1]) {
    endHave--
    endWant--
  }
  let before = start > 0 ? current[start - 1]! : null
  let i = start
  let j = start
  for (; i < endHave && j < endWant; i++, j++) {
    before = $patch(current[i]!, wanted[j]!) ? current[i]! : current[i]!.replace(fresh[j]!)
  }
  for (; i < endHave; i++) current[i]!.remove()
  const adding = fresh.slice(j, endWant)
  if (adding.length === 0) return
  if (before) {
    for (const node of adding) before = before.insertAfter(node)
  } else if (endHave < current.length) {
    for (const node of adding) current[endHave]!.insertBefore(node)
  } else parent.append(...adding)
}
