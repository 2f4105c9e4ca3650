import { describe, expect, it } from 'vitest'
import {
  MAX_EXPORT_BYTES,
  parseShellCallInput,
  parseShellEvent,
  shellCallNames,
  shellEventTypes,
  utf8Length,
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

describe('utf8Length', () => {
  it('counts as TextEncoder does, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'abc', 'é', '€uro', '𝄞 clef', 'a\ud800b', '\udc00', 'x\ud83d', '👩‍👩‍👧'])
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length)
  })
})

const save = (raw: unknown): SaveExportRequest => parseShellCallInput('saveExport', raw)

const valid = { suggestedName: 'Trump and Kim.md', content: '> a quote\n', mediaType: 'text/markdown' }

function refusal(raw: unknown): { code: string; field?: string; message: string } {
  try {
    parseShellCallInput('saveExport', raw)
  } catch (error) {
    return error as { code: string; field?: string; message: string }
  }
  throw new Error('accepted')
}

describe("parseShellCallInput('saveExport')", () => {
  it('accepts a file, a PDF (content ignored) and a folder export', () => {
    expect(save(valid)).toEqual(valid)
    const pdf = {
      ...valid,
      suggestedName: 'Note.pdf',
      content: '',
      mediaType: 'application/pdf',
      pdfHtml: '<p>x',
    }
    expect(save(pdf)).toEqual(pdf)
    const folder = {
      ...valid,
      suggestedName: 'Gloss notebook 2025-01-02',
      files: [
        { path: 'index.md', content: '# Index' },
        { path: 'articles/A title.md', content: 'text' },
      ],
    }
    expect(save(folder)).toEqual(folder)
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

  it('refuses content over 64 MB, counted in UTF-8 bytes', () => {
    // 22.4 M three-byte characters: under the length limit, over the byte limit
    const big = '€'.repeat(Math.floor(MAX_EXPORT_BYTES / 3) + 1)
    expect(big.length).toBeLessThan(MAX_EXPORT_BYTES)
    expect(refusal({ ...valid, content: big })).toMatchObject({
      field: 'content',
      message: expect.stringContaining('64 MB'),
    })
    expect(refusal({ ...valid, content: 'x'.repeat(MAX_EXPORT_BYTES + 1) }).field).toBe('content')
    expect(save({ ...valid, content: 'x'.repeat(MAX_EXPORT_BYTES) }).content.length).toBe(MAX_EXPORT_BYTES)
  })

  it('refuses wrong types, unknown keys and a missing media type', () => {
    expect(refusal(null).code).toBe('invalid_input')
    expect(refusal('a string').code).toBe('invalid_input')
    expect(refusal({ ...valid, content: 42 }).field).toBe('content')
    expect(refusal({ ...valid, mediaType: '' }).field).toBe('mediaType')
    expect(refusal({ suggestedName: 'a.md', content: '' }).field).toBe('mediaType')
    expect(refusal({ ...valid, path: '/tmp/x' }).code).toBe('invalid_input')
  })

  it('refuses folder files that leave the folder, and a PDF that is a folder', () => {
    for (const path of ['../x.md', '/abs.md', 'a/../../x.md', 'C:/x.md', 'a\\b.md', 'a//b.md', ''])
      expect(refusal({ ...valid, files: [{ path, content: '' }] }).code, path).toBe('invalid_input')
    expect(refusal({ ...valid, pdfHtml: '<p>', files: [{ path: 'index.html', content: '' }] }).field).toBe(
      'files',
    )
  })
})
