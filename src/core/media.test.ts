/** Layouts and pictures stored with an article (schema 10), on real notebooks in temp folders. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GlossError } from '../shared/errors'
import { PNG } from './import/testing/documents'
import { migrations } from './store/schema'
import { openTempNotebook, tempDir, type TempNotebook } from './testing/tempNotebook'

const prose = (topic: string): string =>
  `This paragraph about ${topic} has enough words to look like real article prose to Readability. `.repeat(3)
const dataUri = `data:image/png;base64,${PNG.toString('base64')}`

const PAGE = `<!doctype html><html><head><title>Pictures</title></head><body><article>
  <h1>Pictures</h1>
  <p>${prose('the dot')} with <em>emphasis</em> and <a href="https://example.com/">a link</a>.</p>
  <figure><img src="${dataUri}" alt="A dot"><figcaption>The dot.</figcaption></figure>
  <p>${prose('the same dot again')}</p><img src="${dataUri}" alt="Again"><p>${prose('after')}</p>
  <img src="pics/photo.png" alt="Next to the file"><p>${prose('the file')}</p>
  <img src="https://cdn.example.com/x.jpg" alt="Remote"><ul><li>${prose('a list item')}</li></ul>
</article></body></html>`

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterEach(() => nb.cleanup())

async function importPage(): Promise<string> {
  mkdirSync(join(nb.dir, 'pics'))
  writeFileSync(join(nb.dir, 'pics', 'photo.png'), PNG)
  writeFileSync(join(nb.dir, 'page.html'), PAGE)
  const { article } = await nb.call('importFile', { path: join(nb.dir, 'page.html') })
  return article.id
}

const mediaCount = () => nb.notebook.db.prepare('SELECT count(*) FROM media').pluck().get() as number

describe('an imported page', () => {
  it('keeps its layouts and pictures: getArticle returns them, getMedia the bytes', async () => {
    const id = await importPage()
    const article = await nb.call('getArticle', { id })
    const images = article.sections.flatMap((s) => s.layout?.images ?? [])
    expect(images.map((i) => i.alt)).toEqual(['A dot', 'Again', 'Next to the file', 'Remote'])
    // the same picture twice is stored once; the file next to the page is the same bytes too
    const ids = new Set(images.filter((i) => i.mediaId !== null).map((i) => i.mediaId))
    expect(ids.size).toBe(1)
    expect(mediaCount()).toBe(1)
    expect(images[3]).toEqual({ mediaId: null, alt: 'Remote', remoteUrl: 'https://cdn.example.com/x.jpg' })
    const media = await nb.call('getMedia', { id: images[0]!.mediaId! })
    expect(media.mime).toBe('image/png')
    expect(Buffer.from(media.base64, 'base64').equals(PNG)).toBe(true)

    const first = article.sections.find((s) => s.text.includes('about the dot'))!
    expect(first.layout?.marks?.map((m) => first.text.slice(m.start, m.end))).toEqual(['emphasis', 'a link'])
    const item = article.sections.find((s) => s.text.includes('a list item'))!
    expect(item.layout?.block).toEqual({ type: 'item', ordered: false, depth: 1 })
    const plain = article.sections.find((s) => s.text.includes('the same dot again'))!
    expect(plain.layout).toBeNull()
    // nothing stored for a plain section
    const stored = nb.notebook.db
      .prepare('SELECT count(*) FROM sections WHERE layout IS NULL AND article_id = ?')
      .pluck()
      .get(id) as number
    expect(stored).toBeGreaterThan(0)
  })

  it('getMedia refuses an id that is no UUID, and one that names no picture, saying which', async () => {
    await expect(nb.call('getMedia', { id: 'nope' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'id',
    })
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057'
    await expect(nb.call('getMedia', { id: unknown })).rejects.toThrow(
      new GlossError('not_found', `No picture with id "${unknown}" in this notebook.`, 'id'),
    )
  })

  it('a damaged stored layout reads as none; the article still opens', async () => {
    const id = await importPage()
    nb.notebook.db
      .prepare(
        `UPDATE sections SET layout = '{"marks":[{"type":"em","start":0,"end":999999}]}' WHERE article_id = ?`,
      )
      .run(id)
    nb.notebook.db
      .prepare(`UPDATE sections SET layout = 'not json' WHERE article_id = ? AND ordinal = 1`)
      .run(id)
    const article = await nb.call('getArticle', { id })
    expect(article.sections.every((s) => s.layout === null)).toBe(true)
  })

  it('emptying the trash removes its pictures with it', async () => {
    const id = await importPage()
    expect(mediaCount()).toBe(1)
    await nb.call('deleteArticle', { id })
    expect(mediaCount()).toBe(1) // in the trash it can come back
    await nb.call('emptyTrash', {})
    expect(mediaCount()).toBe(0)
  })

  it('a new version stores its layouts (continuing sections and new ones)', async () => {
    const v1 = `# Plan\n\nThe first paragraph of the plan, plain.\n\nThe **second** paragraph.\n`
    const { article } = await nb.call('importContent', { content: v1, fileName: 'plan.md' })
    const v2 = `# Plan\n\nThe first paragraph of the *plan*, plain.\n\n- The second paragraph.\n\n> A new quote.\n`
    await nb.call('importVersion', { articleId: article.id, content: v2, fileName: 'plan.md' })
    const now = await nb.call('getArticle', { id: article.id })
    expect(now.sections.map((s) => [s.text, s.layout])).toEqual([
      ['Plan', null],
      ['The first paragraph of the plan, plain.', { marks: [{ type: 'em', start: 27, end: 31 }] }],
      ['The second paragraph.', { block: { type: 'item', ordered: false, depth: 1 } }],
      ['A new quote.', { block: { type: 'quote' } }],
    ])
    // the replaced version keeps its layouts with its sections
    const past = nb.notebook.db
      .prepare(`SELECT sections FROM versions WHERE article_id = ? AND number = 1`)
      .pluck()
      .get(article.id) as string
    expect((JSON.parse(past) as Array<{ layout?: unknown }>).map((s) => s.layout ?? null)).toEqual([
      null,
      null,
      { marks: [{ type: 'strong', start: 4, end: 10 }] },
    ])
  })
})

describe('a notebook of schema 9', () => {
  it('migrates to layouts: HTML articles get them once from their stored HTML, where the texts agree', async () => {
    const dir = tempDir()
    const path = join(dir, 'old.db')
    const db = new Database(path)
    db.pragma('foreign_keys = ON')
    for (const m of migrations.filter((m) => m.version <= 9)) m.up(db)
    db.pragma('user_version = 9')
    const html = `<p><em>Old</em> words.</p><figure><img src="${dataUri}" alt="Dot"><figcaption>A caption.</figcaption></figure><p>Then <b>new</b> words.</p>`
    const text = 'Old words.\n\nA caption.\n\nDifferent words.'
    db.prepare(
      `INSERT INTO articles (id, title, format, source_format, imported_at, content_hash, text, content_html)
        VALUES ('a1', 'Old', 'html', 'html', '2024-01-01T00:00:00.000Z', 'h1', ?, ?)`,
    ).run(text, html)
    db.prepare(
      `INSERT INTO articles (id, title, format, source_format, imported_at, content_hash, text, content_html)
        VALUES ('a2', 'Plain', 'text', 'text', '2024-01-01T00:00:00.000Z', 'h2', 'Plain.', NULL)`,
    ).run()
    const section = db.prepare(
      `INSERT INTO sections (id, article_id, ordinal, kind, base_kind, text, start_offset, end_offset)
        VALUES (?, ?, ?, 'paragraph', 'paragraph', ?, ?, ?)`,
    )
    section.run('s1', 'a1', 1, 'Old words.', 0, 10)
    section.run('s2', 'a1', 2, 'A caption.', 12, 22)
    section.run('s3', 'a1', 3, 'Different words.', 24, 40)
    section.run('s4', 'a2', 1, 'Plain.', 0, 6)
    db.close()
    const old = openTempNotebook({ path, samplePath: null })
    try {
      // the first read waits a moment for the worker; on a busy machine the layouts come a read later
      const article = await vi.waitFor(
        async () => {
          const read = await old.call('getArticle', { id: 'a1' })
          expect(read.sections[0]!.layout).not.toBeNull()
          return read
        },
        { timeout: 25_000, interval: 200 },
      )
      const [first, caption, changed] = article.sections
      expect(first!.layout).toEqual({ marks: [{ type: 'em', start: 0, end: 3 }] })
      expect(caption!.layout?.images).toEqual([{ mediaId: expect.any(String), alt: 'Dot' }])
      expect((await old.call('getMedia', { id: caption!.layout!.images![0]!.mediaId! })).base64).toBe(
        PNG.toString('base64'),
      )
      // its text is not what the stored HTML says: it stays plain
      expect(changed!.layout).toBeNull()
      expect((await old.call('getArticle', { id: 'a2' })).sections[0]!.layout).toBeNull()
      // once: with its layouts gone, it is not derived again
      const marker = old.notebook.db
        .prepare(`SELECT value FROM meta WHERE key = 'layouts derived a1'`)
        .pluck()
      expect(marker.get()).toBe('2/3')
      old.notebook.db.prepare(`UPDATE sections SET layout = NULL WHERE article_id = 'a1'`).run()
      expect((await old.call('getArticle', { id: 'a1' })).sections.every((s) => s.layout === null)).toBe(true)
    } finally {
      old.cleanup()
    }
  })
})
