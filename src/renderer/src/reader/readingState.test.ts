// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GlossApi } from '../../../shared/contract'
import { savePosition } from './readingState'

/** The calls a page makes, as the shell would carry them. */
function recordingApi() {
  const calls: unknown[] = []
  const api = {
    setReadingPosition: (input: unknown) => {
      calls.push(input)
      return Promise.resolve(null)
    },
  } as unknown as GlossApi
  return { api, calls }
}

function hide(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('savePosition', () => {
  afterEach(() => {
    vi.useRealTimers()
    hide('visible')
  })

  it('writes at most once a second, the latest place of each article, and at once when the page is hidden', async () => {
    vi.useFakeTimers()
    const { api, calls } = recordingApi()
    savePosition(api, 'a1', { sectionId: 's1', past: 10 })
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toEqual([{ articleId: 'a1', sectionId: 's1', past: 10 }])

    // within the second: kept back, the latest per article
    savePosition(api, 'a1', { sectionId: 's2', past: 0 })
    savePosition(api, 'a1', { sectionId: 's3', past: 5 })
    savePosition(api, 'a2', { sectionId: 't1', past: 7 })
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toHaveLength(1)

    // the page is hidden (the window closes, the tab is left): written now, not in 700 ms
    hide('hidden')
    expect(calls.slice(1)).toEqual([
      { articleId: 'a1', sectionId: 's3', past: 5 },
      { articleId: 'a2', sectionId: 't1', past: 7 },
    ])
    // and not a second time when the timer would have run
    await vi.advanceTimersByTimeAsync(2000)
    expect(calls).toHaveLength(3)

    // hidden with nothing waiting: no write
    hide('visible')
    hide('hidden')
    expect(calls).toHaveLength(3)
  })
})
