import { useEffect, useRef } from 'react'
import type { ShellEvent } from '../../../shared/shell'
import type { GlossContextValue } from './context'

/** Menu commands and native imports pushed by the desktop shell (none in the browser). */
export function useShellEvents(gloss: GlossContextValue) {
  const ref = useRef(gloss)
  ref.current = gloss

  useEffect(() => {
    const shell = window.glossShell
    if (!shell) return
    const restored = sessionStorage.getItem('gloss-restored')
    if (restored) {
      sessionStorage.removeItem('gloss-restored')
      ref.current.feedback.notify(restored)
    }
    return shell.onEvent((event: ShellEvent) => {
      const { ui, layout, commands, notebook, feedback, theme } = ref.current
      switch (event.type) {
        case 'command':
          switch (event.command) {
            case 'import':
              return commands.pickFile()
            case 'toggle-library':
              return layout.toggleLeft()
            case 'toggle-excerpts':
              return layout.toggleRight()
            case 'command-palette':
              return ui.openDialog('palette')
            case 'search':
              return ui.openDialog('search')
            case 'new-note':
              return void commands.newNote()
            case 'export':
              return ui.openDialog('export')
            case 'backup':
              return void commands.backup()
          }
          return
        case 'imported':
          return void notebook.afterImport(event.results)
        case 'import-failed':
          return feedback.notify(event.message, { kind: 'error' })
        case 'restored':
          // every list and article on screen is from the old notebook: start afresh
          sessionStorage.setItem('gloss-restored', event.message)
          return window.location.reload()
        case 'theme':
          return theme.setShellTheme(event.theme)
      }
    })
  }, [])
}
