/** Session and web-contents hardening: permissions, CSP, navigation, new windows, webviews. */
import { shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, withContentSecurityPolicy } from './csp'
import { isTrustedRendererUrl, safeExternalUrl } from './urls'

/** Deny every permission; put our CSP on every response of our renderer. */
export function hardenSession(ses: Session, devOrigin: string | null): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)

  // protocol.ts also sets the header on app:// responses itself, because header
  // events have not always fired for custom protocols; setting it twice is harmless.
  ses.webRequest.onHeadersReceived((details, callback) => {
    let policy: string | null = null
    if (isTrustedRendererUrl(details.url)) policy = CONTENT_SECURITY_POLICY
    else if (devOrigin && isTrustedRendererUrl(details.url, devOrigin))
      policy = devContentSecurityPolicy(devOrigin)
    if (policy === null) callback({})
    else callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
}

/** Open an http(s) or mailto link in the user's browser (or mail app) after checking it; anything else is dropped. */
export function openExternalLink(url: string): void {
  const safe = safeExternalUrl(url)
  if (safe === null) return
  shell.openExternal(safe).catch((error: unknown) => console.error('Gloss: could not open link:', error))
}

/**
 * What a subframe may load: the inert documents our own frames hold (the export preview and
 * the browser-print frame are srcdoc iframes). Anything else would put a web page, or a
 * javascript:/data: document, inside the app.
 */
export function isInertFrameUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank'
}

/**
 * Applied to every web contents the app creates: the page never navigates away (file
 * drops included), no frame in it navigates anywhere but to an inert document (a link clicked
 * in an export preview included), it never opens windows (http(s) and mailto links, the
 * reader's target=_blank links among them, go to the browser instead), never attaches a <webview>.
 */
export function guardWebContents(contents: WebContents, devOrigin: string | null): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  // will-navigate covers only the main frame; this one fires for every frame
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || !isInertFrameUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedRendererUrl(event.url, devOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url)
    return { action: 'deny' }
  })
}
