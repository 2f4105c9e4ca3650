import { describe, expect, it } from 'vitest'
import { aboutDetail } from './about'
import { parsePreferences } from './preferences'

describe('aboutDetail', () => {
  it('lists every version and the database path', () => {
    const text = aboutDetail(
      { gloss: '0.1.0', electron: '45.4.1', chrome: '142.0', node: '24.1.0', v8: '14.2' },
      '/home/u/.config/Gloss/gloss.db',
    )
    expect(text.split('\n')).toEqual([
      'Gloss 0.1.0',
      'Electron 45.4.1',
      'Chromium 142.0',
      'Node.js 24.1.0',
      'V8 14.2',
      '',
      'Notebook database:',
      '/home/u/.config/Gloss/gloss.db',
    ])
  })
})

describe('parsePreferences', () => {
  it('keeps a known theme and defaults the rest', () => {
    expect(parsePreferences({ theme: 'dark' })).toEqual({ theme: 'dark' })
    expect(parsePreferences({ theme: 'neon' })).toEqual({ theme: 'system' })
    expect(parsePreferences(undefined)).toEqual({ theme: 'system' })
  })
})
