/** One reversible change: both directions call the contract's inverse operations. */
export interface UndoEntry {
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

type Listener = () => void

/** Linear undo history. Failed steps stay where they were so the user can retry. */
export class UndoStack {
  private done: UndoEntry[] = []
  private undone: UndoEntry[] = []
  private busy = false
  private listeners = new Set<Listener>()

  constructor(private readonly limit = 200) {}

  push(entry: UndoEntry): void {
    this.done.push(entry)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
    this.emit()
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }
  get canRedo(): boolean {
    return this.undone.length > 0
  }
  get nextUndoLabel(): string | undefined {
    return this.done.at(-1)?.label
  }
  get nextRedoLabel(): string | undefined {
    return this.undone.at(-1)?.label
  }

  peek(): UndoEntry | undefined {
    return this.done.at(-1)
  }

  /** Undo one step that is no longer the newest (a toast's Undo button); it leaves the history. */
  async undoOutOfOrder(entry: UndoEntry): Promise<void> {
    const index = this.done.indexOf(entry)
    if (index === -1 || this.busy) return
    this.busy = true
    try {
      await entry.undo()
      this.done.splice(index, 1)
    } finally {
      this.busy = false
      this.emit()
    }
  }

  /** Returns the label of what was undone, or undefined when there was nothing (or a step is running). */
  async undo(): Promise<string | undefined> {
    const entry = this.done.at(-1)
    if (!entry || this.busy) return undefined
    this.busy = true
    try {
      await entry.undo()
      this.done.pop()
      this.undone.push(entry)
      return entry.label
    } finally {
      this.busy = false
      this.emit()
    }
  }

  async redo(): Promise<string | undefined> {
    const entry = this.undone.at(-1)
    if (!entry || this.busy) return undefined
    this.busy = true
    try {
      await entry.redo()
      this.undone.pop()
      this.done.push(entry)
      return entry.label
    } finally {
      this.busy = false
      this.emit()
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}
