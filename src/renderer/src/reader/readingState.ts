import { load, save } from '../state/storage'

/**
 * What the reader remembers on this device: where each article was left (the section at the
 * top of the pane and how far it was scrolled past) and the reading settings.
 */
export interface ReadingPosition {
  sectionId: string
  /** px of that section above the pane's top */
  past: number
}

const positionKey = (articleId: string) => `gloss.reading.${articleId}`

export function loadPosition(articleId: string): ReadingPosition | null {
  const saved = load<Partial<ReadingPosition>>(positionKey(articleId), {})
  return typeof saved.sectionId === 'string' && typeof saved.past === 'number'
    ? { sectionId: saved.sectionId, past: saved.past }
    : null
}

export function savePosition(articleId: string, position: ReadingPosition): void {
  save(positionKey(articleId), position)
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
