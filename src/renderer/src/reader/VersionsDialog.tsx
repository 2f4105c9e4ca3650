import { useEffect, useState } from 'react'
import type { VersionDetail, VersionSummary } from '../../../shared/model'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import { formatDate } from '../common/dom'
import { useGloss } from '../state/glossContext'

/** The article's versions, oldest first; an older one opens read-only. */
export function VersionsDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { api } = useGloss()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [shown, setShown] = useState<VersionDetail | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    api
      .listVersions({ articleId })
      .then((list) => current && setVersions(list))
      .catch((failure: unknown) => current && setError(errorMessage(failure)))
    return () => {
      current = false
    }
  }, [api, articleId])

  const open = async (number: number) => {
    setError(null)
    try {
      setShown(await api.getVersion({ articleId, number }))
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <Dialog label="Versions" onClose={onClose} className="versions-dialog">
      <h2>Versions</h2>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {versions === null && !error && <p className="muted">Loading…</p>}
      {versions && (
        <ol className="version-list" aria-label="Versions">
          {versions.map((v) => (
            <li key={v.number}>
              <button
                type="button"
                className="version-item"
                aria-pressed={shown?.number === v.number}
                disabled={v.current}
                onClick={() => void open(v.number)}
              >
                <strong>Version {v.number}</strong>
                <span className="muted">
                  {formatDate(v.importedAt)} · {v.sectionCount} sections
                  {v.current ? ' · shown in the reader' : ''}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {shown && (
        <section className="version-text" aria-label={`Version ${shown.number} (read-only)`}>
          <h3>Version {shown.number} (read-only)</h3>
          {shown.sections.map((s) =>
            s.kind === 'heading' ? (
              <h4 key={s.id}>
                <span className="version-ordinal">¶{s.ordinal}</span> {s.text}
              </h4>
            ) : (
              <p key={s.id} className={s.kind === 'quarantined' ? 'muted' : undefined}>
                <span className="version-ordinal">¶{s.ordinal}</span> {s.text}
              </p>
            ),
          )}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
