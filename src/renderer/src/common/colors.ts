import { EXCERPT_COLORS, type ExcerptColor } from '../../../shared/model'

export { EXCERPT_COLORS }
export type { ExcerptColor }

export const COLOR_LABELS: Record<ExcerptColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
}

/** CSS custom property holding a highlight color (defined per theme in app/theme.css). */
export const colorVar = (color: ExcerptColor) => `var(--hl-${color})`
