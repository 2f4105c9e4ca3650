/**
 * The navigation, window and webview guards of security.ts, on a stand-in WebContents: a real
 * EventEmitter that emits the events Electron emits, with cancellable event objects. Electron's
 * binary is not available to unit tests, so the `electron` module is replaced by the one API
 * security.ts calls outside those objects (shell.openExternal), recorded.
 */
import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const opened = vi.hoisted(() => [] as string[])
vi.mock('electron', () => ({
  shell: {
    openExternal: async (url: string) => {
      opened.push(url)
    },
  },
}))

const { guardWebContents, hardenSession, isInertFrameUrl } = await import('./security')

class Navigation {
  defaultPrevented = false
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {}
  preventDefault() {
    this.defaultPrevented = true
  }
}

class StandInContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

let contents: StandInContents
beforeEach(() => {
  opened.length = 0
  contents = new StandInContents()
  guardWebContents(contents as unknown as WebContents, null)
})

const emit = (name: string, url: string, isMainFrame = true) => {
  const event = new Navigation(url, isMainFrame)
  contents.emit(name, event)
  return event.defaultPrevented
}

describe('guardWebContents', () => {
  it('refuses every main-frame navigation (will-navigate)', () => {
    for (const url of ['https://evil.example/', 'app://gloss/index.html', 'file:///etc/passwd'])
      expect(emit('will-navigate', url), url).toBe(true)
  })

  it('refuses frame navigations (will-frame-navigate) but to the inert srcdoc / blank documents', () => {
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'app://gloss/index.html',
      'about:srcdoc#x',
      'about:blankx',
    ])
      expect(emit('will-frame-navigate', url, false), url).toBe(true)
    expect(emit('will-frame-navigate', 'about:srcdoc', false)).toBe(false)
    expect(emit('will-frame-navigate', 'about:blank', false)).toBe(false)
    // the main frame goes nowhere, not even to a blank page
    expect(emit('will-frame-navigate', 'about:blank', true)).toBe(true)
    expect(emit('will-frame-navigate', 'https://evil.example/', true)).toBe(true)
  })

  it('lets a redirect stay only on our own renderer', () => {
    expect(emit('will-redirect', 'https://evil.example/')).toBe(true)
    expect(emit('will-redirect', 'app://gloss/index.html')).toBe(false)
  })

  it('never attaches a webview', () => {
    expect(emit('will-attach-webview', 'https://evil.example/')).toBe(true)
  })

  it('opens no window: http(s) and mailto links go to the browser, anything else nowhere', async () => {
    for (const url of [
      'https://example.org/a',
      'mailto:editor@example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://u:p@example.org/',
    ])
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(opened).toEqual(['https://example.org/a', 'mailto:editor@example.org'])
  })
})

describe('isInertFrameUrl', () => {
  it('is exactly about:srcdoc and about:blank', () => {
    expect(isInertFrameUrl('about:srcdoc')).toBe(true)
    expect(isInertFrameUrl('about:blank')).toBe(true)
    for (const url of ['about:blank?x', 'ABOUT:BLANK', 'about:', 'https://example.org/', ''])
      expect(isInertFrameUrl(url), url).toBe(false)
  })
})

describe('hardenSession', () => {
  it('denies every permission, request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const ses = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onHeadersReceived: (h: never) => (handlers.headers = h) },
    }
    hardenSession(ses as unknown as Session, null)
    const answers: boolean[] = []
    ;(handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) =>
      answers.push(ok),
    )
    expect(answers).toEqual([false])
    expect((handlers.check as () => boolean)()).toBe(false)
    expect((handlers.device as () => boolean)()).toBe(false)

    // our CSP on our renderer's responses; other responses left as they are
    const headersFor = (url: string) => {
      let result: unknown
      ;(handlers.headers as (d: unknown, cb: (r: unknown) => void) => void)(
        { url, responseHeaders: { 'content-type': ['text/html'] } },
        (r) => (result = r),
      )
      return result as { responseHeaders?: Record<string, string[]> }
    }
    expect(headersFor('app://gloss/index.html').responseHeaders?.['Content-Security-Policy']?.[0]).toMatch(
      /script-src 'self'/,
    )
    expect(headersFor('https://example.org/')).toEqual({})
  })
})
