import { cleanMetadataText, normalizeDate, type ArticleMetadata } from './metadata'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

function unquote(value: string): string {
  const v = value.trim()
  const quoted = /^"(.*)"$/.exec(v) ?? /^'(.*)'$/.exec(v)
  return quoted?.[1] ?? v
}

/**
 * Just enough YAML for article metadata: `key: value`, inline `[a, b]` lists and
 * `- item` lists under a key. Anything fancier is ignored, never fatal.
 */
function readYamlFields(yaml: string): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  let currentKey: string | undefined
  for (const line of yaml.split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line)
    if (item?.[1] !== undefined && currentKey !== undefined) {
      fields.get(currentKey)?.push(unquote(item[1]))
      continue
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (pair?.[1] === undefined) continue
    currentKey = pair[1].toLowerCase()
    const value = (pair[2] ?? '').trim()
    const list = /^\[(.*)\]$/.exec(value)
    const values = list?.[1] !== undefined ? list[1].split(',').map(unquote) : value ? [unquote(value)] : []
    fields.set(currentKey, values)
  }
  return fields
}

function firstField(fields: Map<string, string[]>, keys: string[]): string[] {
  for (const key of keys) {
    const values = fields.get(key)?.filter((v) => v !== '')
    if (values && values.length > 0) return values
  }
  return []
}

/** Split `---` YAML front matter off a markdown document and read title, author and date. */
export function splitFrontMatter(markdown: string): { body: string; metadata: ArticleMetadata } {
  const match = FRONT_MATTER.exec(markdown)
  if (match === null) return { body: markdown, metadata: { title: null, byline: null, publishedAt: null } }
  const fields = readYamlFields(match[1] ?? '')
  return {
    body: markdown.slice(match[0].length),
    metadata: {
      title: cleanMetadataText(firstField(fields, ['title'])[0]),
      byline: cleanMetadataText(firstField(fields, ['author', 'authors', 'byline']).join(', ')),
      publishedAt: normalizeDate(firstField(fields, ['date', 'published', 'publishedat', 'published_at'])[0]),
    },
  }
}
