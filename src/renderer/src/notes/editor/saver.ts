/**
 * Saves one note without ever blocking typing: changes are collected, sent ~400 ms after the
 * last one (or at once on flush), one request in flight at a time, and only the latest
 * content is sent. A failed save keeps the unsaved work and says so; the next change or a
 * flush retries. No DOM or React here (unit-tested in Node).
 */
import type { NoteSummary } from '../../../../shared/model'

export type SaveStatus =
  | { state: 'saved' }
  /** changes waiting for the debounce */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'error'; message: string }

export interface SavePatch {
  title?: string
  /** read when the save is sent, so the newest content goes */
  content?: () => unknown
}

export interface SaverDeps {
  saveNote(input: { id: string; title?: string; content: unknown }): Promise<NoteSummary>
  renameNote(input: { id: string; title: string }): Promise<NoteSummary>
  onSaved?(summary: NoteSummary): void
  errorMessage?(error: unknown): string
  delay?: number
  setTimeout?: (fn: () => void, ms: number) => unknown
  clearTimeout?: (handle: unknown) => void
}

type Listener = (status: SaveStatus) => void

const SAVE_DELAY_MS = 400

export class NoteSaver {
  private pending: SavePatch | null = null
  private inFlight: Promise<void> | null = null
  private timer: unknown = null
  private current: SaveStatus = { state: 'saved' }
  private listeners = new Set<Listener>()
  private readonly delay: number
  private readonly set: (fn: () => void, ms: number) => unknown
  private readonly clear: (handle: unknown) => void

  constructor(
    readonly noteId: string,
    private readonly deps: SaverDeps,
  ) {
    this.delay = deps.delay ?? SAVE_DELAY_MS
    this.set = deps.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms))
    this.clear =
      deps.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>))
  }

  get status(): SaveStatus {
    return this.current
  }

  /** True when something is not saved yet (waiting, in flight, or failed). */
  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Record a change; it is saved after the debounce. Later values replace earlier ones. */
  change(patch: SavePatch): void {
    this.pending = { ...this.pending, ...patch }
    if (!this.inFlight) this.setStatus({ state: 'pending' })
    this.restartTimer()
  }

  /** Save now (and wait for it). Resolves even when the save fails; see `status`. */
  flush(): Promise<void> {
    this.stopTimer()
    return this.pump()
  }

  private restartTimer(): void {
    this.stopTimer()
    this.timer = this.set(() => {
      this.timer = null
      void this.pump()
    }, this.delay)
  }

  private stopTimer(): void {
    if (this.timer !== null) {
      this.clear(this.timer)
      this.timer = null
    }
  }

  private pump(): Promise<void> {
    if (this.inFlight) {
      // the request running now finishes first; then whatever is pending goes
      return this.inFlight.then(() => (this.timer === null ? this.pump() : undefined))
    }
    if (!this.pending) return Promise.resolve()
    const patch = this.pending
    this.pending = null
    this.inFlight = this.send(patch).finally(() => {
      this.inFlight = null
    })
    return this.inFlight.then(() => {
      // changes made while saving: send them unless the debounce is still counting
      if (this.pending && this.timer === null && this.current.state !== 'error') return this.pump()
      return undefined
    })
  }

  private async send(patch: SavePatch): Promise<void> {
    this.setStatus({ state: 'saving' })
    try {
      let summary: NoteSummary
      if (patch.content) {
        const input: { id: string; title?: string; content: unknown } = {
          id: this.noteId,
          content: patch.content(),
        }
        if (patch.title !== undefined) input.title = patch.title
        summary = await this.deps.saveNote(input)
      } else if (patch.title !== undefined) {
        summary = await this.deps.renameNote({ id: this.noteId, title: patch.title })
      } else {
        this.setStatus({ state: 'saved' })
        return
      }
      this.deps.onSaved?.(summary)
      this.setStatus(this.pending ? { state: 'pending' } : { state: 'saved' })
    } catch (error) {
      // keep the unsaved work under anything newer
      this.pending = { ...patch, ...this.pending }
      const message =
        this.deps.errorMessage?.(error) ?? (error instanceof Error ? error.message : String(error))
      this.setStatus({ state: 'error', message })
    }
  }

  private setStatus(status: SaveStatus): void {
    const same =
      status.state === this.current.state &&
      (status.state !== 'error' ||
        (this.current.state === 'error' && status.message === this.current.message))
    this.current = status
    if (same) return
    for (const listener of [...this.listeners]) listener(status)
  }
}

/** The status in words, for the editor's status line. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved'
    case 'pending':
      return 'Unsaved changes'
    case 'saving':
      return 'Saving…'
    case 'error':
      return `Not saved: ${status.message}`
  }
}
