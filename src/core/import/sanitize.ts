import type { DOMPurify } from 'dompurify'
import { lazyRequire } from '../lazy'

// the CommonJS build, whose export is the factory itself
const dompurify = lazyRequire<typeof import('dompurify').default>('dompurify')
const jsdom = lazyRequire<typeof import('jsdom')>('jsdom')

export function preloadSanitizer(): void {
  dompurify()
}

// Active content and forms never reach the reader. DOMPurify already drops on* handler
// attributes and javascript: URLs by default; the tests check that it does.
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
]

let purifier: DOMPurify | undefined

function getPurifier(): DOMPurify {
  purifier ??= dompurify()(new (jsdom().JSDOM)('').window)
  return purifier
}

/** Article HTML that is safe to render: no scripts, frames, plugins, forms or handlers. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, { FORBID_TAGS })
}

/**
 * The same sanitizing for a node that is already parsed: DOMPurify copies it into a fresh
 * document and returns that document's body, so a large page is not serialized and re-parsed
 * between Readability, DOMPurify and the sectioner. `body.innerHTML` is what sanitizeHtml returns.
 */
export function sanitizeNode(node: Node): HTMLElement {
  return getPurifier().sanitize(node, { FORBID_TAGS, RETURN_DOM: true }) as HTMLElement
}
