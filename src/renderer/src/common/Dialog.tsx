import { useEffect, useRef, type ReactNode } from 'react'
import './dialog.css'

interface Props {
  label: string
  onClose: () => void
  children: ReactNode
  className?: string
  /** element to focus on open (defaults to the first focusable) */
  initialFocus?: React.RefObject<HTMLElement | null>
}

/** A modal built on <dialog>: focus is trapped by the browser, Esc closes, focus returns on close. */
export function Dialog({ label, onClose, children, className, initialFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previous = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    initialFocus?.current?.focus()
    const onCancel = (event: Event) => {
      event.preventDefault()
      closeRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
      if (previous && previous.isConnected) previous.focus()
    }
  }, [initialFocus])

  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={`dialog ${className ?? ''}`}
      onKeyDown={(event) => {
        // handled here too: a search field swallows the first Esc, and Chrome may skip 'cancel'
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault()
          closeRef.current()
        }
      }}
      onMouseDown={(event) => {
        // a click on the backdrop (the dialog element itself, outside its content) closes
        if (event.target === ref.current) closeRef.current()
      }}
    >
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}
