/** What the page's markup says around a block: the classes of its containers, its links. */
import { classWords } from '../htmlSections'

/** What each block is found to be: its chrome reason, or a caption. */
export interface BlockVerdict {
  reason?: string
  caption?: boolean
  /** a reason too weak alone (a bare "Comments" heading), for the run rules to confirm */
  weak?: string
}

/** How far up from a block its containers are read (bounded: pages nest hundreds deep). */
const LEVELS = 10

/** The words of class, id and itemprop names: "c-newsletter__signup-form" → newsletter, signup, form. */
const wordsOf = new WeakMap<Element, string[]>()
const split = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
/**
 * The words of an element's class and itemprop names, and of its id when the id is a name
 * ("comments", "related-posts") rather than a heading's slug ("dont-indent-strings-in-comments").
 */
export function nameWords(el: Element): string[] {
  let words = wordsOf.get(el)
  if (words === undefined) {
    words = split(classWords(el))
    const id = split(el.id)
    if (id.length > 0 && id.length <= 3 && !/^H[1-6]$/i.test(el.tagName)) words.push(...id)
    wordsOf.set(el, words)
  }
  return words
}

const lengthOf = new WeakMap<Element, number>()
/** Characters of text in an element (remembered: containers are asked about again and again). */
export function textLength(el: Element): number {
  let n = lengthOf.get(el)
  if (n === undefined) {
    n = (el.textContent ?? '').length
    lengthOf.set(el, n)
  }
  return n
}

/** The block's element and its containers up to (not including) the content root, nearest first. */
export function containers(el: Element, root: Element, levels = LEVELS): Element[] {
  const out: Element[] = []
  let node: Element | null = el
  for (let i = 0; node !== null && node !== root && i < levels; i++, node = node.parentElement) out.push(node)
  return out
}

/** The nearest container (the element itself included) named with one of `words`, or null. */
export function namedContainer(
  el: Element,
  root: Element,
  words: Set<string>,
  levels = LEVELS,
): Element | null {
  for (const node of containers(el, root, levels)) {
    if (nameWords(node).some((w) => words.has(w))) return node
  }
  return null
}

/** The nearest container with one of `tags` (upper case), or null. */
export function tagContainer(el: Element, root: Element, tags: Set<string>, levels = LEVELS): Element | null {
  for (const node of containers(el, root, levels)) if (tags.has(node.tagName.toUpperCase())) return node
  return null
}

/** The share of an element's text inside links (0 for an element without text). */
export function linkShare(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length
  if (all === 0) return 0
  let linked = 0
  el.querySelectorAll('a').forEach((a) => {
    // nested links are not doubled: only outermost
    if (a.parentElement?.closest('a') === null || a.parentElement === null) {
      linked += (a.textContent ?? '').replace(/\s+/g, '').length
    }
  })
  if (el.tagName.toUpperCase() === 'A') linked = all
  else if (el.closest('a') !== null) linked = all
  return Math.min(1, linked / all)
}

export function wordCount(text: string): number {
  const t = text.trim()
  return t === '' ? 0 : t.split(/\s+/).length
}

/** The lowest element that holds both `a` and `b`. */
export function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>()
  for (let n: Element | null = a; n !== null; n = n.parentElement) seen.add(n)
  for (let n: Element | null = b; n !== null; n = n.parentElement) if (seen.has(n)) return n
  return null
}
