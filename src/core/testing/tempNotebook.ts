/** Test helpers: a real notebook in a fresh temp folder, and a row count of every table. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '../../shared/dispatch'
import type { InputOf, OperationName, OutputOf } from '../../shared/contract'
import { openNotebook, type Notebook, type NotebookOptions } from '../notebook'
import type { Db } from '../store/open'

export interface TempNotebook {
  dir: string
  path: string
  notebook: Notebook
  /** validated call through the contract, as every shell makes it */
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>
  reopen(): void
  cleanup(): void
}

export function tempDir(prefix = 'gloss-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openTempNotebook(options: Partial<NotebookOptions> = {}): TempNotebook {
  const dir = tempDir()
  const path = join(dir, 'gloss.db')
  const state = {} as TempNotebook
  const open = () => {
    state.notebook = openNotebook({ path, ...options })
    const dispatch = createDispatcher(state.notebook.handlers)
    state.call = async (name, input) => (await dispatch(name, input)) as never
  }
  open()
  Object.assign(state, {
    dir,
    path,
    reopen() {
      state.notebook.close()
      open()
    },
    cleanup() {
      state.notebook.close()
      rmSync(dir, { recursive: true, force: true })
    },
  })
  return state
}

/** Row counts of every table: proof that a refused operation changed nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  )
}

/** An article's stored text (getArticle sends it only as its sections). */
export function articleText(db: Db, id: string): string {
  return db.prepare(`SELECT text FROM articles WHERE id = ?`).pluck().get(id) as string
}
