/** Which link targets a note may hold: web pages and e-mail addresses, nothing executable. */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** True for an absolute http(s) or mailto URL. */
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    if (!SAFE_PROTOCOLS.has(parsed.protocol)) return false
    return parsed.protocol === 'mailto:' ? parsed.pathname.includes('@') : parsed.hostname !== ''
  } catch {
    return false
  }
}

/**
 * What the user typed as a URL, made absolute ("example.org/x" → "https://example.org/x",
 * "a@b.org" → "mailto:a@b.org"), or null when it is not a safe link.
 */
export function normalizeUrl(input: string): string | null {
  const text = input.trim()
  if (!text || /\s/.test(text)) return null
  let url = text
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(text)) url = `mailto:${text}`
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) url = `https://${text}`
  return isSafeUrl(url) ? url : null
}
