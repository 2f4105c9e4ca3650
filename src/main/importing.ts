/** Import files through the contract and say what happened as shell events. Pure: no Electron import. */
import { basename } from 'node:path'
import type { ImportResult } from '../shared/model'
import type { ShellEvent } from '../shared/shell'
import { invokeOperation, type NotebookDispatch } from './invoke'

/**
 * Imports each path in turn (the notebook serializes writes anyway) and returns at most
 * two events: `imported` with every success, `import-failed` naming each failure.
 */
export async function importFiles(
  paths: readonly string[],
  dispatch: NotebookDispatch,
): Promise<ShellEvent[]> {
  const results: ImportResult[] = []
  const failures: string[] = []
  for (const path of paths) {
    const reply = await invokeOperation('importFile', { path }, dispatch)
    if (reply.ok) results.push(reply.value as ImportResult)
    else {
      const name = basename(path)
      // the core's messages usually name the file already
      failures.push(
        reply.error.message.includes(name) ? reply.error.message : `${name}: ${reply.error.message}`,
      )
    }
  }
  const events: ShellEvent[] = []
  if (results.length > 0) events.push({ type: 'imported', results })
  if (failures.length > 0) {
    const message =
      failures.length === 1
        ? `Import failed: ${failures[0]}`
        : `${failures.length} files could not be imported:\n${failures.join('\n')}`
    events.push({ type: 'import-failed', message })
  }
  return events
}
