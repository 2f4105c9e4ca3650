const KEY = 'gloss-token'

/**
 * The web shell hands out its access token in the URL (?token=...). Keep it for this
 * tab in sessionStorage and take it out of the address bar so it is not bookmarked or shared.
 */
export function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      sessionStorage.setItem(KEY, fromUrl)
    } catch {
      // storage may be disabled; the token still works for this page
    }
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  try {
    return sessionStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}
