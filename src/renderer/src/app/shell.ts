import { useEffect, useRef } from 'react'
import {
  handleShellEvent,
  type ShellCommand,
  type ShellEvent,
  type ShellEventHandlers,
} from '../../../shared/shell'
import type { GlossContextValue } from '../state/glossContext'

/** Carries a restore's message across the reload it causes. */
const RESTORED_KEY = 'gloss-restored'

/** What the handlers need of the page itself (a stand-in in tests). */
export interface ShellPage {
  /** start afresh on the restored notebook, then show `message` */
  reloadWith(message: string): void
}

/** The renderer's side of the bridge: one handler per event that shared/shell.ts lists. */
export function shellEventHandlers(
  gloss: Pick<GlossContextValue, 'ui' | 'panes' | 'commands' | 'stores' | 'feedback' | 'theme'>,
  page: ShellPage,
): ShellEventHandlers {
  const { ui, panes, commands, stores, feedback, theme } = gloss
  const run: Record<ShellCommand, () => void> = {
    import: () => commands.pickFile(),
    'toggle-library': () => panes.toggleLeft(),
    'toggle-excerpts': () => panes.toggleRight(),
    'command-palette': () => ui.openDialog('palette'),
    search: () => ui.openDialog('search'),
    'new-note': () => void commands.newNote(),
    export: () => ui.openDialog('export'),
    backup: () => void commands.backup(),
  }
  return {
    command: (event) => run[event.command](),
    imported: (event) => void stores.afterImport(event.results),
    'import-failed': (event) => feedback.notify(event.message, { kind: 'error' }),
    // every list and article on screen is from the old notebook
    restored: (event) => page.reloadWith(event.message),
    theme: (event) => theme.setShellTheme(event.theme),
  }
}

const browserPage: ShellPage = {
  reloadWith(message) {
    sessionStorage.setItem(RESTORED_KEY, message)
    window.location.reload()
  },
}

/** Menu commands, native imports and restores pushed by the desktop shell (none in the browser). */
export function useShellEvents(gloss: GlossContextValue) {
  const ref = useRef(gloss)
  ref.current = gloss

  useEffect(() => {
    const shell = window.glossShell
    if (!shell) return
    const restored = sessionStorage.getItem(RESTORED_KEY)
    if (restored) {
      sessionStorage.removeItem(RESTORED_KEY)
      ref.current.feedback.notify(restored)
    }
    return shell.onEvent((event: ShellEvent) =>
      handleShellEvent(shellEventHandlers(ref.current, browserPage), event),
    )
  }, [])
}
