import { describe, expect, it } from 'vitest'
import {
  parseShellCallInput,
  parseShellEvent,
  shellCallNames,
  shellEventTypes,
  type SaveExportRequest,
} from './shell'
import { badEventExamples, callExamples, eventExamples } from './testing/shellExamples'

describe('parseShellEvent', () => {
  it.each(shellEventTypes)('accepts a %s event as sent', (type) => {
    expect(parseShellEvent(eventExamples[type])).toEqual(eventExamples[type])
  })

  it.each(shellEventTypes)('refuses a %s event with a wrong payload or an extra key', (type) => {
    expect(parseShellEvent(badEventExamples[type])).toBeNull()
    expect(parseShellEvent({ ...eventExamples[type], code: 'alert(1)' })).toBeNull()
  })

  it('refuses types it does not list, and non-objects', () => {
    for (const value of [{ type: 'eval', code: 'alert(1)' }, { type: 'toString' }, {}, null, 'command', 42])
      expect(parseShellEvent(value)).toBeNull()
  })
})

describe('parseShellCallInput', () => {
  it.each(shellCallNames)('accepts the example request of %s', (name) => {
    const [request] = callExamples[name].args
    expect(parseShellCallInput(name, request)).toEqual(request)
  })

  it('backupNotebook takes no request at all', () => {
    expect(() => parseShellCallInput('backupNotebook', { path: '/etc/passwd' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }) as unknown as Error,
    )
  })
})

const save = (raw: unknown): SaveExportRequest => parseShellCallInput('saveExport', raw)

const valid = { scope: { kind: 'article', id: 'a1' }, format: 'md', suggestedName: 'Trump and Kim.md' }

function refusal(raw: unknown): { code: string; field?: string; message: string } {
  try {
    parseShellCallInput('saveExport', raw)
  } catch (error) {
    return error as { code: string; field?: string; message: string }
  }
  throw new Error('accepted')
}

describe("parseShellCallInput('saveExport')", () => {
  it('accepts every scope and format the notebook can export, a PDF of one note or article included', () => {
    expect(save(valid)).toEqual(valid)
    const pdf = { scope: { kind: 'note', id: 'n1' }, format: 'pdf', suggestedName: 'Note.pdf' }
    expect(save(pdf)).toEqual(pdf)
    const folder = { scope: { kind: 'notebook' }, format: 'html', suggestedName: 'Gloss notebook 2025-01-02' }
    expect(save(folder)).toEqual(folder)
  })

  it('refuses an unknown format or scope, and a scope without its id', () => {
    // every format takes every scope: a PDF of the whole notebook, a vault of one note
    const wholePdf = { scope: { kind: 'notebook' }, format: 'pdf', suggestedName: 'Gloss notebook.pdf' }
    expect(save(wholePdf)).toEqual(wholePdf)
    const noteVault = { scope: { kind: 'note', id: 'n1' }, format: 'obsidian', suggestedName: 'Note' }
    expect(save(noteVault)).toEqual(noteVault)
    expect(refusal({ ...valid, format: 'docx' }).field).toBe('format')
    expect(refusal({ ...valid, scope: { kind: 'tag', id: 't1' } }).field).toMatch(/^scope/)
    expect(refusal({ ...valid, scope: { kind: 'note' } }).field).toMatch(/^scope/)
  })

  it('accepts names with characters a title may have', () => {
    for (const name of ['Q&A: why?.md', 'Ünïcode — “quoted”.html', '.hidden.csv', 'a..b.bib'])
      expect(save({ ...valid, suggestedName: name }).suggestedName).toBe(name)
  })

  it('refuses a name with a folder part, . or .., control characters, or none at all', () => {
    for (const name of [
      '../evil.md',
      'a/b.md',
      'C:\\Users\\x.md',
      '\\\\server\\share',
      '/etc/passwd',
      '.',
      '..',
      ' .. ',
      'a\u0000b.md',
      'line\nbreak.md',
      '',
    ]) {
      const error = refusal({ ...valid, suggestedName: name })
      expect(error.code, name).toBe('invalid_input')
      expect(error.field, name).toBe('suggestedName')
    }
    expect(refusal({ ...valid, suggestedName: 'x'.repeat(256) }).field).toBe('suggestedName')
  })

  it('refuses wrong types and unknown keys: no path, and no export content, crosses from the page', () => {
    expect(refusal(null).code).toBe('invalid_input')
    expect(refusal('a string').code).toBe('invalid_input')
    expect(refusal({ ...valid, suggestedName: 42 }).field).toBe('suggestedName')
    expect(refusal({ scope: valid.scope, format: 'md' }).field).toBe('suggestedName')
    for (const extra of [{ path: '/tmp/x' }, { content: 'abc' }, { pdfHtml: '<p>' }, { force: true }])
      expect(refusal({ ...valid, ...extra }).code, JSON.stringify(extra)).toBe('invalid_input')
  })
})
