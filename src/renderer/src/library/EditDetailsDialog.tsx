import { useId, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../shared/model'
import { isGlossErrorData } from '../../../shared/errors'
import { errorMessage } from '../api/errors'
import { Dialog } from '../common/Dialog'
import type { ArticleDetails } from '../state/articleActions'
import { useGloss } from '../state/glossContext'

type Field = 'title' | 'byline' | 'publishedAt' | 'sourceUrl'
const FIELDS: { field: Field; label: string; hint?: string; placeholder?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'byline', label: 'Byline' },
  { field: 'publishedAt', label: 'Published', hint: 'A date: 2024-05-01', placeholder: 'YYYY-MM-DD' },
  { field: 'sourceUrl', label: 'Source address', placeholder: 'https://…' },
]

/** Title, byline, publication date and source address; the core's refusal shows beside its field. */
export function EditDetailsDialog({ article, onClose }: { article: ArticleSummary; onClose: () => void }) {
  const { actions } = useGloss()
  const [values, setValues] = useState<Record<Field, string>>({
    title: article.title,
    byline: article.byline ?? '',
    publishedAt: article.publishedAt ?? '',
    sourceUrl: article.sourceUrl ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLInputElement>(null)
  const baseId = useId()

  const save = async () => {
    const change: ArticleDetails = {}
    const title = values.title.trim()
    if (title !== article.title) change.title = title
    for (const field of ['byline', 'publishedAt', 'sourceUrl'] as const) {
      const value = values[field].trim()
      if (value !== (article[field] ?? '')) change[field] = value === '' ? null : value
    }
    if (Object.keys(change).length === 0) {
      onClose()
      return
    }
    setBusy(true)
    setErrors({})
    try {
      await actions.updateArticle(article, change)
      onClose()
    } catch (failure) {
      const field =
        isGlossErrorData(failure) && FIELDS.some((f) => f.field === failure.field)
          ? (failure.field as Field)
          : 'form'
      // beside its field the message needs no "updateArticle: sourceUrl: " in front
      const message = errorMessage(failure)
      const bare = field === 'form' ? message : message.replace(new RegExp(`^(\\w+: )?${field}: `), '')
      setErrors({ [field]: bare.charAt(0).toUpperCase() + bare.slice(1) })
      document.getElementById(`${baseId}-${field}`)?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog label="Edit details" onClose={onClose} initialFocus={first} className="details-dialog">
      <h2>Edit details</h2>
      <form
        className="details-form"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        {FIELDS.map(({ field, label, hint, placeholder }) => {
          const id = `${baseId}-${field}`
          const error = errors[field]
          return (
            <div key={field} className="details-field">
              <label htmlFor={id}>{label}</label>
              <input
                id={id}
                ref={field === 'title' ? first : undefined}
                type="text"
                inputMode={field === 'sourceUrl' ? 'url' : undefined}
                value={values[field]}
                placeholder={placeholder}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
              {error ? (
                <p id={`${id}-error`} role="alert" className="error-text details-error">
                  {error}
                </p>
              ) : (
                hint && (
                  <p id={`${id}-hint`} className="details-hint muted">
                    {hint}
                  </p>
                )
              )}
            </div>
          )
        })}
        {errors.form && (
          <p role="alert" className="error-text">
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
