import { useCallback, useEffect, useMemo, useState } from 'react'

export type ThemePreference = 'light' | 'dark' | 'system'
const KEY = 'gloss-theme'

function stored(): ThemePreference {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/**
 * Follows the system (prefers-color-scheme, in CSS) unless the user picked one. A desktop
 * shell may push the system theme itself; that counts as "system".
 */
export function useTheme() {
  const [preference, setPreference] = useState<ThemePreference>(stored)
  const [shellTheme, setShellTheme] = useState<'light' | 'dark' | null>(null)

  useEffect(() => {
    const root = document.documentElement
    const applied = preference === 'system' ? shellTheme : preference
    if (applied) root.dataset.theme = applied
    else delete root.dataset.theme
    try {
      if (preference === 'system') localStorage.removeItem(KEY)
      else localStorage.setItem(KEY, preference)
    } catch {
      // preference lasts for this session only
    }
  }, [preference, shellTheme])

  const choose = useCallback((theme: ThemePreference) => setPreference(theme), [])
  return useMemo(() => ({ preference, choose, setShellTheme }), [preference, choose])
}

export type Theme = ReturnType<typeof useTheme>
