/** How state and actions speak to the user: the app's toasts. */
export interface Feedback {
  notify: (
    message: string,
    options?: { kind?: 'info' | 'error'; action?: { label: string; run: () => void } },
  ) => void
  reportError: (error: unknown) => void
}
