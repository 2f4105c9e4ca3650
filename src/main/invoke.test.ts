import { describe, expect, it, vi } from 'vitest'
import { contract, type Handlers } from '../shared/contract'
import { createDispatcher } from '../shared/dispatch'
import { GlossError } from '../shared/errors'
import type { ImportResult } from '../shared/model'
import { importFiles } from './importing'
import { invokeOperation, REFUSED_SENDER, refusePathFromPage } from './invoke'

describe('invokeOperation', () => {
  it('forwards the input as sent and wraps the value', async () => {
    const dispatch = vi.fn(async () => [{ id: 's1' }])
    const reply = await invokeOperation('listSections', { articleId: 'a1' }, dispatch)
    expect(reply).toEqual({ ok: true, value: [{ id: 's1' }] })
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('listSections', { articleId: 'a1' })
  })

  it('leaves validation to the dispatcher behind it, which parses the input exactly once', async () => {
    const listSections = vi.fn(async (input: unknown) => [input])
    const handlers = { listSections } as unknown as Handlers
    const parse = vi.spyOn(contract.listSections.input, 'safeParse')
    const reply = await invokeOperation('listSections', { articleId: 'a1' }, createDispatcher(handlers))
    // defaults applied by the one parse
    expect(reply).toEqual({ ok: true, value: [{ articleId: 'a1', includeQuarantined: false }] })
    expect(parse).toHaveBeenCalledTimes(1)
    parse.mockRestore()
  })

  it('refuses unknown names without calling the notebook', async () => {
    const dispatch = vi.fn()
    for (const name of ['dropTables', '__close', 'constructor', 'toString', 42, null]) {
      const reply = await invokeOperation(name, {}, dispatch)
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'operation' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('returns invalid input as the dispatcher reports it, naming the field', async () => {
    const getArticle = vi.fn()
    const dispatch = createDispatcher({ getArticle } as unknown as Handlers)
    const reply = await invokeOperation('getArticle', { id: '' }, dispatch)
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'getArticle: id: article id is required', field: 'id' },
    })
    expect(await invokeOperation('getArticle', { id: 'a', extra: 1 }, dispatch)).toMatchObject({ ok: false })
    expect(getArticle).not.toHaveBeenCalled()
  })

  it('returns notebook errors as data', async () => {
    const notFound = await invokeOperation('getArticle', { id: 'x' }, async () => {
      throw new GlossError('not_found', 'No article x')
    })
    expect(notFound).toEqual({ ok: false, error: { code: 'not_found', message: 'No article x' } })
    const crash = await invokeOperation('getArticle', { id: 'x' }, async () => {
      throw new TypeError('boom')
    })
    expect(crash).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } })
  })

  it('has a frozen refusal for untrusted senders', () => {
    expect(REFUSED_SENDER.ok).toBe(false)
    expect(Object.isFrozen(REFUSED_SENDER)).toBe(true)
  })
})

describe('importFiles', () => {
  const result = (title: string) =>
    ({ article: { title }, duplicate: false, message: `Imported ${title}` }) as unknown as ImportResult

  it('imports each file and reports successes and failures as two events', async () => {
    const dispatch = vi.fn(async (_name: string, input: unknown) => {
      const { path } = input as { path: string }
      if (path.endsWith('bad.md')) throw new GlossError('bad_file', 'The file is empty')
      return result(path)
    })
    const events = await importFiles(['/x/one.md', '/x/bad.md', '/x/two.txt'], dispatch)
    expect(dispatch.mock.calls.map((call) => call[0])).toEqual(['importFile', 'importFile', 'importFile'])
    expect(events).toEqual([
      { type: 'imported', results: [result('/x/one.md'), result('/x/two.txt')] },
      { type: 'import-failed', message: 'Import failed: bad.md: The file is empty' },
    ])
  })

  it('lists every failure', async () => {
    const events = await importFiles(['/x/a.md', '/x/b.md'], async (_name, input) => {
      const { path } = input as { path: string }
      throw new GlossError(
        'bad_file',
        path.endsWith('a.md') ? 'nope' : 'Cannot import "b.md": the file is empty.',
      )
    })
    expect(events).toEqual([
      {
        type: 'import-failed',
        message: '2 files could not be imported:\na.md: nope\nCannot import "b.md": the file is empty.',
      },
    ])
  })

  it('says nothing for nothing', async () => {
    expect(await importFiles([], vi.fn())).toEqual([])
  })
})

describe('refusePathFromPage', () => {
  it('refuses every operation that names a file on disk, naming the field', () => {
    const requests: Array<[string, Record<string, unknown>]> = [
      ['importFile', { path: '/etc/passwd' }],
      ['importNotebook', { path: '/home/me/notebook.json' }],
      ['export', { scope: { kind: 'notebook' }, format: 'md', path: '/tmp/out' }],
      ['backupNotebook', { path: '/tmp/copy.db' }],
      ['restoreNotebook', { path: '/tmp/old.db' }],
    ]
    for (const [name, input] of requests) {
      const reply = refusePathFromPage(name, input)
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } })
      expect(reply!.ok === false && reply!.error.message).toMatch(new RegExp(`^${name}: the desktop window`))
    }
  })

  it('lets through the same operations without a path, and every other operation', () => {
    expect(refusePathFromPage('importNotebook', { document: { format: 'gloss-notebook' } })).toBeNull()
    expect(refusePathFromPage('importContent', { content: 'x', path: 'ignored' })).toBeNull()
    expect(refusePathFromPage('listArticles', {})).toBeNull()
    expect(refusePathFromPage('importFile', undefined)).toBeNull() // the worker refuses it as invalid
    for (const name of Object.keys(contract)) {
      if (!['importFile', 'importNotebook', 'export', 'backupNotebook', 'restoreNotebook'].includes(name))
        expect(refusePathFromPage(name, { path: '/x' }), name).toBeNull()
    }
  })
})
