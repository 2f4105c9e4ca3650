// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Section } from '../../../shared/model'
import { inlineTree } from './layoutTree'
import {
  collectSectionNodes,
  offsetsToRanges,
  rangeToOffsets,
  snapToWords,
  type SectionNode,
} from './offsets'
import { SectionBlock } from './Sections'

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

/** Sections with a layout, as import stores them: their offsets are into their own text. */
function laidOut(): Section[] {
  const parts: Array<[string, Section['layout']]> = [
    [
      'Read the fine manual before you ask.',
      {
        marks: [
          { type: 'link', start: 0, end: 4, href: 'https://example.org/manual' },
          { type: 'em', start: 9, end: 20 },
          { type: 'strong', start: 14, end: 27 },
        ],
      },
    ],
    [
      'Call run() twice',
      {
        block: { type: 'item', ordered: true, depth: 2, number: 3 },
        marks: [{ type: 'code', start: 5, end: 10 }],
        images: [{ mediaId: null, alt: 'A chart', remoteUrl: 'https://example.org/chart.png' }],
      },
    ],
    [
      'Name | Age',
      {
        block: {
          type: 'row',
          header: true,
          cells: [
            [0, 4],
            [7, 10],
          ],
        },
      },
    ],
    ['E = mc2, he said', { block: { type: 'quote' }, marks: [{ type: 'sup', start: 6, end: 7 }] }],
    ['Plain words.', null],
  ]
  let start = 0
  return parts.map(([text, layout], i) => {
    const section: Section = {
      id: `m${i + 1}`,
      articleId: 'a2',
      ordinal: i + 1,
      kind: 'paragraph',
      level: null,
      text,
      start,
      end: start + text.length,
      quarantineReason: null,
      page: null,
      role: null,
      layout,
    }
    start += text.length + 1
    return section
  })
}

/** The reader's own markup for the sections (Sections.tsx), rendered by React. */
function renderBlocks(all: Section[]): HTMLElement {
  const root = document.createElement('article')
  root.innerHTML = all
    .map((section) =>
      renderToStaticMarkup(
        createElement(SectionBlock, {
          section,
          newPage: null,
          notes: undefined,
          onOpenNote: () => {},
          onHide: () => {},
        }),
      ),
    )
    .join('')
  document.body.replaceChildren(root)
  return root
}

