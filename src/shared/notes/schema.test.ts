import { describe, expect, it } from 'vitest'
import {
  ALLOWED_STYLES,
  isSafeLinkUrl,
  sanitizeClipboardPayload,
  sanitizeStyle,
  upgradeNoteContent,
} from './schema'

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647;background:red'

const text = (t: string, style = '') => ({
  type: 'text',
  text: t,
  format: 0,
  detail: 0,
  mode: 'normal',
  style,
  version: 1,
})
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const paragraph = (children: unknown[], textStyle = '') =>
  element('paragraph', children, { textFormat: 0, textStyle })
const link = (url: string, children: unknown[], extra: Record<string, unknown> = {}) =>
  element('link', children, { url, title: null, rel: null, target: null, ...extra })
const note = (...children: unknown[]) => ({ root: element('root', children) })

/** Every value of `key` anywhere in the tree. */
function valuesOf(tree: unknown, key: string): unknown[] {
  const found: unknown[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === key) found.push(v)
        walk(v)
      }
    }
  }
  walk(tree)
  return found
}

describe('sanitizeStyle', () => {
  it('keeps nothing with the allow-list the editor needs (it writes no styles)', () => {
    expect(ALLOWED_STYLES.size).toBe(0)
    for (const style of [OVERLAY, 'color: red', 'font-weight:bold', 'background: url(javascript:x)', ''])
      expect(sanitizeStyle(style)).toBe('')
    expect(sanitizeStyle(undefined)).toBe('')
    expect(sanitizeStyle(42)).toBe('')
  })

  it('with an allow-list, keeps exactly the listed properties with a whole allowed value', () => {
    const allowed = new Map([
      ['color', /^#[0-9a-f]{6}$/i],
      ['font-weight', /^(bold|normal)$/],
    ])
    expect(sanitizeStyle(`color: #AA00ff; ${OVERLAY}; FONT-WEIGHT:bold`, allowed)).toBe(
      'color: #AA00ff; font-weight: bold',
    )
    // a value with more in it, a ";" inside a value, a property name from Object.prototype
    expect(sanitizeStyle('color: #aa00ff !important', allowed)).toBe('')
    expect(sanitizeStyle('font-weight: bold;x; color: url("a;b")', allowed)).toBe('font-weight: bold')
    expect(sanitizeStyle('constructor: x; __proto__: y; toString: z', allowed)).toBe('')
    expect(sanitizeStyle('color', allowed)).toBe('')
  })
})

describe('isSafeLinkUrl', () => {
  it.each([
    ['https://example.org/a?b#c', true],
    ['http://example.org', true],
    ['mailto:someone@example.org', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['app://gloss/index.html', false],
    ['blob:https://example.org/x', false],
    ['mailto:', false],
    ['https://', false],
    ['example.org', false],
    ['/relative', false],
    ['', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeLinkUrl(url)).toBe(safe)
  })

  it('is false for anything but a string', () => {
    expect(isSafeLinkUrl(undefined)).toBe(false)
    expect(isSafeLinkUrl({ href: 'https://example.org' })).toBe(false)
  })
})

describe('upgradeNoteContent cleans what a note may not carry', () => {
  it('drops every style and textStyle: a pasted overlay keeps its text but not its CSS', () => {
    const input = note(
      paragraph([text('covers the window', OVERLAY), text(' and plain')], OVERLAY),
      element('heading', [text('heading', 'color:red')], { tag: 'h2', textStyle: 'font-size:99px' }),
      element('list', [element('listitem', [text('item', OVERLAY)], { value: 1 })], {
        listType: 'bullet',
        start: 1,
        tag: 'ul',
      }),
      paragraph([
        {
          ...text('¶1 · chip', OVERLAY),
          type: 'gloss-section-link',
          mode: 'token',
          articleId: 'a',
          sectionId: 's',
          ordinal: 1,
        },
      ]),
    )
    const before = JSON.stringify(input)
    const out = upgradeNoteContent(input)
    expect(valuesOf(out, 'style')).toEqual(['', '', '', '', ''])
    expect(valuesOf(out, 'textStyle')).toEqual(['', '', ''])
    expect(valuesOf(out, 'text')).toEqual(['covers the window', ' and plain', 'heading', 'item', '¶1 · chip'])
    expect(JSON.stringify(input)).toBe(before) // the input is left alone
  })

  it('keeps http(s) and mailto links; unwraps any other link, keeping its text', () => {
    const out = upgradeNoteContent(
      note(
        paragraph([
          text('a '),
          link('https://example.org/', [text('web')]),
          link('mailto:a@example.org', [text('mail')]),
          link('javascript:alert(1)', [text('script'), text(' link', 'color:red')]),
          element('autolink', [text('data')], { url: 'data:text/html,x', isUnlinked: false }),
          link('https://example.org/outer', [link('vbscript:x', [text('nested')])]),
        ]),
        // a link where blocks belong: its text comes back in a paragraph
        link('javascript:alert(2)', [text('at the root')]),
      ),
    ) as unknown as { root: { children: Array<{ type: string; children: unknown[] }> } }
    const [first, second] = out.root.children
    expect(valuesOf(out, 'url')).toEqual([
      'https://example.org/',
      'mailto:a@example.org',
      'https://example.org/outer',
    ])
    expect(valuesOf(first, 'text')).toEqual(['a ', 'web', 'mail', 'script', ' link', 'data', 'nested'])
    expect(second!.type).toBe('paragraph')
    expect(valuesOf(second, 'text')).toEqual(['at the root'])
  })

  it("a link's target is _blank or nothing, and rel keeps only harmless tokens", () => {
    const out = upgradeNoteContent(
      note(
        paragraph([
          link('https://example.org/1', [text('1')], { target: '_top', rel: 'opener noopener' }),
          link('https://example.org/2', [text('2')], { target: '_blank', rel: 'noreferrer NOFOLLOW' }),
          link('https://example.org/3', [text('3')], { target: 'someFrame', rel: { evil: true } }),
        ]),
      ),
    )
    expect(valuesOf(out, 'target')).toEqual([null, '_blank', null])
    expect(valuesOf(out, 'rel')).toEqual(['noopener', 'noreferrer NOFOLLOW', null])
  })
})

describe('sanitizeClipboardPayload (the Lexical clipboard paste)', () => {
  it('returns the payload untouched when there is nothing to drop', () => {
    const raw = JSON.stringify({
      namespace: 'gloss-notes',
      nodes: [paragraph([text('plain'), link('https://example.org/', [text('link')])])],
    })
    expect(sanitizeClipboardPayload(raw)).toBe(raw)
  })

  it('drops styles and unsafe links from the nodes, keeping the namespace and the text', () => {
    const raw = JSON.stringify({
      namespace: 'gloss-notes',
      nodes: [
        text('overlay', OVERLAY),
        paragraph([link('javascript:alert(1)', [text('click', 'color:red')])], OVERLAY),
        link('data:text/html,x', [text('top-level link')]),
      ],
    })
    const cleaned = JSON.parse(sanitizeClipboardPayload(raw)!)
    expect(cleaned.namespace).toBe('gloss-notes')
    expect(valuesOf(cleaned, 'style')).toEqual(['', '', ''])
    expect(valuesOf(cleaned, 'textStyle')).toEqual([''])
    expect(valuesOf(cleaned, 'url')).toEqual([])
    expect(valuesOf(cleaned, 'text')).toEqual(['overlay', 'click', 'top-level link'])
  })

  it('is null for what is not Lexical clipboard JSON', () => {
    expect(sanitizeClipboardPayload('not json')).toBeNull()
    expect(sanitizeClipboardPayload('[]')).toBeNull()
    expect(sanitizeClipboardPayload('{"nodes":{}}')).toBeNull()
  })
})
