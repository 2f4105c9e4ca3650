import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NoteSummary } from '../../../../shared/model'
import { NoteSaver, type SaverDeps } from './saver'

const summary = (id: string): NoteSummary => ({
  id,
  title: '',
  excerptText: '',
  createdAt: '',
  updatedAt: '',
  articleIds: [],
})

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('NoteSaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup(overrides: Partial<SaverDeps> = {}) {
    const calls: Array<{ op: string; input: unknown }> = []
    const gates: Array<ReturnType<typeof deferred<NoteSummary>>> = []
    const deps: SaverDeps = {
      saveNote: (input) => {
        calls.push({ op: 'save', input })
        const gate = deferred<NoteSummary>()
        gates.push(gate)
        return gate.promise
      },
      renameNote: (input) => {
        calls.push({ op: 'rename', input })
        return Promise.resolve(summary(input.id))
      },
      ...overrides,
    }
    const saver = new NoteSaver('n1', deps)
    const states: string[] = []
    saver.subscribe((s) => states.push(s.state))
    return { saver, calls, gates, states }
  }

  it('debounces typing and sends only the latest content', async () => {
    const { saver, calls, gates } = setup()
    saver.change({ content: () => 'a' })
    vi.advanceTimersByTime(200)
    saver.change({ content: () => 'ab' })
    vi.advanceTimersByTime(399)
    expect(calls).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(calls).toEqual([{ op: 'save', input: { id: 'n1', content: 'ab' } }])
    gates[0]!.resolve(summary('n1'))
    await vi.runAllTimersAsync()
    expect(saver.status.state).toBe('saved')
  })

  it('keeps one save in flight; changes made meanwhile go after it, latest wins', async () => {
    const { saver, calls, gates } = setup()
    saver.change({ content: () => 'v1' })
    const first = saver.flush() // the request stays open until gates[0] resolves
    expect(calls).toHaveLength(1)
    saver.change({ content: () => 'v2' })
    saver.change({ content: () => 'v3', title: 'T' })
    const flushed = saver.flush()
    expect(calls).toHaveLength(1)
    gates[0]!.resolve(summary('n1'))
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]).toEqual({ op: 'save', input: { id: 'n1', content: 'v3', title: 'T' } })
    gates[1]!.resolve(summary('n1'))
    await Promise.all([first, flushed])
    expect(saver.status.state).toBe('saved')
    expect(saver.dirty).toBe(false)
  })

  it('renames when only the title changed', async () => {
    const { saver, calls } = setup()
    saver.change({ title: 'New title' })
    await saver.flush()
    expect(calls).toEqual([{ op: 'rename', input: { id: 'n1', title: 'New title' } }])
  })

  it('keeps unsaved work after a failure and retries on flush', async () => {
    let fail = true
    const sent: unknown[] = []
    const saver = new NoteSaver('n1', {
      saveNote: async (input) => {
        sent.push(input.content)
        if (fail) throw new Error('disk full')
        return summary('n1')
      },
      renameNote: async () => summary('n1'),
    })
    saver.change({ content: () => 'draft', title: 'T' })
    await saver.flush()
    expect(saver.status).toEqual({ state: 'error', message: 'disk full' })
    expect(saver.dirty).toBe(true)
    fail = false
    await saver.flush()
    expect(saver.status.state).toBe('saved')
    expect(sent).toEqual(['draft', 'draft'])
  })
})
