import type { Toast } from './toastStore'
import './toasts.css'

interface Props {
  toasts: Toast[]
  dismiss: (id: number) => void
}

/** Messages at the bottom of the window: errors are announced at once, the rest politely. */
export function Toasts({ toasts, dismiss }: Props) {
  const errors = toasts.filter((t) => t.kind === 'error')
  const infos = toasts.filter((t) => t.kind !== 'error')
  return (
    <div className="toasts">
      <div role="alert" className="toast-group">
        {errors.map((t) => (
          <ToastView key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
      <div role="status" aria-live="polite" className="toast-group">
        {infos.map((t) => (
          <ToastView key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
    </div>
  )
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  return (
    <div className={`toast toast-${toast.kind}`} data-testid="toast">
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action?.run()
            dismiss(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close icon-button"
        aria-label="Dismiss message"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  )
}
