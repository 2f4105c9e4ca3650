import type { GlossApi } from '../../../shared/contract'
import type { ArticleDetail } from '../../../shared/model'
import { load, save } from '../state/storage'

/**
 * What the reader remembers: where each article was left (the section at the top of the pane
 * and how far it was scrolled past) in the notebook, so it survives a restart whatever the
 * port; the reading settings on this device (they suit a screen, not a notebook another machine
 * may open too).
 */
export interface ReadingPlace {
  sectionId: string
  /** px of that section above the pane's top */
  past: number
}

/** Writes to the notebook at most this often while scrolling. */
const WRITE_EVERY_MS = 1000

/** This session's places: newer than a getArticle answer fetched before the write landed. */
const remembered = new Map<string, ReadingPlace & { at: number }>()
const unwritten = new Map<string, ReadingPlace>()
let writeTimer: number | undefined
let lastWrite = 0
let writeOnHide: (() => void) | undefined

/** Before schema 12 the place lived in the page's storage: read once, then it moves to the notebook. */
const legacyKey = (articleId: string) => `gloss.reading.${articleId}`

function forgetLegacy(articleId: string): void {
  try {
    localStorage.removeItem(legacyKey(articleId))
  } catch {
    // storage disabled: nothing was kept there either
  }
}

export function loadPosition(article: ArticleDetail): ReadingPlace | null {
  const mine = remembered.get(article.id)
  const stored = article.readingPosition
  if (mine && (!stored || mine.at >= Date.parse(stored.updatedAt))) return mine
  if (stored) return { sectionId: stored.sectionId, past: stored.past }
  const legacy = load<Partial<ReadingPlace>>(legacyKey(article.id), {})
  return typeof legacy.sectionId === 'string' && typeof legacy.past === 'number'
    ? { sectionId: legacy.sectionId, past: legacy.past }
    : null
}

/** Remember the place now; the notebook hears of it within WRITE_EVERY_MS (the latest per article). */
export function savePosition(api: GlossApi, articleId: string, place: ReadingPlace): void {
  remembered.set(articleId, { ...place, at: Date.now() })
  unwritten.set(articleId, place)
  writeTimer ??= window.setTimeout(
    () => writePositions(api),
    Math.max(0, lastWrite + WRITE_EVERY_MS - Date.now()),
  )
  // a place taken in the last second before the window closes (or the tab is left) is written
  // then, not lost: the page is hidden before it unloads
  if (!writeOnHide) {
    writeOnHide = () => {
      if (document.visibilityState !== 'hidden' || writeTimer === undefined) return
      window.clearTimeout(writeTimer)
      writePositions(api)
    }
    document.addEventListener('visibilitychange', writeOnHide)
  }
}

function writePositions(api: GlossApi): void {
  writeTimer = undefined
  lastWrite = Date.now()
  for (const [articleId, place] of unwritten) {
    api
      .setReadingPosition({ articleId, ...place })
      .then(() => forgetLegacy(articleId))
      // a read-only notebook, or an article gone meanwhile: the place lasts for this session
      .catch(() => undefined)
  }
  unwritten.clear()
}

export const FONT_SIZES = [15, 16, 18, 20, 23] as const
export const LINE_WIDTHS = { narrow: '58ch', medium: '70ch', wide: '90ch' } as const
export type LineWidth = keyof typeof LINE_WIDTHS
export type Typeface = 'serif' | 'sans'

export interface ReadingSettings {
  fontSize: number
  lineWidth: LineWidth
  typeface: Typeface
}

const SETTINGS_KEY = 'gloss.readingSettings'
export const DEFAULT_SETTINGS: ReadingSettings = { fontSize: 18, lineWidth: 'medium', typeface: 'serif' }

export function loadSettings(): ReadingSettings {
  const saved = load<ReadingSettings>(SETTINGS_KEY, DEFAULT_SETTINGS)
  return {
    fontSize: (FONT_SIZES as readonly number[]).includes(saved.fontSize)
      ? saved.fontSize
      : DEFAULT_SETTINGS.fontSize,
    lineWidth: saved.lineWidth in LINE_WIDTHS ? saved.lineWidth : DEFAULT_SETTINGS.lineWidth,
    typeface: saved.typeface === 'sans' ? 'sans' : 'serif',
  }
}

export function saveSettings(settings: ReadingSettings): void {
  save(SETTINGS_KEY, settings)
}
