/**
 * Reads an Obsidian vault the way Obsidian resolves it, for tests: every Markdown file parsed
 * (YAML front matter with `yaml`, the body with marked), every block id found (" ^id" ending a
 * paragraph, or "^id" alone after a block), every wiki-link and embed ([[Name#^id|alias]],
 * ![[Name#^id]], also inside front matter values) resolved to its file and block.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { marked } from 'marked'
import { parse as parseYaml } from 'yaml'

export interface VaultFile {
  /** "Articles/Title.md" */
  path: string
  frontMatter: Record<string, unknown>
  body: string
  /** block id → the block's Markdown (without its id) */
  blocks: Map<string, string>
  headings: string[]
}

export interface WikiLink {
  from: string
  raw: string
  embed: boolean
  /** the file part ('' for the same file) */
  target: string
  block: string | null
  heading: string | null
}

export interface Vault {
  files: VaultFile[]
  links: WikiLink[]
  /** each link that does not resolve, with the reason */
  dangling: string[]
  /** the file a link's target names */
  resolve(link: WikiLink): VaultFile | null
}

function walk(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...walk(dir, path))
    else if (entry.name.endsWith('.md')) out.push(path)
  }
  return out
}

/** Text of a Markdown fragment as a reader sees it, whitespace collapsed. */
export function markdownText(markdown: string): string {
  const html = marked.parse(markdown, { async: false })
  return new JSDOM(`<body>${html}</body>`).window.document.body.textContent!.replace(/\s+/g, ' ').trim()
}

function parseFile(dir: string, path: string): VaultFile {
  const text = readFileSync(join(dir, ...path.split('/')), 'utf8')
  const head = /^---\n([\s\S]*?)\n---\n/.exec(text)
  const frontMatter = head ? (parseYaml(head[1]!) as Record<string, unknown>) : {}
  if (head && (typeof frontMatter !== 'object' || frontMatter === null))
    throw new Error(`${path}: front matter is not a mapping`)
  const body = head ? text.slice(head[0].length) : text
  marked.lexer(body) // throws on what it cannot read

  // blocks: paragraphs separated by blank lines (fenced code kept whole)
  const chunks: string[] = []
  let current: string[] = []
  let fence = false
  for (const line of body.split('\n')) {
    if (/^(```|~~~)/.test(line)) fence = !fence
    if (!fence && line.trim() === '') {
      if (current.length) chunks.push(current.join('\n'))
      current = []
    } else current.push(line)
  }
  if (current.length) chunks.push(current.join('\n'))
  const blocks = new Map<string, string>()
  const headings: string[] = []
  chunks.forEach((chunk, i) => {
    const heading = /^#{1,6} (.*)$/.exec(chunk)
    if (heading) headings.push(heading[1]!)
    const alone = /^\^([A-Za-z0-9-]+)$/.exec(chunk)
    if (alone) {
      if (i === 0) throw new Error(`${path}: block id ^${alone[1]} has no block before it`)
      blocks.set(alone[1]!, chunks[i - 1]!)
      return
    }
    const inline = /^([\s\S]*\S) \^([A-Za-z0-9-]+)$/.exec(chunk)
    if (inline) blocks.set(inline[2]!, inline[1]!)
  })
  return { path, frontMatter, body, blocks, headings }
}

const LINK = /(\\)?(!)?\[\[([^\]\n]+?)\]\]/g

function linksIn(from: string, text: string): WikiLink[] {
  const links: WikiLink[] = []
  for (const m of text.matchAll(LINK)) {
    if (m[1]) continue // escaped: shown as text
    const [ref] = m[3]!.split('|')
    const hash = ref!.indexOf('#')
    const target = hash < 0 ? ref! : ref!.slice(0, hash)
    const fragment = hash < 0 ? null : ref!.slice(hash + 1)
    links.push({
      from,
      raw: m[0].slice(m[1] ? 1 : 0),
      embed: m[2] === '!',
      target: target.trim(),
      block: fragment?.startsWith('^') ? fragment.slice(1) : null,
      heading: fragment && !fragment.startsWith('^') ? fragment : null,
    })
  }
  return links
}

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : []

export function readVault(dir: string): Vault {
  const files = walk(dir).map((path) => parseFile(dir, path))
  const byName = new Map<string, VaultFile[]>()
  for (const f of files) {
    for (const key of [f.path.replace(/\.md$/, ''), f.path.replace(/^.*\//, '').replace(/\.md$/, '')]) {
      const k = key.toLowerCase()
      const list = byName.get(k) ?? []
      if (!list.includes(f)) byName.set(k, [...list, f])
    }
  }
  const links = files.flatMap((f) => [
    ...linksIn(f.path, f.body),
    ...Object.values(f.frontMatter)
      .flatMap(strings)
      .flatMap((s) => linksIn(f.path, s)),
  ])
  const resolve = (link: WikiLink): VaultFile | null => {
    if (link.target === '') return files.find((f) => f.path === link.from) ?? null
    const found = byName.get(link.target.toLowerCase()) ?? []
    return found.length === 1 ? found[0]! : null
  }
  const dangling: string[] = []
  for (const link of links) {
    const file = resolve(link)
    const found = byName.get(link.target.toLowerCase())?.length ?? 0
    if (!file) dangling.push(`${link.from}: ${link.raw}: ${found ? 'ambiguous' : 'no such file'}`)
    else if (link.block && !file.blocks.has(link.block))
      dangling.push(`${link.from}: ${link.raw}: no block ^${link.block} in ${file.path}`)
    else if (link.heading && !file.headings.includes(link.heading))
      dangling.push(`${link.from}: ${link.raw}: no heading "${link.heading}" in ${file.path}`)
  }
  return { files, links, dangling, resolve }
}
