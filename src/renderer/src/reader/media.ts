import { useEffect, useState } from 'react'
import { useGloss } from '../state/glossContext'

/** What a stored picture shows: loading, its blob: URL, or failed. */
export type MediaState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'failed' }

/**
 * A picture stored with the article (getMedia) as a blob: URL, revoked once the picture leaves
 * the screen (the reader renders only the rows near the viewport, so few are alive at once).
 */
export function useMediaUrl(id: string): MediaState {
  const { api } = useGloss()
  const [state, setState] = useState<MediaState>({ status: 'loading' })
  useEffect(() => {
    let url: string | null = null
    let live = true
    setState({ status: 'loading' })
    api.getMedia({ id }).then(
      ({ mime, base64 }) => {
        if (!live) return
        const binary = atob(base64)
        const bytes = new Uint8Array(binary.length)
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
        url = URL.createObjectURL(new Blob([bytes], { type: mime }))
        setState({ status: 'ready', url })
      },
      () => live && setState({ status: 'failed' }),
    )
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [api, id])
  return state
}
