/**
 * The note content schema and its versioning policy.
 *
 * A note's `content` is a Lexical editor state as JSON: `{ root: { type: 'root', children: [...] } }`,
 * made only of the node types in NOTE_NODES (./nodes/index.ts) plus Lexical's own root,
 * paragraph, text, linebreak and tab.
 *
 * POLICY — every Gloss must open every note any earlier Gloss wrote:
 *  1. A node's `type` string is permanent. A node type is never removed from NOTE_NODES; to
 *     retire one, keep it importable (or add an upgrade step here that rewrites it into
 *     current nodes).
 *  2. Gloss's own nodes (gloss-section-link, gloss-excerpt-card) write an integer `version`.
 *     Adding an optional field whose absence means the old behaviour needs no new version.
 *     Anything else (renaming, removing or re-meaning a field) bumps that node's version and
 *     adds an upgrade step from the previous version to NODE_UPGRADES below. Steps chain, so a
 *     v1 node passes through v1→v2→v3.
 *  3. NOTE_SCHEMA_VERSION is bumped whenever any node version is, or a node type is added;
 *     it names the set as a whole (docs/note-schema.md keeps the history).
 *  4. Lexical's own nodes: Lexical no longer reads its `version` field, and we pin Lexical
 *     exactly. Before moving to a newer Lexical, the frozen fixtures in
 *     src/core/notes/fixtures/ must still derive to the same text and links
 *     (src/core/notes/derive.test.ts checks this); if they do not, add an upgrade step here.
 *  5. A note carrying a Gloss node version newer than this build knows is refused with
 *     `future_schema`, never silently rewritten.
 *
 * `upgradeNoteContent` is the single entry: the core runs it before indexing and saving, the
 * editor before loading. It only checks the shape and upgrades; unknown node types are
 * refused here too, so a note that passes can be parsed by an editor built from NOTE_NODES.
 */
import type { SerializedEditorState } from 'lexical'
import { LineBreakNode, ParagraphNode, RootNode, TabNode, TextNode } from 'lexical'
import { GlossError } from '../errors'
import { NOTE_NODES } from './nodes'
import { EXCERPT_CARD_TYPE, EXCERPT_CARD_VERSION } from './nodes/ExcerptCardNode'
import { SECTION_LINK_TYPE, SECTION_LINK_VERSION } from './nodes/SectionLinkNode'

export const NOTE_SCHEMA_VERSION = 1

/** The newest version of each Gloss node this build reads and writes. */
export const NODE_VERSIONS: Readonly<Record<string, number>> = Object.freeze({
  [SECTION_LINK_TYPE]: SECTION_LINK_VERSION,
  [EXCERPT_CARD_TYPE]: EXCERPT_CARD_VERSION,
})

type JsonNode = Record<string, unknown> & { type: string }

/**
 * Upgrade steps: NODE_UPGRADES[type][n] turns a version-n node into version n+1 (returning
 * the new node). Empty while every node is at version 1.
 */
const NODE_UPGRADES: Readonly<Record<string, Readonly<Record<number, (node: JsonNode) => JsonNode>>>> = {}

/** Deeper than any real note (nested lists); stops hostile input from exhausting the stack. */
const MAX_DEPTH = 200

let knownTypes: ReadonlySet<string> | undefined
/** Every node type a note may contain. */
export function noteNodeTypes(): ReadonlySet<string> {
  knownTypes ??= new Set(
    [RootNode, ParagraphNode, TextNode, LineBreakNode, TabNode, ...NOTE_NODES].map((klass) =>
      klass.getType(),
    ),
  )
  return knownTypes
}

function refuse(reason: string): never {
  throw new GlossError('invalid_input', `note content is not a Gloss note: ${reason}`, 'content')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/** Checks one node's own fields (not its children) and brings it to the current version. */
function upgradeNode(value: unknown, path: string): JsonNode {
  if (!isObject(value)) refuse(`${path} is not an object`)
  const type = value.type
  if (typeof type !== 'string' || type === '') refuse(`${path} has no "type"`)
  if (!noteNodeTypes().has(type)) refuse(`${path} has unknown node type "${type}"`)
  if (type === 'root' && path !== 'root') refuse(`${path} is a second root`)
  let node = value as JsonNode

  const current = NODE_VERSIONS[type]
  if (current !== undefined) {
    const raw = node.version
    if (raw !== undefined && (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1)) {
      refuse(`${path} (${type}) has an invalid version ${JSON.stringify(raw)}`)
    }
    let version = (raw as number | undefined) ?? 1
    if (version > current) {
      throw new GlossError(
        'future_schema',
        `This note was written by a newer Gloss (${type} version ${version}; this Gloss reads up to ${current}). Update Gloss to open it.`,
        'content',
      )
    }
    while (version < current) {
      const step = NODE_UPGRADES[type]?.[version]
      if (!step) refuse(`${path} (${type}) version ${version} has no upgrade path`)
      node = step(node)
      version += 1
    }
    node = { ...node, version: current }
    if (type === SECTION_LINK_TYPE) {
      if (!nonEmptyString(node.articleId)) refuse(`${path} is a section link without an article id`)
      if (!nonEmptyString(node.sectionId)) refuse(`${path} is a section link without a section id`)
    } else if (type === EXCERPT_CARD_TYPE) {
      if (!nonEmptyString(node.excerptId)) refuse(`${path} is an excerpt card without an excerpt id`)
      if (!nonEmptyString(node.articleId)) refuse(`${path} is an excerpt card without an article id`)
      if (!isObject(node.snapshot) || typeof node.snapshot.quote !== 'string') {
        refuse(`${path} is an excerpt card without a quote snapshot`)
      }
    }
  }
  return node
}

function upgradeTree(value: unknown, path: string, depth: number): JsonNode {
  if (depth > MAX_DEPTH) refuse(`nesting deeper than ${MAX_DEPTH} levels at ${path}`)
  const node = upgradeNode(value, path)
  let result = node
  if (node.children !== undefined) {
    if (!Array.isArray(node.children)) refuse(`${path}.children is not a list`)
    const children = node.children.map((child, i) => upgradeTree(child, `${path}.children[${i}]`, depth + 1))
    result = { ...result, children }
  }
  if (node.$slots !== undefined) {
    if (!isObject(node.$slots)) refuse(`${path}.$slots is not an object`)
    const slots: Record<string, JsonNode> = {}
    for (const [name, slot] of Object.entries(node.$slots)) {
      slots[name] = upgradeTree(slot, `${path}.$slots.${name}`, depth + 1)
    }
    result = { ...result, $slots: slots }
  }
  return result
}

/**
 * Validate note content and bring it to the current schema. Accepts the JSON value (or a
 * string holding it). Throws GlossError `invalid_input` (field "content") for anything that is
 * not a Gloss note, `future_schema` for a note from a newer Gloss. Does not modify its input.
 */
export function upgradeNoteContent(json: unknown): SerializedEditorState {
  let value = json
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      refuse('it is not valid JSON')
    }
  }
  if (!isObject(value)) refuse('expected an object with a "root"')
  const root = value.root
  if (!isObject(root)) refuse('it has no "root" object')
  if (root.type !== 'root') refuse(`root has type ${JSON.stringify(root.type)}, expected "root"`)
  if (!Array.isArray(root.children)) refuse('root has no "children" list')
  return { root: upgradeTree(root, 'root', 0) as unknown as SerializedEditorState['root'] }
}

/** A note with one empty paragraph, in the form Lexical writes. */
export function emptyNoteContent(): SerializedEditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        } as SerializedEditorState['root']['children'][number],
      ],
    },
  }
}
