import { describe, expect, it, vi } from 'vitest'
import { operationNames } from '../shared/contract'
import { shellCallNames, shellCalls, shellEventTypes } from '../shared/shell'
import { badEventExamples, callExamples, eventExamples } from '../shared/testing/shellExamples'
import { createGlossApi, createShellMethods, shellEventListener, unwrapReply } from './api'

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

describe('shellEventListener', () => {
  it.each(shellEventTypes)('passes a %s event to the page', (type) => {
    const listener = vi.fn()
    const warn = vi.fn()
    shellEventListener(listener, warn)(eventExamples[type])
    expect(listener).toHaveBeenCalledExactlyOnceWith(eventExamples[type])
    expect(warn).not.toHaveBeenCalled()
  })

  it.each(shellEventTypes)('drops a %s event whose payload does not match, and warns', (type) => {
    const listener = vi.fn()
    const warn = vi.fn()
    shellEventListener(listener, warn)(badEventExamples[type])
    expect(listener).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(type))
  })

  it('drops anything the bridge does not list', () => {
    const listener = vi.fn()
    const accept = shellEventListener(listener, () => undefined)
    for (const payload of [{ type: 'eval', code: 'alert(1)' }, { type: '__proto__' }, null, 'command', 42])
      accept(payload)
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('createShellMethods', () => {
  it('has one method per call and nothing else, frozen', () => {
    const shell = createShellMethods(vi.fn())
    expect(Object.keys(shell).sort()).toEqual([...shellCallNames].sort())
    expect(Object.isFrozen(shell)).toBe(true)
  })

  it.each(shellCallNames)(
    '%s sends its request on its own channel and resolves with the reply',
    async (name) => {
      const { args, reply } = callExamples[name]
      const invoke = vi.fn(async (): Promise<unknown> => ({ ok: true, value: reply }))
      const method = createShellMethods(invoke)[name] as (...args: unknown[]) => Promise<unknown>
      await expect(method(...args)).resolves.toEqual(reply)
      expect(invoke).toHaveBeenCalledExactlyOnceWith(shellCalls[name].channel, ...args)
      // null: the user cancelled the dialog (for the calls that ask; the others never answer null)
      invoke.mockResolvedValueOnce({ ok: true, value: null })
      if (shellCalls[name].output.safeParse(null).success) await expect(method(...args)).resolves.toBeNull()
      else await expect(method(...args)).rejects.toMatchObject({ code: 'internal' })
      // a reply that is not the call's output
      invoke.mockResolvedValueOnce({ ok: true, value: { path: 42 } })
      await expect(method(...args)).rejects.toEqual({
        code: 'internal',
        message: `${name}: Gloss received an unreadable reply.`,
      })
    },
  )

  it("gives the channels distinct names, none of them the contract's or the events'", () => {
    const channels = shellCallNames.map((name) => shellCalls[name].channel)
    expect(new Set(channels).size).toBe(channels.length)
    expect(channels).not.toContain('gloss:invoke')
    expect(channels).not.toContain('gloss:event')
  })

  it('rejects with plain GlossErrorData', async () => {
    const shell = createShellMethods(async () => ({
      ok: false,
      error: { code: 'file_exists', message: 'taken', field: 'path' },
    }))
    await expect(shell.backupNotebook()).rejects.toEqual({
      code: 'file_exists',
      message: 'taken',
      field: 'path',
    })
    const broken = createShellMethods(async () => {
      throw new Error('no handler')
    })
    const [request] = callExamples.saveExport.args
    await expect(broken.saveExport(request)).rejects.toEqual({
      code: 'internal',
      message: 'saveExport: no handler',
    })
  })
})
