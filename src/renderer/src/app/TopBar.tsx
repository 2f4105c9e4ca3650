import { useSyncExternalStore } from 'react'
import { shortcutLabel } from '../common/dom'
import { useGloss } from '../state/glossContext'
import type { ThemePreference } from '../state/theme'
import { SyncButton } from '../sync/SyncButton'

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light theme' },
  { value: 'dark', label: 'Dark theme' },
]

export function TopBar() {
  const { panes, ui, theme, actions, undoStack } = useGloss()
  const undoState = useSyncExternalStore(
    (listener) => undoStack.subscribe(listener),
    () =>
      `${undoStack.canUndo}:${undoStack.canRedo}:${undoStack.nextUndoLabel ?? ''}:${undoStack.nextRedoLabel ?? ''}`,
  )
  const [canUndo, canRedo] = undoState.split(':').map((v) => v === 'true')
  return (
    <header className="topbar">
      <button
        type="button"
        className="small"
        aria-pressed={!panes.layout.leftCollapsed}
        title={`Show or hide the library (${shortcutLabel('Mod+B')})`}
        onClick={panes.toggleLeft}
      >
        Library
      </button>
      <span className="app-name">Gloss</span>
      <span className="topbar-spacer" />
      <SyncButton />
      <button
        type="button"
        className="small"
        disabled={!canUndo}
        title={`Undo ${undoStack.nextUndoLabel ?? ''} (${shortcutLabel('Mod+Z')})`}
        onClick={() => void actions.undo()}
      >
        Undo
      </button>
      <button
        type="button"
        className="small"
        disabled={!canRedo}
        title={`Redo ${undoStack.nextRedoLabel ?? ''} (${shortcutLabel('Mod+Shift+Z')})`}
        onClick={() => void actions.redo()}
      >
        Redo
      </button>
      <button type="button" className="small" onClick={() => ui.openDialog('search')}>
        Search <kbd>{shortcutLabel('Mod+Shift+F')}</kbd>
      </button>
      <button type="button" className="small" onClick={() => ui.openDialog('palette')}>
        Commands <kbd>{shortcutLabel('Mod+K')}</kbd>
      </button>
      <select
        aria-label="Theme"
        className="theme-select"
        value={theme.preference}
        onChange={(e) => theme.choose(e.target.value as ThemePreference)}
      >
        {THEMES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small"
        aria-pressed={!panes.layout.rightCollapsed}
        title={`Show or hide the excerpts panel (${shortcutLabel('Mod+Shift+E')})`}
        onClick={panes.toggleRight}
      >
        Excerpts
      </button>
    </header>
  )
}
