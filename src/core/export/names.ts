/** Names that leave Gloss: Obsidian tags, file names in a folder export, safe link URLs. */

/**
 * A Gloss tag as an Obsidian tag (without the "#").
 *
 * Obsidian tags may hold letters, digits, "_", "-" and "/" (nesting) and no spaces, and must
 * not be all digits. So: the "/" levels are kept ("people/Kim Jong Un" → "people/Kim-Jong-Un"),
 * runs of whitespace become "-", any other character Obsidian does not accept becomes "_"
 * ("C++" → "C__", "U.S." → "U_S_"), and a tag made only of digits (and "/") gets a leading "_".
 */
export function obsidianTag(name: string): string {
  const levels = name.split('/').map((level) =>
    level
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}\p{M}_-]/gu, '_'),
  )
  const tag = levels.map((l) => l || '_').join('/')
  return /^[\d/]+$/.test(tag) ? `_${tag}` : tag
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A readable, portable file name (no extension) from a title. */
export function fileStem(title: string, fallback: string): string {
  let stem = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (stem.length > 80) {
    const cut = stem.slice(0, 80)
    const space = cut.lastIndexOf(' ')
    stem = (space > 40 ? cut.slice(0, space) : cut).trim()
  }
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '')
  if (!stem) stem = fallback
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`
  return stem
}

/** Hands out file names in one folder, unique case-insensitively: "Title", "Title (2)", … */
export function uniqueNamer(): (title: string, fallback: string, extension: string) => string {
  const used = new Set<string>()
  return (title, fallback, extension) => {
    const stem = fileStem(title, fallback)
    let name = `${stem}${extension}`
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`
    used.add(name.toLowerCase())
    return name
  }
}

/** A relative link to a file of the export: each path segment percent-encoded. */
export function relativeHref(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/')
}

/** Links kept in exports: web and mail only. Anything else (javascript:, data:, file:) is shown as text. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim()
  try {
    const parsed = new URL(trimmed)
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}
