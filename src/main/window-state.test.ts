import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  initialBounds,
  isVisibleOnDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  type Rect,
} from './window-state'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 }
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }

describe('parseWindowState', () => {
  it('accepts a saved state', () => {
    expect(parseWindowState({ bounds: { x: 10, y: -20, width: 900, height: 700 }, maximized: true })).toEqual(
      {
        bounds: { x: 10, y: -20, width: 900, height: 700 },
        maximized: true,
      },
    )
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 } })?.maximized).toBe(false)
  })

  it.each([
    null,
    undefined,
    'state',
    [],
    {},
    { bounds: null },
    { bounds: { x: 0, y: 0, width: 800 } },
    { bounds: { x: '0', y: 0, width: 800, height: 600 } },
    { bounds: { x: 0.5, y: 0, width: 800, height: 600 } },
    { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 } },
    { bounds: { x: 0, y: 0, width: 0, height: 600 } },
    { bounds: { x: 0, y: 0, width: -800, height: 600 } },
    { bounds: { x: 0, y: 0, width: 1e9, height: 600 } },
    { bounds: { x: 1e12, y: 0, width: 800, height: 600 } },
  ])('refuses %j', (value) => {
    expect(parseWindowState(value)).toBeNull()
  })
})

describe('isVisibleOnDisplays', () => {
  it('needs a grabbable part of the title bar on some display', () => {
    expect(isVisibleOnDisplays({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toBe(true)
    expect(isVisibleOnDisplays({ x: 2000, y: 100, width: 800, height: 600 }, [laptop, rightMonitor])).toBe(
      true,
    )
    // the monitor it was on is gone
    expect(isVisibleOnDisplays({ x: 2000, y: 100, width: 800, height: 600 }, [laptop])).toBe(false)
    // only a sliver on screen
    expect(isVisibleOnDisplays({ x: 1400, y: 100, width: 800, height: 600 }, [laptop])).toBe(false)
    // title bar above the top of the screen, body visible
    expect(isVisibleOnDisplays({ x: 100, y: -300, width: 800, height: 600 }, [laptop])).toBe(false)
    // title bar below the bottom
    expect(isVisibleOnDisplays({ x: 100, y: 870, width: 800, height: 600 }, [laptop])).toBe(false)
    expect(isVisibleOnDisplays({ x: 100, y: 100, width: 800, height: 600 }, [])).toBe(false)
  })
})

describe('initialBounds', () => {
  it('restores a visible saved state', () => {
    const saved = { bounds: { x: 50, y: 60, width: 1000, height: 700 }, maximized: true }
    expect(initialBounds(saved, [laptop])).toEqual({
      x: 50,
      y: 60,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it('grows a too-small saved size to the minimum', () => {
    const saved = { bounds: { x: 50, y: 60, width: 200, height: 100 }, maximized: false }
    expect(initialBounds(saved, [laptop])).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT })
  })

  it('falls back to the default size, centred, when the saved position is off-screen or missing', () => {
    const offscreen = { bounds: { x: 5000, y: 60, width: 1000, height: 700 }, maximized: false }
    expect(initialBounds(offscreen, [laptop])).toEqual({
      width: DEFAULT_WIDTH,
      height: 820,
      maximized: false,
    })
    expect(initialBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    })
    expect(initialBounds(null, [])).toEqual({
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      maximized: false,
    })
  })
})

describe('window state file', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-window-state-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips and leaves no temporary files behind', () => {
    const file = join(dir, 'nested', 'window-state.json')
    const state = { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false }
    saveWindowState(file, state)
    expect(loadWindowState(file)).toEqual(state)
    saveWindowState(file, { ...state, maximized: true })
    expect(loadWindowState(file)?.maximized).toBe(true)
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json'])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...state, maximized: true })
  })

  it('treats a missing, corrupt or foreign file as no state', () => {
    expect(loadWindowState(join(dir, 'missing.json'))).toBeNull()
    writeFileSync(join(dir, 'corrupt.json'), '{"bounds": {"x": 1,')
    expect(loadWindowState(join(dir, 'corrupt.json'))).toBeNull()
    writeFileSync(join(dir, 'foreign.json'), '{"bounds": {"x": "left"}}')
    expect(loadWindowState(join(dir, 'foreign.json'))).toBeNull()
  })

  it('cleans up its temporary file when the write fails', () => {
    // the target is a directory: rename fails after the temp file was written
    const target = join(dir, 'taken')
    saveWindowState(join(target, 'x.json'), {
      bounds: { x: 0, y: 0, width: 800, height: 600 },
      maximized: false,
    })
    expect(() =>
      saveWindowState(target, { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }),
    ).toThrow()
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
