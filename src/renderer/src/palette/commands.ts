import { useMemo } from 'react'
import { useGloss } from '../state/glossContext'
import { useArticles, useOpenArticle } from '../state/hooks'

export interface Command {
  id: string
  label: string
  /** written as 'Mod+Shift+F'; shown per platform */
  shortcut?: string
  run: () => void
}

/** Every action the app offers, for the command palette (and the shell's menu). */
export function useCommands(): Command[] {
  const { ui, panes, theme, actions, commands, stores } = useGloss()
  const articles = useArticles().list
  const { article } = useOpenArticle()
  return useMemo(() => {
    const list: Command[] = [
      { id: 'import', label: 'Import file…', run: commands.pickFile },
      { id: 'paste', label: 'Paste article…', run: () => ui.openPaste() },
      { id: 'import-url', label: 'Import from URL…', run: () => ui.openDialog('importUrl') },
      { id: 'search', label: 'Search', shortcut: 'Mod+Shift+F', run: () => ui.openDialog('search') },
      {
        id: 'toggle-library',
        label: panes.layout.leftCollapsed ? 'Show library' : 'Hide library',
        shortcut: 'Mod+B',
        run: panes.toggleLeft,
      },
      {
        id: 'toggle-excerpts',
        label: panes.layout.rightCollapsed ? 'Show excerpts panel' : 'Hide excerpts panel',
        shortcut: 'Mod+Shift+E',
        run: panes.toggleRight,
      },
      {
        id: 'show-tags',
        label: 'Show tags',
        run: () => {
          ui.setLeftTab('tags')
          panes.showLeft()
        },
      },
      {
        id: 'show-notes',
        label: 'Show notes',
        run: () => {
          ui.setRightTab('notes')
          panes.showRight()
        },
      },
      { id: 'new-note', label: 'New note', run: () => void commands.newNote() },
      { id: 'export', label: 'Export…', shortcut: 'Mod+E', run: () => ui.openDialog('export') },
      { id: 'backup', label: 'Back up notebook…', run: () => void commands.backup() },
      { id: 'undo', label: 'Undo', shortcut: 'Mod+Z', run: () => void actions.undo() },
      { id: 'redo', label: 'Redo', shortcut: 'Mod+Shift+Z', run: () => void actions.redo() },
      { id: 'theme-light', label: 'Theme: light', run: () => theme.choose('light') },
      { id: 'theme-dark', label: 'Theme: dark', run: () => theme.choose('dark') },
      { id: 'theme-system', label: 'Theme: follow the system', run: () => theme.choose('system') },
    ]
    const hidden = article?.sections.filter((s) => s.kind === 'quarantined') ?? []
    if (article && hidden.length > 0) {
      list.push(
        {
          id: 'toggle-hidden',
          label: ui.showHidden ? 'Hide hidden sections' : 'Show hidden sections',
          run: () => ui.setShowHidden(!ui.showHidden),
        },
        {
          id: 'restore-all',
          label: 'Restore all hidden sections',
          run: () =>
            void actions.restoreSections(
              article.id,
              hidden.map((s) => s.id),
              true,
            ),
        },
      )
    }
    if (article) {
      list.push(
        {
          id: 'show-review',
          label: article.reviewCount > 0 ? `Review queue (${article.reviewCount})` : 'Review queue',
          run: () => {
            ui.setRightTab('review')
            panes.showRight()
          },
        },
        {
          id: 'delete-article',
          label: `Move “${article.title}” to the trash`,
          run: () => void actions.deleteArticle(article),
        },
      )
      for (const s of article.sections) {
        if (s.kind === 'quarantined') continue
        const words = s.text.length > 48 ? `${s.text.slice(0, 48).trimEnd()}…` : s.text
        list.push({
          id: `hide-${s.id}`,
          label: `Hide ¶${s.ordinal}: ${words}`,
          run: () => void actions.hideSections(article.id, [s.id]),
        })
      }
    }
    for (const a of articles) {
      list.push({ id: `open-${a.id}`, label: `Open: ${a.title}`, run: () => void stores.article.open(a.id) })
    }
    return list
  }, [ui, panes, theme, actions, commands, stores, articles, article])
}
