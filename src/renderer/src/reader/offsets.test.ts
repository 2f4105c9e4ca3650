// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import type { Section } from '../../../shared/model'
import {
  collectSectionNodes,
  offsetsToRanges,
  rangeToOffsets,
  snapToWords,
  type SectionNode,
} from './offsets'

/** The article "Hello there.\nSecond one.\nLogin\nLast words." with ¶3 quarantined. */
const TEXT = 'Hello there.\nSecond one.\nLogin\nLast words.'
function sections(): Section[] {
  const parts: Array<[string, Section['kind']]> = [
    ['Hello there.', 'paragraph'],
    ['Second one.', 'paragraph'],
    ['Login', 'quarantined'],
    ['Last words.', 'paragraph'],
  ]
  let start = 0
  return parts.map(([text, kind], i) => {
    const section: Section = {
      id: `s${i + 1}`,
      articleId: 'a1',
      ordinal: i + 1,
      kind,
      level: null,
      text,
      start,
      end: start + text.length,
      quarantineReason: kind === 'quarantined' ? 'scrape junk: login' : null,
      page: null,
      role: null,
      layout: null,
    }
    start += text.length + 1
    return section
  })
}

/** The reader's markup: each section's text is its element's only text node; badges sit beside. */
function render(all: Section[]): HTMLElement {
  const root = document.createElement('article')
  root.innerHTML = all
    .map(
      (s) =>
        `<div class="section-block"><p data-section-id="${s.id}" data-ordinal="${s.ordinal}">${s.text}</p>` +
        `<span class="badge">2 notes</span></div>`,
    )
    .join('')
  document.body.replaceChildren(root)
  return root
}

const textOf = (id: string, root: HTMLElement) =>
  root.querySelector(`[data-section-id="${id}"]`)!.firstChild as Text

function range(start: [Node, number], end: [Node, number]): Range {
  const r = document.createRange()
  r.setStart(...start)
  r.setEnd(...end)
  return r
}

let all: Section[]
let root: HTMLElement
let nodes: SectionNode[]

beforeEach(() => {
  all = sections()
  root = render(all)
  nodes = collectSectionNodes(root, all)
})

describe('collectSectionNodes', () => {
  it('finds each section’s text node in article order, quarantined ones only when asked', () => {
    expect(nodes.map((n) => n.section.id)).toEqual(['s1', 's2', 's4'])
    expect(collectSectionNodes(root, all, true).map((n) => n.section.id)).toEqual(['s1', 's2', 's3', 's4'])
    expect(nodes[0]!.node).toBe(textOf('s1', root))
  })

  it('skips elements of sections it was not given, and elements without text', () => {
    root.querySelector('[data-section-id="s2"]')!.replaceChildren()
    expect(collectSectionNodes(root, all.slice(0, 1)).map((n) => n.section.id)).toEqual(['s1'])
    expect(collectSectionNodes(root, all).map((n) => n.section.id)).toEqual(['s1', 's4'])
  })
})

describe('rangeToOffsets', () => {
  it('maps a selection inside one section to article offsets', () => {
    const there = textOf('s1', root)
    const offsets = rangeToOffsets(range([there, 6], [there, 11]), nodes, TEXT.length)
    expect(offsets).toEqual({ start: 6, end: 11 })
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('there')
  })

  it('maps a selection across sections, skipping the hidden one between', () => {
    const offsets = rangeToOffsets(
      range([textOf('s2', root), 7], [textOf('s4', root), 4]),
      nodes,
      TEXT.length,
    )
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('one.\nLogin\nLast')
  })

  it('snaps ends outside the text inward: a start moves forward, an end back', () => {
    // from the badge after ¶1 to the badge after ¶2: exactly ¶2's text
    const badge = (id: string) => root.querySelector(`[data-section-id="${id}"]`)!.nextSibling!
    const offsets = rangeToOffsets(range([badge('s1'), 0], [badge('s2'), 1]), nodes, TEXT.length)
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('Second one.')
    // from before the first section to after the last: the whole readable span
    const whole = rangeToOffsets(range([root, 0], [root, root.childNodes.length]), nodes, TEXT.length)
    expect(whole).toEqual({ start: 0, end: TEXT.length })
  })

  it('gives null for a selection that covers no section text', () => {
    const badge = root.querySelector('.badge')!
    expect(
      rangeToOffsets(range([badge.firstChild!, 0], [badge.firstChild!, 3]), nodes, TEXT.length),
    ).toBeNull()
    const there = textOf('s1', root)
    expect(rangeToOffsets(range([there, 4], [there, 4]), nodes, TEXT.length)).toBeNull()
    const outside = document.createElement('p')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    expect(
      rangeToOffsets(range([outside.firstChild!, 0], [outside.firstChild!, 4]), nodes, TEXT.length),
    ).toBeNull()
  })

  it('clamps to the article text', () => {
    const last = textOf('s4', root)
    expect(rangeToOffsets(range([last, 5], [last, last.length]), nodes, TEXT.length - 2)).toEqual({
      start: 36,
      end: TEXT.length - 2,
    })
  })
})

describe('offsetsToRanges', () => {
  it('gives one range per section the span touches, covering exactly its text', () => {
    const ranges = offsetsToRanges(6, 20, nodes)
    expect(ranges.map((r) => r.toString())).toEqual(['there.', 'Second '])
    expect(ranges[0]!.startContainer).toBe(textOf('s1', root))
  })

  it('round-trips with rangeToOffsets', () => {
    const [only] = offsetsToRanges(13, 19, nodes)
    expect(rangeToOffsets(only!, nodes, TEXT.length)).toEqual({ start: 13, end: 19 })
  })

  it('gives nothing for a span in no shown section (the hidden ¶3)', () => {
    expect(offsetsToRanges(25, 30, nodes)).toEqual([])
    expect(offsetsToRanges(25, 30, collectSectionNodes(root, all, true)).map((r) => r.toString())).toEqual([
      'Login',
    ])
  })
})

describe('snapToWords', () => {
  it('widens ends that fall inside a word to the whole word', () => {
    // "Hello there." — "llo th" becomes "Hello there"
    expect(snapToWords({ start: 2, end: 8 }, all)).toEqual({ start: 0, end: 11 })
  })
  it('keeps ends already on a word boundary or at punctuation', () => {
    expect(snapToWords({ start: 0, end: 5 }, all)).toEqual({ start: 0, end: 5 })
    expect(snapToWords({ start: 6, end: 12 }, all)).toEqual({ start: 6, end: 12 })
  })
  it('snaps each end in its own section when a selection spans two', () => {
    // from "ere." in ¶1 to "Seco" in ¶2: "there." … "Second"
    expect(snapToWords({ start: 8, end: 17 }, all)).toEqual({ start: 6, end: 19 })
  })
  it('never moves into a hidden section', () => {
    // "Login" is quarantined: an end inside it stays
    expect(snapToWords({ start: 20, end: 27 }, all)).toEqual({ start: 20, end: 27 })
  })
})