describe('sections with marks, lists, quotes and rows', () => {
  let marked: Section[]
  let markedRoot: HTMLElement
  let markedNodes: SectionNode[]
  const ARTICLE = () => marked.map((s) => s.text).join('\n')
  const element = (id: string) => markedRoot.querySelector<HTMLElement>(`[data-section-id="${id}"]`)!

  beforeEach(() => {
    marked = laidOut()
    markedRoot = renderBlocks(marked)
    markedNodes = collectSectionNodes(markedRoot, marked)
  })

  it('renders each mark as its element, and the element’s text is exactly the section’s', () => {
    const first = element('m1')
    expect(first.querySelector('a')?.getAttribute('href')).toBe('https://example.org/manual')
    expect(first.querySelector('a')?.getAttribute('target')).toBe('_blank')
    // em overlaps strong: split where strong begins, inside it after
    expect([...first.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['fine ', 'manual'])
    expect(first.querySelector('strong')?.textContent).toBe('manual before')
    expect(element('m2').tagName).toBe('LI')
    expect(element('m2').closest('ol')).not.toBeNull()
    expect(element('m2').getAttribute('value')).toBe('3')
    expect(element('m2').querySelector('code')?.textContent).toBe('run()')
    expect(element('m3').querySelectorAll('.section-cell')).toHaveLength(2)
    expect(element('m3').className).toContain('section-table-header')
    expect(element('m4').tagName).toBe('BLOCKQUOTE')
    expect(element('m4').querySelector('sup')?.textContent).toBe('2')
    expect(element('m5').childNodes).toHaveLength(1)
    for (const s of marked) expect(element(s.id).textContent).toBe(s.text)
    // the picture sits outside the text: its alt and address are not section text
    expect(markedRoot.querySelector('.section-picture')?.textContent).toContain('A chart')
    expect(element('m2').textContent).not.toContain('chart')
  })

  it('gives every text node its article offset', () => {
    const first = markedNodes.filter((n) => n.section.id === 'm1')
    expect(first.length).toBeGreaterThan(3)
    for (const n of markedNodes) expect(ARTICLE().slice(n.start, n.start + n.node.length)).toBe(n.node.data)
  })

  it('maps a selection across an <em> boundary to the exact words', () => {
    const the = element('m1').firstChild!.nextSibling as Text // " the " after the link
    const em = element('m1').querySelector('em')!.firstChild as Text // "fine "
    expect(em.data).toBe('fine ')
    const offsets = rangeToOffsets(range([the, 1], [em, 4]), markedNodes, ARTICLE().length)
    expect(ARTICLE().slice(offsets!.start, offsets!.end)).toBe('the fine')
    // into the strong inside the em, and out of it
    const before = element('m1').querySelector('strong')!.lastChild as Text // ' before'
    const across = rangeToOffsets(range([em, 0], [before, 4]), markedNodes, ARTICLE().length)
    expect(ARTICLE().slice(across!.start, across!.end)).toBe('fine manual bef')
    expect(snapToWords(across!, marked)).toEqual({ start: across!.start, end: across!.end + 3 })
  })

  it('maps points between elements (not in a text node) to the offset there', () => {
    const p = element('m1')
    const em = p.querySelector('em')!
    // before the first <em>'s text, and just after it: 'fine '
    expect(rangeToOffsets(range([em, 0], [em, em.childNodes.length]), markedNodes, ARTICLE().length)).toEqual(
      { start: 9, end: 14 },
    )
    // the whole element
    expect(rangeToOffsets(range([p, 0], [p, p.childNodes.length]), markedNodes, ARTICLE().length)).toEqual({
      start: 0,
      end: marked[0]!.text.length,
    })
  })

  it('round-trips every span of a marked section through ranges and back', () => {
    const s = marked[0]!
    for (let a = s.start; a < s.end; a++)
      for (let b = a + 1; b <= s.end; b++) {
        const ranges = offsetsToRanges(a, b, markedNodes)
        expect(ranges).toHaveLength(1)
        expect(ranges[0]!.toString()).toBe(ARTICLE().slice(a, b))
        expect(rangeToOffsets(ranges[0]!, markedNodes, ARTICLE().length)).toEqual({ start: a, end: b })
      }
  })

  it('gives one range per section across marked sections, cells and their hidden gaps', () => {
    const from = marked[1]!.start + 5 // "run() twice"
    const to = marked[3]!.start + 7 // "E = mc2"
    const ranges = offsetsToRanges(from, to, markedNodes)
    expect(ranges.map((r) => r.toString())).toEqual(['run() twice', 'Name | Age', 'E = mc2'])
    const age = element('m3').querySelectorAll('.section-cell')[1]!.firstChild as Text
    expect(rangeToOffsets(range([age, 0], [age, 3]), markedNodes, ARTICLE().length)).toEqual({
      start: marked[2]!.start + 7,
      end: marked[2]!.start + 10,
    })
  })

  it('snaps a selection that starts in a picture’s note to the section’s text', () => {
    const note = markedRoot.querySelector('.section-picture')!.firstChild!.firstChild!
    const end = element('m2').lastChild as Text
    const offsets = rangeToOffsets(range([note, 2], [end, end.length]), markedNodes, ARTICLE().length)
    expect(ARTICLE().slice(offsets!.start, offsets!.end)).toBe('Call run() twice')
  })
})

describe('inlineTree', () => {
  it('drops a link whose target is not http(s) or mailto, and marks of one type that overlap', () => {
    const tree = inlineTree('click here now', {
      marks: [
        { type: 'link', start: 0, end: 5, href: 'javascript:alert(1)' },
        { type: 'em', start: 0, end: 10 },
        { type: 'em', start: 6, end: 14 },
      ],
    })
    expect(tree).toEqual([
      {
        kind: 'mark',
        mark: { type: 'em', start: 0, end: 10 },
        children: [{ kind: 'text', text: 'click here' }],
      },
      { kind: 'text', text: ' now' },
    ])
  })

  it('clamps marks to the text and keeps text outside every cell as a gap', () => {
    const tree = inlineTree('a | b', {
      block: {
        type: 'row',
        header: false,
        cells: [
          [0, 1],
          [4, 9],
        ],
      },
      marks: [{ type: 'strong', start: 3, end: 40 }],
    })
    expect(tree.map((n) => n.kind)).toEqual(['cell', 'gap', 'cell'])
    expect(JSON.stringify(tree)).toContain('"strong"')
    expect(inlineTree('', { marks: [{ type: 'em', start: 0, end: 3 }] })).toEqual([])
  })
})
