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
 * `upgradeNoteContent` is the single entry: the core runs it before indexing and saving (every
 * save and every notebook import), the editor before loading. It checks the shape and upgrades;
 * unknown node types are refused here too, so a note that passes can be parsed by an editor
 * built from NOTE_NODES. It also drops what a note may not carry (see "Cleaning" below): inline
 * styles beyond ALLOWED_STYLES, and links to anything but http(s) and mailto.
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

/* ---------- Cleaning: styles and links ---------- */

/**
 * Inline CSS a note may keep: property → the values allowed. Lexical stores a text node's
 * `style` (and an element's `textStyle`) as CSS and puts it on the node's DOM element, so a
 * pasted or imported note could otherwise restyle the whole window (a `position:fixed;
 * inset:0; z-index:…` overlay). The editor itself writes no styles — no toolbar action sets
 * one; bold, code, highlight… are bits of `format` — so the list is empty and every style is
 * dropped. Should the editor gain a style control, list exactly what it writes here.
 */
export const ALLOWED_STYLES: ReadonlyMap<string, RegExp> = new Map()

/**
 * `style` cut down to the declarations `allowed` lists (property and whole value), as
 * "property: value; …"; '' when none is left. A ";" inside a value only splits it into
 * pieces that no (anchored) allowed value matches, so they are dropped too.
 */
export function sanitizeStyle(style: unknown, allowed: ReadonlyMap<string, RegExp> = ALLOWED_STYLES): string {
  if (typeof style !== 'string' || style === '' || allowed.size === 0) return ''
  const kept: string[] = []
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration.slice(colon + 1).trim()
    if (allowed.get(property)?.test(value)) kept.push(`${property}: ${value}`)
  }
  return kept.join('; ')
}

/** Lexical's link nodes; in-app links are section links (gloss-section-link), a node of their own. */
const LINK_TYPES: ReadonlySet<string> = new Set(['link', 'autolink'])

/** A link target a note may hold: an http(s) URL with a host, or a mailto: with an address. */
export function isSafeLinkUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.hostname !== ''
    return parsed.protocol === 'mailto:' && parsed.pathname.includes('@')
  } catch {
    return false
  }
}

const REL_TOKENS: ReadonlySet<string> = new Set(['noopener', 'noreferrer', 'nofollow'])

/** The node's own fields cleaned: styles to the allow-list; a link's target and rel to harmless values. */
function cleanFields(node: JsonNode): JsonNode {
  let out = node
  if ('style' in node) out = { ...out, style: sanitizeStyle(node.style) }
  if ('textStyle' in node) out = { ...out, textStyle: sanitizeStyle(node.textStyle) }
  if (LINK_TYPES.has(node.type)) {
    // a new window at most (the shells send it to the browser), never a named frame or _top
    if ('target' in node) out = { ...out, target: node.target === '_blank' ? '_blank' : null }
    if ('rel' in node) {
      const rel =
        typeof node.rel === 'string'
          ? node.rel
              .split(/\s+/)
              .filter((token) => REL_TOKENS.has(token.toLowerCase()))
              .join(' ')
          : ''
      out = { ...out, rel: rel || null }
    }
  }
  return out
}

/** A link whose target a note may not hold: it is unwrapped, keeping its text. */
const isUnsafeLink = (node: JsonNode) => LINK_TYPES.has(node.type) && !isSafeLinkUrl(node.url)

/** Inline nodes left at block level by unwrapping a link there, held in a paragraph as Lexical needs. */
function paragraphOf(children: JsonNode[]): JsonNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children,
  }
}

function isObjectNode(value: unknown): value is JsonNode {
  return isObject(value) && typeof value.type === 'string'
}

/** Clipboard nodes cleaned like a note's (no upgrade: the paste path checks the types itself). */
function cleanNodes(nodes: unknown[], depth: number): unknown[] {
  if (depth > MAX_DEPTH) return []
  return nodes.flatMap((value) => {
    if (!isObjectNode(value)) return [value]
    let node = cleanFields(value)
    if (Array.isArray(node.children)) node = { ...node, children: cleanNodes(node.children, depth + 1) }
    if (isUnsafeLink(node)) return Array.isArray(node.children) ? node.children : []
    return [node]
  })
}

/**
 * Lexical clipboard JSON (the "application/x-lexical-editor" data: `{ namespace, nodes }`)
 * cleaned as a note is on load and save. Returns `raw` itself when there was nothing to drop,
 * the cleaned payload as JSON otherwise, and null when `raw` is not such a payload.
 */
export function sanitizeClipboardPayload(raw: string): string | null {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return null
  }
  if (!isObject(data) || !Array.isArray(data.nodes)) return null
  const nodes = cleanNodes(data.nodes, 0)
  return JSON.stringify(nodes) === JSON.stringify(data.nodes) ? raw : JSON.stringify({ ...data, nodes })
}

/* ---------- Checking and upgrading ---------- */

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

/**
 * The node checked, upgraded and cleaned, with its subtree: one node, or, for a link to an
 * unsafe target, its children in its place (in a paragraph where blocks are expected).
 */
function upgradeTree(value: unknown, path: string, depth: number, blockLevel: boolean): JsonNode[] {
  if (depth > MAX_DEPTH) refuse(`nesting deeper than ${MAX_DEPTH} levels at ${path}`)
  const node = cleanFields(upgradeNode(value, path))
  let result = node
  if (node.children !== undefined) {
    if (!Array.isArray(node.children)) refuse(`${path}.children is not a list`)
    const children = node.children.flatMap((child, i) =>
      upgradeTree(child, `${path}.children[${i}]`, depth + 1, node.type === 'root'),
    )
    result = { ...result, children }
  }
  if (node.$slots !== undefined) {
    if (!isObject(node.$slots)) refuse(`${path}.$slots is not an object`)
    const slots: Record<string, JsonNode> = {}
    for (const [name, slot] of Object.entries(node.$slots)) {
      // at block level, an unwrapped link comes back as one paragraph: still one node
      slots[name] = upgradeTree(slot, `${path}.$slots.${name}`, depth + 1, true)[0]!
    }
    result = { ...result, $slots: slots }
  }
  if (isUnsafeLink(result)) {
    const kids = (result.children as JsonNode[] | undefined) ?? []
    return blockLevel ? [paragraphOf(kids)] : kids
  }
  return [result]
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
  const [upgraded] = upgradeTree(root, 'root', 0, false)
  return { root: upgraded as unknown as SerializedEditorState['root'] }
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
