import { describe, expect, it, vi } from 'vitest'
import { operationNames } from '../shared/contract'
import { createGlossApi, createShellMethods, isShellEvent, unwrapReply } from './api'

describe('createGlossApi', () => {
  it('has one function per operation and nothing else, frozen', () => {
    const api = createGlossApi(vi.fn(), operationNames)
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort())
    expect(Object.isFrozen(api)).toBe(true)
    for (const name of operationNames) expect(typeof api[name]).toBe('function')
  })

  it('invokes with the name and input and resolves with the value', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: [{ id: 'a1' }] }))
    const api = createGlossApi(invoke, operationNames)
    await expect(api.listArticles({})).resolves.toEqual([{ id: 'a1' }])
    expect(invoke).toHaveBeenCalledWith('listArticles', {})
    await api.getArticle({ id: 'a1' })
    expect(invoke).toHaveBeenLastCalledWith('getArticle', { id: 'a1' })
  })

  it('rejects with plain GlossErrorData (which survives contextBridge)', async () => {
    const api = createGlossApi(
      async () => ({
        ok: false,
        error: { code: 'invalid_input', message: 'getArticle: id: article id is required', field: 'id' },
      }),
      operationNames,
    )
    const error = await api.getArticle({ id: '' }).catch((e: unknown) => e)
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'getArticle: id: article id is required',
      field: 'id',
    })
    expect(error).not.toBeInstanceOf(Error)
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype)
  })

  it('turns a failed channel into an internal error', async () => {
    const api = createGlossApi(async () => {
      throw new Error("Error invoking remote method 'gloss:invoke': no handler")
    }, operationNames)
    await expect(api.listTags({})).rejects.toEqual({
      code: 'internal',
      message: "listTags: Error invoking remote method 'gloss:invoke': no handler",
    })
  })
})

describe('unwrapReply', () => {
  it('refuses anything that is not a reply', () => {
    for (const reply of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: 'nope' }]) {
      expect(() => unwrapReply(reply)).toThrow(
        expect.objectContaining({ code: 'internal' }) as unknown as Error,
      )
    }
    expect(unwrapReply({ ok: true, value: null })).toBeNull()
  })
})

describe('isShellEvent', () => {
  it('accepts the event types of the shell and nothing else', () => {
    expect(isShellEvent({ type: 'command', command: 'search' })).toBe(true)
    expect(isShellEvent({ type: 'imported', results: [] })).toBe(true)
    expect(isShellEvent({ type: 'import-failed', message: 'x' })).toBe(true)
    expect(isShellEvent({ type: 'theme', theme: 'dark' })).toBe(true)
    expect(isShellEvent({ type: 'eval', code: 'alert(1)' })).toBe(false)
    expect(isShellEvent(null)).toBe(false)
    expect(isShellEvent('command')).toBe(false)
  })
})

describe('createShellMethods', () => {
  const channels = { saveExport: 'gloss:save-export', backup: 'gloss:backup' }

  it('sends the request on its own channel and resolves with the file, or null when cancelled', async () => {
    const invoke = vi.fn(async (): Promise<unknown> => ({ ok: true, value: { path: '/tmp/a.md', bytes: 3 } }))
    const shell = createShellMethods(invoke, channels)
    const request = { suggestedName: 'a.md', content: 'abc', mediaType: 'text/markdown' }
    await expect(shell.saveExport(request)).resolves.toEqual({ path: '/tmp/a.md', bytes: 3 })
    expect(invoke).toHaveBeenCalledWith('gloss:save-export', request)
    invoke.mockResolvedValueOnce({ ok: true, value: null })
    await expect(shell.backupNotebook()).resolves.toBeNull()
    expect(invoke).toHaveBeenLastCalledWith('gloss:backup')
  })

  it('rejects with plain GlossErrorData', async () => {
    const shell = createShellMethods(
      async () => ({ ok: false, error: { code: 'file_exists', message: 'taken', field: 'path' } }),
      channels,
    )
    await expect(shell.backupNotebook()).rejects.toEqual({
      code: 'file_exists',
      message: 'taken',
      field: 'path',
    })
    const broken = createShellMethods(async () => {
      throw new Error('no handler')
    }, channels)
    await expect(broken.saveExport({ suggestedName: 'a', content: '', mediaType: 'x' })).rejects.toEqual({
      code: 'internal',
      message: 'saveExport: no handler',
    })
  })
})
