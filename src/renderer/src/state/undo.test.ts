import { describe, expect, it, vi } from 'vitest'
import { UndoStack, type UndoEntry } from './undo'

/** A step that records what ran, into a shared log. */
function step(label: string, log: string[], fail: { undo?: boolean; redo?: boolean } = {}): UndoEntry {
  return {
    label,
    undo: async () => {
      if (fail.undo) throw new Error(`cannot undo ${label}`)
      log.push(`undo ${label}`)
    },
    redo: async () => {
      if (fail.redo) throw new Error(`cannot redo ${label}`)
      log.push(`redo ${label}`)
    },
  }
}

describe('UndoStack', () => {
  it('undoes newest first and redoes in the order undone', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    stack.push(step('a', log))
    stack.push(step('b', log))
    expect(stack.nextUndoLabel).toBe('b')
    expect(await stack.undo()).toBe('b')
    expect(await stack.undo()).toBe('a')
    expect(await stack.undo()).toBeUndefined()
    expect(stack.canUndo).toBe(false)
    expect(stack.nextRedoLabel).toBe('a')
    expect(await stack.redo()).toBe('a')
    expect(await stack.redo()).toBe('b')
    expect(await stack.redo()).toBeUndefined()
    expect(log).toEqual(['undo b', 'undo a', 'redo a', 'redo b'])
  })

  it('forgets what was undone once something new is done', async () => {
    const stack = new UndoStack()
    stack.push(step('a', []))
    await stack.undo()
    expect(stack.canRedo).toBe(true)
    stack.push(step('b', []))
    expect(stack.canRedo).toBe(false)
    expect(stack.nextUndoLabel).toBe('b')
  })

  it('keeps at most `limit` steps, dropping the oldest', async () => {
    const log: string[] = []
    const stack = new UndoStack(2)
    for (const label of ['a', 'b', 'c']) stack.push(step(label, log))
    while (await stack.undo());
    expect(log).toEqual(['undo c', 'undo b'])
  })

  it('leaves a step that failed where it was, so it can be tried again', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    const flaky = { undo: true }
    stack.push(step('a', log, flaky))
    await expect(stack.undo()).rejects.toThrow('cannot undo a')
    expect(stack.nextUndoLabel).toBe('a')
    expect(stack.canRedo).toBe(false)
    flaky.undo = false
    expect(await stack.undo()).toBe('a')

    const broken = { redo: true }
    stack.push(step('b', log, broken))
    await stack.undo()
    await expect(stack.redo()).rejects.toThrow('cannot redo b')
    expect(stack.nextRedoLabel).toBe('b')
    expect(stack.nextUndoLabel).toBeUndefined()
  })

  it('runs one step at a time: an undo or redo asked for while one runs does nothing', async () => {
    const stack = new UndoStack()
    stack.push(step('a', []))
    let finish!: () => void
    stack.push({
      label: 'slow',
      undo: () => new Promise<void>((done) => (finish = done)),
      redo: async () => {},
    })
    const running = stack.undo()
    expect(await stack.undo()).toBeUndefined()
    expect(await stack.redo()).toBeUndefined()
    finish()
    expect(await running).toBe('slow')
    expect(stack.nextUndoLabel).toBe('a')
  })

  it('undoes a step out of order (a toast’s Undo), which then leaves the history', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    const a = step('a', log)
    stack.push(a)
    stack.push(step('b', log))
    await stack.undoOutOfOrder(a)
    expect(log).toEqual(['undo a'])
    expect(stack.nextUndoLabel).toBe('b')
    expect(await stack.undo()).toBe('b')
    expect(stack.canUndo).toBe(false)
    // a step no longer in the history is left alone
    await stack.undoOutOfOrder(a)
    expect(log).toEqual(['undo a', 'undo b'])
  })

  it('tells subscribers after every change, until they unsubscribe', async () => {
    const stack = new UndoStack()
    const listener = vi.fn()
    const off = stack.subscribe(listener)
    stack.push(step('a', []))
    await stack.undo()
    await stack.redo()
    expect(listener).toHaveBeenCalledTimes(3)
    off()
    stack.push(step('b', []))
    expect(listener).toHaveBeenCalledTimes(3)
  })
})
