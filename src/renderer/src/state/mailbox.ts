/**
 * Requests for a view that may not be on screen yet, such as "insert this excerpt into that
 * note" before the note's editor has mounted.
 */
import type { ExcerptCardPayload } from '../../../shared/notes/nodes'

/**
 * Each value goes to one taker: a listener returns true when it took the value. A value
 * nobody takes waits (up to `ttlMs`) and is offered to listeners that subscribe later.
 */
class Mailbox<T> {
  private listeners = new Set<(value: T) => boolean>()
  private waiting: { value: T; at: number }[] = []

  constructor(private readonly ttlMs = 10_000) {}

  /** True when a listener took the value now; false when it waits for one. */
  emit(value: T): boolean {
    if (this.offer(value)) return true
    this.waiting.push({ value, at: Date.now() })
    return false
  }

  subscribe(listener: (value: T) => boolean): () => void {
    this.listeners.add(listener)
    const now = Date.now()
    this.waiting = this.waiting.filter(({ at }) => now - at <= this.ttlMs)
    for (const item of [...this.waiting]) {
      if (!this.take(listener, item.value)) continue
      this.waiting = this.waiting.filter((w) => w !== item)
    }
    return () => {
      this.listeners.delete(listener)
    }
  }

  private offer(value: T): boolean {
    for (const listener of [...this.listeners]) if (this.take(listener, value)) return true
    return false
  }

  private take(listener: (value: T) => boolean, value: T): boolean {
    try {
      return listener(value)
    } catch (error) {
      console.error(error)
      return false
    }
  }
}

export interface ExcerptInsertRequest {
  excerptId: string
  /** the note to insert into (the open one when the request was made) */
  noteId: string
  /** the card, when the sender has the excerpt at hand; otherwise the editor fetches it */
  card?: ExcerptCardPayload | null
}

/**
 * Insert an excerpt card into a note (the "Insert into note" button, a drop on the Notes tab
 * or on a note in the list). The note's editor takes it at its caret, or at the end; if that
 * note's editor is not on screen yet, the request waits for it to mount.
 */
export const insertExcerptIntoNote = new Mailbox<ExcerptInsertRequest>()
