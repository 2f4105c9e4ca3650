import { useEffect, useState } from 'react'
import type { NotebookInfo } from '../../../shared/model'
import { useGloss } from '../state/glossContext'

/**
 * A banner when the notebook is read-only or damaged, with the words the core chose (what is
 * wrong, and for damage the newest good backup and how to restore it). Asked at start and when
 * the window is shown again after being hidden, so damage the background check found later
 * shows without a reload, and nothing is asked on a timer.
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
    const onShown = () => document.visibilityState === 'visible' && void look()
    document.addEventListener('visibilitychange', onShown)
    return () => {
      alive = false
      document.removeEventListener('visibilitychange', onShown)
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
