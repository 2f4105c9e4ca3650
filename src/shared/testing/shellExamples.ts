/**
 * One valid example of every shell event and call, typed from the lists in ../shell.ts: an
 * entry added there without an example here is a compile error, so the tests that walk these
 * (shared, preload, renderer) cover it.
 */
import type { ImportResult } from '../model'
import type { ShellCallInput, ShellCallName, ShellCallOutput, ShellEventOf, ShellEventType } from '../shell'

export const importResult = {
  article: { id: 'a1', title: 'The story of Trump and Kim' },
  duplicate: false,
  message: 'Imported “The story of Trump and Kim”',
} as unknown as ImportResult

export const eventExamples: { [K in ShellEventType]: ShellEventOf<K> } = {
  command: { type: 'command', command: 'search' },
  imported: { type: 'imported', results: [importResult] },
  'import-failed': { type: 'import-failed', message: 'Import failed: bad.md: The file is empty' },
  restored: { type: 'restored', message: 'Restored from “backup.db”.' },
  theme: { type: 'theme', theme: 'dark' },
}

/** Events of a listed type whose payload is wrong. */
export const badEventExamples: { [K in ShellEventType]: unknown } = {
  command: { type: 'command', command: 'eval' },
  imported: { type: 'imported', results: [{ article: null }] },
  'import-failed': { type: 'import-failed', message: 42 },
  restored: { type: 'restored' },
  theme: { type: 'theme', theme: 'sepia' },
}

export const callExamples: {
  [K in ShellCallName]: {
    args: ShellCallInput<K> extends undefined ? [] : [ShellCallInput<K>]
    reply: ShellCallOutput<K>
  }
} = {
  saveExport: {
    args: [{ scope: { kind: 'note', id: 'n1' }, format: 'md', suggestedName: 'A note.md' }],
    reply: { path: '/tmp/A note.md', bytes: 3 },
  },
  importDropped: {
    args: [{ paths: ['/tmp/a.md', '/tmp/b.txt'] }],
    reply: [
      {
        ok: true,
        result: { article: { id: 'a1', title: 'A' }, duplicate: false, message: 'Imported “A”.' },
      } as ShellCallOutput<'importDropped'>[number],
      { ok: false, file: 'b.txt', message: 'Cannot import "b.txt": it is empty.' },
    ],
  },
  backupNotebook: { args: [], reply: { path: '/tmp/Gloss backup.db', bytes: 4096 } },
}
