import type { Feedback } from './feedback'
import type { UndoEntry, UndoStack } from './undo'

/**
 * How every write runs: a failure is reported and comes back as undefined (so the caller can
 * keep the user's work in progress), and a step can be offered for undo in a toast.
 */
export function createWrites(undo: UndoStack, feedback: Feedback) {
  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work()
    } catch (error) {
      feedback.reportError(error)
      return undefined
    }
  }

  /** Work nobody waits for; a failure is still reported. */
  const background = (work: Promise<unknown>) => void work.catch(feedback.reportError)

  /** The Undo button of a toast undoes that step, even if others came after it. */
  async function undoThis(step: UndoEntry): Promise<void> {
    try {
      if (undo.peek() === step) await undo.undo()
      else await undo.undoOutOfOrder(step)
    } catch (error) {
      feedback.reportError(error)
    }
  }

  /** Push the step and say what was done, with an Undo button. */
  function pushWithToast(step: UndoEntry, message: string): void {
    undo.push(step)
    feedback.notify(message, { action: { label: 'Undo', run: () => void undoThis(step) } })
  }

  return { attempt, background, pushWithToast, undo, feedback }
}

export type Writes = ReturnType<typeof createWrites>
