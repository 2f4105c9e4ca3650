/** Reading positions in a real notebook: kept across reopening, checked, followed into a new version, emptied with the trash. */
import { afterEach, beforeEach, expect, test } from 'vitest'
import { openTempNotebook, type TempNotebook } from './testing/tempNotebook'

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterEach(() => nb.cleanup())

const text = (paragraphs: string[]) => paragraphs.join('\n\n') + '\n'
async function importText(paragraphs: string[]) {
  const { article } = await nb.call('importContent', {
    content: text(paragraphs),
    fileName: 'positions.txt',
    format: 'text',
  })
  return nb.call('getArticle', { id: article.id })
}

test('an article never read has no position; one set comes back with getArticle after the notebook reopens', async () => {
  const article = await importText(['One.', 'Two.', 'Three.', 'Four.'])
  expect(article.readingPosition).toBeNull()

  const third = article.sections[2]!
  const written = await nb.call('setReadingPosition', {
    articleId: article.id,
    sectionId: third.id,
    past: 37,
  })
  expect(written).toMatchObject({ articleId: article.id, sectionId: third.id, past: 37 })
  nb.reopen()
  const reread = await nb.call('getArticle', { id: article.id })
  expect(reread.readingPosition).toEqual(written)

  // a later write replaces it: one row per article
  await nb.call('setReadingPosition', { articleId: article.id, sectionId: article.sections[1]!.id, past: 0 })
  expect((await nb.call('getArticle', { id: article.id })).readingPosition).toMatchObject({
    sectionId: article.sections[1]!.id,
    past: 0,
  })
  expect(nb.notebook.db.prepare(`SELECT count(*) FROM reading_positions`).pluck().get()).toBe(1)
})

test('a bad position is refused naming the input, and nothing is written', async () => {
  const article = await importText(['One.', 'Two.'])
  const other = await importText(['Elsewhere.', 'Else.'])
  await expect(
    nb.call('setReadingPosition', { articleId: 'nope', sectionId: article.sections[0]!.id, past: 0 }),
  ).rejects.toMatchObject({ code: 'not_found', field: 'articleId' })
  await expect(
    nb.call('setReadingPosition', { articleId: article.id, sectionId: other.sections[0]!.id, past: 0 }),
  ).rejects.toMatchObject({ code: 'invalid_input', field: 'sectionId' })
  await expect(
    nb.call('setReadingPosition', { articleId: article.id, sectionId: article.sections[0]!.id, past: 2e7 }),
  ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('past') })
  await expect(
    nb.call('setReadingPosition', { articleId: article.id, sectionId: article.sections[0]!.id, past: 1.5 }),
  ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('past') })
  expect(nb.notebook.db.prepare(`SELECT count(*) FROM reading_positions`).pluck().get()).toBe(0)
})

test('a new version that drops the section keeps the place at its ordinal, from its top', async () => {
  const article = await importText(['Alpha one.', 'Beta two.', 'Gamma three.', 'Delta four.'])
  await nb.call('setReadingPosition', { articleId: article.id, sectionId: article.sections[2]!.id, past: 80 })
  await nb.call('importVersion', {
    articleId: article.id,
    content: text(['Alpha one.', 'Beta two.', 'Something else entirely now.', 'Delta four.']),
    fileName: 'positions.txt',
    format: 'text',
  })
  const next = await nb.call('getArticle', { id: article.id })
  expect(next.sections.map((s) => s.id)).not.toContain(article.sections[2]!.id)
  expect(next.readingPosition).toMatchObject({ sectionId: next.sections[2]!.id, past: 0 })
})

test('emptying the trash removes the position with its article; a trashed article keeps it until then', async () => {
  const article = await importText(['One.', 'Two.'])
  const kept = await importText(['Kept one.', 'Kept two.'])
  await nb.call('setReadingPosition', { articleId: article.id, sectionId: article.sections[1]!.id, past: 5 })
  await nb.call('setReadingPosition', { articleId: kept.id, sectionId: kept.sections[1]!.id, past: 9 })
  await nb.call('deleteArticle', { id: article.id })
  const count = () => nb.notebook.db.prepare(`SELECT count(*) FROM reading_positions`).pluck().get()
  expect(count()).toBe(2)
  await nb.call('emptyTrash', {})
  expect(count()).toBe(1)
  expect((await nb.call('getArticle', { id: kept.id })).readingPosition).toMatchObject({ past: 9 })
})
