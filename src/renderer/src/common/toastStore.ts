import { useCallback, useRef, useState } from 'react'

export interface ToastAction {
  label: string
  run: () => void
}

export interface Toast {
  id: number
  message: string
  kind: 'info' | 'error'
  action?: ToastAction
}

export interface ToastOptions {
  kind?: 'info' | 'error'
  action?: ToastAction
  /** milliseconds; errors stay longer by default */
  timeout?: number
}

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id))
  }, [])

  const notify = useCallback(
    (message: string, options: ToastOptions = {}) => {
      const id = next.current++
      const kind = options.kind ?? 'info'
      setToasts((list) =>
        [...list.filter((t) => t.message !== message), { id, message, kind, action: options.action }].slice(
          -4,
        ),
      )
      const timeout = options.timeout ?? (kind === 'error' ? 12_000 : options.action ? 8_000 : 4_000)
      window.setTimeout(() => dismiss(id), timeout)
      return id
    },
    [dismiss],
  )

  return { toasts, notify, dismiss }
}
