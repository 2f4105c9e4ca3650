import { describe, expect, it } from 'vitest'
import { junkReason, quarantineEdgeJunk } from './junk'
import type { SectionDraft } from './sectioning'

const p = (text: string): SectionDraft => ({ kind: 'paragraph', text })
const PROSE = p('This is a real paragraph of the article, long enough to be prose and not a link.')

describe('scrape junk at the edges', () => {
  it('recognizes the usual page chrome', () => {
    const junk = [
      'Login',
      'Log in',
      'Sign in to comment',
      'Sign up',
      'Register',
      'Subscribe to our newsletter',
      'Share this article',
      'Share on Facebook',
      'Tweet',
      'We use cookies to improve your experience.',
      'Accept all',
      'Advertisement',
      'Ad',
      'Sponsored',
      'Skip to content',
      'Menu',
      'Navigation',
      'Read more »',
      'Related articles',
      '© 2024 Example News',
      'All rights reserved.',
      'By Jane Roe',
      'By Choe Sang-Hun and Jane O’Neil',
    ]
    for (const text of junk) expect(junkReason(p(text)), text).toMatch(/^scrape junk: /)
  })

  it('leaves prose that merely mentions those words', () => {
    const prose = [
      'Registering voters is hard work.',
      'Cookies are best warm.',
      'He shared the prize.',
      'By then, the talks had stalled for months.',
      'Adrian arrived late.',
      'The menu changed in 1990 after the war ended badly.',
      'Kim said he would log in to the talks only if sanctions were lifted first, officials said.',
    ]
    for (const text of prose) expect(junkReason(p(text)), text).toBeUndefined()
  })

  it('never quarantines headings', () => {
    expect(junkReason({ kind: 'heading', level: 2, text: 'Subscribe' })).toBeUndefined()
  })

  it('scans inward from both edges and stops at the first real section', () => {
    const drafts = [
      p('Skip to content'),
      p('Menu'),
      PROSE,
      p('Login'),
      PROSE,
      p('Share this'),
      p('© 2024 Example'),
    ]
    expect(quarantineEdgeJunk(drafts).map((d) => d.kind)).toEqual([
      'quarantined',
      'quarantined',
      'paragraph',
      'paragraph',
      'paragraph',
      'quarantined',
      'quarantined',
    ])
  })

  it('quarantines nothing when everything would go', () => {
    const drafts = [p('Subscribe'), p('Login')]
    expect(quarantineEdgeJunk(drafts)).toEqual(drafts)
  })
})
