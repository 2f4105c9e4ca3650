import { describe, expect, it, vi } from 'vitest'
import { handleShellEvent, SHELL_COMMANDS, shellEventTypes, type ShellEvent } from '../../../shared/shell'
import { eventExamples, importResult } from '../../../shared/testing/shellExamples'
import { shellEventHandlers } from './shell'

function stubs() {
  const gloss = {
    ui: { openDialog: vi.fn() },
    panes: { toggleLeft: vi.fn(), toggleRight: vi.fn() },
    commands: {
      pickFile: vi.fn(),
      newNote: vi.fn(async () => undefined),
      backup: vi.fn(async () => undefined),
    },
    stores: { afterImport: vi.fn(async () => undefined) },
    feedback: { notify: vi.fn() },
    theme: { setShellTheme: vi.fn() },
  }
  const page = { reloadWith: vi.fn() }
  const handlers = shellEventHandlers(gloss as unknown as Parameters<typeof shellEventHandlers>[0], page)
  const send = (event: ShellEvent) => handleShellEvent(handlers, event)
  return { gloss, page, handlers, send }
}

describe('shellEventHandlers', () => {
  it('has a handler for every event the bridge lists', () => {
    expect(Object.keys(stubs().handlers).sort()).toEqual([...shellEventTypes].sort())
  })

  it('reloads the page on a restore, carrying its message', () => {
    const { page, send } = stubs()
    send(eventExamples.restored)
    expect(page.reloadWith).toHaveBeenCalledExactlyOnceWith(eventExamples.restored.message)
  })

  it('refreshes after a native import, reports a failed one, follows the theme', () => {
    const { gloss, send } = stubs()
    send(eventExamples.imported)
    expect(gloss.stores.afterImport).toHaveBeenCalledWith([importResult])
    send(eventExamples['import-failed'])
    expect(gloss.feedback.notify).toHaveBeenCalledWith(eventExamples['import-failed'].message, {
      kind: 'error',
    })
    send(eventExamples.theme)
    expect(gloss.theme.setShellTheme).toHaveBeenCalledWith('dark')
  })

  it('runs every menu command', () => {
    const { gloss, send } = stubs()
    for (const command of SHELL_COMMANDS) send({ type: 'command', command })
    expect(gloss.commands.pickFile).toHaveBeenCalledOnce()
    expect(gloss.commands.newNote).toHaveBeenCalledOnce()
    expect(gloss.commands.backup).toHaveBeenCalledOnce()
    expect(gloss.panes.toggleLeft).toHaveBeenCalledOnce()
    expect(gloss.panes.toggleRight).toHaveBeenCalledOnce()
    expect(gloss.ui.openDialog.mock.calls.map(([name]) => name).sort()).toEqual([
      'export',
      'palette',
      'search',
    ])
  })
})
