/** Word (.docx) import through mammoth and the HTML sectioner; old, locked and broken documents refused. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/errors'
import { openTempNotebook, tableCounts, type TempNotebook } from '../testing/tempNotebook'
import { parseDocx } from './docx'
import { makeDocx, wordParagraph as p, zip } from './testing/documents'

const DOC = makeDocx(
  [
    p('Treaty Notes', { style: 'Title' }),
    p('Background', { style: 'Heading1' }),
    p('The first talks began in spring.'),
    p('Item one of the list', { list: 1 }),
    p('Item two of the list', { list: 1 }),
    p('Step one', { list: 2 }),
    p('A quoted sentence from the record.', { style: 'Quote' }),
    p('Details', { style: 'Heading2' }),
    p('The last paragraph.'),
  ],
  { title: 'Treaty Notes', creator: 'Grace Hopper', created: '2023-04-05T10:00:00Z' },
)

let nb: TempNotebook
beforeAll(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterAll(() => nb.cleanup())

const write = (name: string, bytes: Uint8Array | string) => {
  const path = join(nb.dir, name)
  writeFileSync(path, bytes)
  return path
}

async function refused(path: string): Promise<string> {
  const before = tableCounts(nb.notebook.db)
  const error = await nb.call('importFile', { path }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GlossError)
  expect((error as GlossError).code).toBe('bad_file')
  expect(tableCounts(nb.notebook.db)).toEqual(before)
  return (error as GlossError).message
}

describe('a .docx', () => {
  it('keeps headings, list items and quotes, and reads title, author and date from its properties', async () => {
    const { drafts, contentHtml, metadata } = await parseDocx(DOC, '"notes.docx"')
    expect(drafts).toEqual([
      { kind: 'heading', level: 1, text: 'Treaty Notes' },
      { kind: 'heading', level: 1, text: 'Background' },
      { kind: 'paragraph', text: 'The first talks began in spring.' },
      {
        kind: 'paragraph',
        text: 'Item one of the list',
        layout: { block: { type: 'item', ordered: false, depth: 1 } },
      },
      {
        kind: 'paragraph',
        text: 'Item two of the list',
        layout: { block: { type: 'item', ordered: false, depth: 1 } },
      },
      {
        kind: 'paragraph',
        text: 'Step one',
        layout: { block: { type: 'item', ordered: true, depth: 1, number: 1 } },
      },
      { kind: 'paragraph', text: 'A quoted sentence from the record.', layout: { block: { type: 'quote' } } },
      { kind: 'heading', level: 2, text: 'Details' },
      { kind: 'paragraph', text: 'The last paragraph.' },
    ])
    expect(contentHtml).toContain('<ul><li>Item one of the list</li><li>Item two of the list</li></ul>')
    expect(contentHtml).toContain('<ol><li>Step one</li></ol>')
    expect(contentHtml).toContain('<blockquote><p>A quoted sentence from the record.</p></blockquote>')
    expect(metadata).toEqual({ title: 'Treaty Notes', byline: 'Grace Hopper', publishedAt: '2023-04-05' })
  })

  it('imports through the notebook as HTML from a docx', async () => {
    const { article } = await nb.call('importFile', { path: write('notes.docx', DOC) })
    expect(article).toMatchObject({
      title: 'Treaty Notes',
      format: 'html',
      sourceFormat: 'docx',
      sectionCount: 9,
    })
  })

  it('imports uploaded content: base64 with the format or a telling name', async () => {
    const content = Buffer.from(makeDocx([p('Uploaded words, sent as base64.')])).toString('base64')
    const { article } = await nb.call('importContent', { content, encoding: 'base64', format: 'docx' })
    expect(article).toMatchObject({ sourceFormat: 'docx', title: 'Uploaded words, sent as base64' })
  })
})

describe('documents that are refused, each saying why, with nothing written', () => {
  it('an old .doc or a password-protected document (an OLE file)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
    expect(await refused(write('old.docx', ole))).toBe(
      'Cannot import "old.docx": it is an old Word .doc file or a password-protected document, not a .docx; save it as .docx (without a password) and import that.',
    )
  })

  it('a file that is not a zip, and a zip without a Word document in it', async () => {
    expect(await refused(write('fake.docx', 'plain words\n'))).toBe(
      'Cannot import "fake.docx": it is not a Word document (.docx): it is not a zip archive.',
    )
    expect(await refused(write('other.docx', zip({ 'readme.txt': 'hello' })))).toBe(
      'Cannot import "other.docx": it is not a Word document (.docx): the zip archive has no word/document.xml.',
    )
  })

  it('a document with no text', async () => {
    expect(await refused(write('blank.docx', makeDocx([])))).toBe(
      'Cannot import "blank.docx": the document has no readable text.',
    )
  })
})
