import { useEffect, useState } from 'react'
import type { NotebookInfo } from '../../../shared/model'
import { useGloss } from '../state/glossContext'

/** after the open, the notebook checks itself in the background (a few seconds on a big one) */
const SECOND_LOOK_MS = 15_000

/**
 * A banner when the notebook is read-only or damaged, with the words the core chose (what is
 * wrong, and for damage the newest good backup and how to restore it). Asked at start, once
 * more when the background check has had time to finish, and when the window comes back.
 */
export function NotebookNotice() {
  const { api } = useGloss()
  const [info, setInfo] = useState<NotebookInfo | null>(null)
  useEffect(() => {
    let alive = true
    const look = () =>
      api.notebookInfo({}).then(
        (next) => alive && setInfo(next),
        () => {},
      )
    void look()
    const later = setTimeout(look, SECOND_LOOK_MS)
    window.addEventListener('focus', look)
    return () => {
      alive = false
      clearTimeout(later)
      window.removeEventListener('focus', look)
    }
  }, [api])
  if (!info || (!info.damage && !info.readOnly)) return null
  return (
    <div className="notebook-notice" role="alert">
      {info.damage ? (
        <p>
          <strong>This notebook is damaged.</strong> {info.damage.message}
        </p>
      ) : (
        <p>
          <strong>Read-only.</strong> This notebook ({info.path}) cannot be changed here; you can still read,
          search and export it.
        </p>
      )}
    </div>
  )
}
