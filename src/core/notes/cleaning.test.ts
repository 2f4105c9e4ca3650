/**
 * What a note may not carry (inline styles, links to anything but http(s) and mailto) is gone
 * from what the notebook stores, whichever way the note arrives: created, saved, or imported
 * in a notebook document. Real notebook files; the stored row is read back with SQL.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647;background:red'

const text = (t: string, style = '') => ({
  type: 'text',
  text: t,
  format: 0,
  detail: 0,
  mode: 'normal',
  style,
  version: 1,
})
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
/** A note as a hostile paste or a doctored file would hold it. */
const styledNote = () => ({
  root: element('root', [
    element(
      'paragraph',
      [
        text('covers the window', OVERLAY),
        element('link', [text('click me', 'color:red')], {
          url: 'javascript:alert(1)',
          title: null,
          rel: null,
          target: '_top',
        }),
        element('link', [text('kept')], {
          url: 'https://example.org/',
          title: null,
          rel: null,
          target: null,
        }),
      ],
      { textFormat: 0, textStyle: OVERLAY },
    ),
  ]),
})

const open: TempNotebook[] = []
const notebook = () => {
  const nb = openTempNotebook()
  open.push(nb)
  return nb
}
afterEach(() => {
  for (const nb of open.splice(0)) nb.cleanup()
})

/** The stored content, straight from the notes table. */
const storedContent = (nb: TempNotebook, id: string) =>
  nb.notebook.db.prepare('SELECT content FROM notes WHERE id = ?').pluck().get(id) as string

function expectClean(nb: TempNotebook, id: string) {
  const stored = storedContent(nb, id)
  expect(stored).not.toMatch(/position|z-index|color:red|javascript:|_top/)
  expect(stored).toContain('covers the window')
  expect(stored).toContain('click me')
  expect(stored).toContain('https://example.org/')
}

describe('a note with styles and an unsafe link is stored without them', () => {
  it('when created, and its derived text keeps every word', async () => {
    const nb = notebook()
    const note = await nb.call('createNote', { title: 'pasted', content: styledNote() })
    expectClean(nb, note.id)
    const read = await nb.call('getNote', { id: note.id })
    expect(read.text).toBe('covers the windowclick mekept')
  })

  it('when saved', async () => {
    const nb = notebook()
    const note = await nb.call('createNote', { title: 'plain' })
    await nb.call('saveNote', { id: note.id, content: styledNote() })
    expectClean(nb, note.id)
  })

  it('when imported from a notebook document', async () => {
    const source = notebook()
    const note = await source.call('createNote', { title: 'to export' })
    const exported = await source.call('renderExport', { scope: { kind: 'notebook' }, format: 'json' })
    const document = JSON.parse(exported.content) as { notes: Array<{ id: string; content: unknown }> }
    // doctor the file: the note now carries the overlay
    document.notes.find((n) => n.id === note.id)!.content = styledNote()

    const target = notebook()
    await target.call('importNotebook', { document })
    expectClean(target, note.id)
  })
})
