/** Shell preferences kept in userData/preferences.json (the theme). Node only; no Electron import. */
import { readJsonFile, writeJsonFileAtomic } from './json-file'

const THEME_SOURCES = ['system', 'light', 'dark'] as const
export type ThemeSource = (typeof THEME_SOURCES)[number]

export interface Preferences {
  theme: ThemeSource
}

const DEFAULT_PREFERENCES: Preferences = Object.freeze({ theme: 'system' })

export function parsePreferences(value: unknown): Preferences {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_PREFERENCES }
  const theme = (value as { theme?: unknown }).theme
  return {
    theme: THEME_SOURCES.includes(theme as ThemeSource) ? (theme as ThemeSource) : DEFAULT_PREFERENCES.theme,
  }
}

export function loadPreferences(file: string): Preferences {
  return parsePreferences(readJsonFile(file))
}

export function savePreferences(file: string, preferences: Preferences): void {
  writeJsonFileAtomic(file, preferences)
}
