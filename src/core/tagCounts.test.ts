/**
 * Schema 14 keeps each tag's counts as links and excerpts change, schema 16 each article's live
 * excerpts. After every kind of write (links, trash, purge, tag moves and merges, articles' trash,
 * notebook import, backup restore, the migrations themselves, raw SQL as sync applies it) each
 * tag's counts and each article's excerpt count (library and trash) must equal a fresh count by
 * plain SQL over tags, links, excerpts and articles.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { newId, now } from './store/clock'
import type { Db } from './store/open'
import { LATEST_SCHEMA_VERSION } from './store/schema'
import { openTempNotebook, tempDir, type TempNotebook } from './testing/tempNotebook'

// nested, a case-variant parent ("Places/Hanoi" is under "places"), and names that sort between
const NAMES = [
  'people',
  'people/Kim',
  'people/Kim/aides',
  'people/Trump',
  'places/Seoul',
  'Places/Hanoi',
  'solo',
  'a b',
  'a/c',
]

/** Each tag's [usage, total] by plain SQL: live excerpts on the tag, and on it or any tag below it. */
function fresh(db: Db): Record<string, [number, number]> {
  const rows = db
    .prepare(
      `SELECT t.name,
        (SELECT count(*) FROM excerpt_tags et JOIN excerpts e ON e.id = et.excerpt_id
          WHERE et.tag_id = t.id AND e.deleted_at IS NULL) AS usage,
        (SELECT count(DISTINCT et.excerpt_id) FROM tags d JOIN excerpt_tags et ON et.tag_id = d.id
          JOIN excerpts e ON e.id = et.excerpt_id
          WHERE e.deleted_at IS NULL
            AND (lower(d.name) = lower(t.name) OR substr(lower(d.name), 1, length(t.name) + 1) = lower(t.name) || '/')
        ) AS total
      FROM tags t`,
    )
    .all() as Array<{ name: string; usage: number; total: number }>
  return Object.fromEntries(rows.map((r) => [r.name, [r.usage, r.total]]))
}

async function listed(nb: TempNotebook): Promise<Record<string, [number, number]>> {
  const tags = await nb.call('listTags', {})
  return Object.fromEntries(tags.map((t) => [t.name, [t.usageCount, t.totalCount]]))
}

/** Each article's live excerpts by plain SQL, the trashed articles' included. */
function freshArticles(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT a.id, (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id AND e.deleted_at IS NULL) AS n
       FROM articles a`,
    )
    .all() as Array<{ id: string; n: number }>
  return Object.fromEntries(rows.map((r) => [r.id, r.n]))
}

async function listedArticles(nb: TempNotebook): Promise<Record<string, number>> {
  const articles = [
    ...(await nb.call('listArticles', {})),
    ...(await nb.call('listArticles', { inTrash: true })),
  ]
  return Object.fromEntries(articles.map((a) => [a.id, a.excerptCount]))
}

async function expectKept(nb: TempNotebook, step: string) {
  const expected = fresh(nb.notebook.db)
  expect({ step, counts: await listed(nb) }).toEqual({ step, counts: expected })
  const articles = freshArticles(nb.notebook.db)
  expect({ step, articles: await listedArticles(nb) }).toEqual({ step, articles })
  // a count that only ever stays 0 would pass too: the notebook really has some
  return expected
}

const paragraphs = (seed: number) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `Paragraph ${i} of dispatch ${seed}: the envoys met again in the ${i % 2 ? 'north' : 'south'} and spoke of sanctions, summits and the weather for a long while.`,
  ).join('\n\n')

let nb: TempNotebook
let articleIds: string[]
let excerptIds: string[]
beforeAll(async () => {
  nb = openTempNotebook()
  const [sample] = await nb.call('listArticles', {})
  articleIds = [sample!.id]
  for (const seed of [1, 2]) {
    const { article } = await nb.call('importContent', { content: paragraphs(seed), format: 'text' })
    articleIds.push(article.id)
  }
  excerptIds = []
  for (const [a, articleId] of articleIds.entries()) {
    const sections = await nb.call('listSections', { articleId })
    for (let n = 0; n < 60; n++) {
      const section = sections[n % sections.length]!
      const start = section.start + (n % 5)
      const k = n + a * 60
      const tags = [NAMES[k % NAMES.length]!, NAMES[(k * 5 + 2) % NAMES.length]!]
      if (k % 3 === 0) tags.push(NAMES[(k * 7 + 1) % NAMES.length]!)
      const excerpt = await nb.call('createExcerpt', {
        articleId,
        start,
        end: Math.min(section.end, start + 15),
        tags: k % 11 === 0 ? [] : tags,
      })
      excerptIds.push(excerpt.id)
    }
  }
})
afterAll(() => nb.cleanup())

const tagId = async (name: string) => (await nb.call('listTags', {})).find((t) => t.name === name)!.id

describe('kept tag counts equal a fresh count', () => {
  test('after creating excerpts with nested tags', async () => {
    const counts = await expectKept(nb, 'created')
    expect(counts['people']![1]).toBeGreaterThan(counts['people/Kim']![1])
    expect(counts['people']![1]).toBeLessThan(
      counts['people']![0] + counts['people/Kim']![1] + counts['people/Trump']![1],
    ) // some excerpts carry two tags under "people": counted once
  })

  test('after trash, restore, retagging and emptying the trash', async () => {
    for (const [i, id] of excerptIds.entries()) if (i % 4 === 0) await nb.call('deleteExcerpt', { id })
    await expectKept(nb, 'trashed')
    for (const [i, id] of excerptIds.entries()) if (i % 8 === 0) await nb.call('restoreExcerpt', { id })
    await expectKept(nb, 'restored')
    // two tags under one parent taken off in one statement: the parent loses the excerpt once
    const both = excerptIds[1]!
    await nb.call('updateExcerpt', { id: both, tags: ['people/Kim', 'people/Trump', 'people/Kim/aides'] })
    await expectKept(nb, 'retagged under one parent')
    await nb.call('updateExcerpt', { id: both, tags: [] })
    await expectKept(nb, 'untagged')
    for (const [i, id] of excerptIds.entries())
      if (i % 6 === 1) await nb.call('updateExcerpt', { id, tags: ['a/c', 'solo'] })
    await expectKept(nb, 'retagged many')
    await nb.call('emptyTrash', {})
    await expectKept(nb, 'trash emptied')
  })

  test('after renames, moves, a merge, a delete and its undo', async () => {
    await nb.call('renameTag', { id: await tagId('people/Kim'), name: 'leaders/Kim' }) // takes aides along
    await expectKept(nb, 'moved to a new parent')
    await nb.call('renameTag', { id: await tagId('solo'), name: 'SOLO' })
    await expectKept(nb, 'case only')
    const moved = await nb.call('renameTag', { id: await tagId('places'), name: 'world/places' })
    const counts = await expectKept(nb, 'parent moved under another')
    expect([moved.usageCount, moved.totalCount]).toEqual(counts['world/places'])
    const merged = await nb.call('mergeTags', {
      fromIds: [await tagId('people/Trump')],
      intoId: await tagId('SOLO'),
    })
    expect([merged.into.usageCount, merged.into.totalCount]).toEqual((await expectKept(nb, 'merged'))['SOLO'])
    const snapshots = await nb.call('deleteTag', { id: await tagId('leaders') })
    expect(snapshots.length).toBe(3)
    await expectKept(nb, 'deleted with its sub-tags')
    await nb.call('restoreTags', { snapshots })
    await expectKept(nb, 'undone')
  })

  test("after an article's trip to the trash and back, then its purge", async () => {
    await nb.call('deleteArticle', { id: articleIds[1]! })
    await expectKept(nb, 'article trashed')
    await nb.call('restoreArticle', { id: articleIds[1]! })
    await expectKept(nb, 'article restored')
    await nb.call('deleteArticle', { id: articleIds[2]! })
    await nb.call('emptyTrash', {})
    await expectKept(nb, 'article purged')
  })

  test('after raw SQL as sync applies it: upserts, a child tag before its parent', async () => {
    const db = nb.notebook.db
    const at = now()
    const [child, parent] = [newId(), newId()]
    const excerpt = db.prepare(`SELECT * FROM excerpts WHERE deleted_at IS NULL LIMIT 1`).get() as Record<
      string,
      unknown
    >
    // sync's statements (src/core/sync/remote.ts): a tag is an upsert, so a rename is one too
    const upsertTag = db.prepare(
      `INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color`,
    )
    db.transaction(() => {
      upsertTag.run(child, 'synced/child', at)
      db.prepare(`INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)`).run(
        excerpt.id,
        child,
      )
      upsertTag.run(parent, 'synced', at)
    })()
    expect((await expectKept(nb, 'a child before its parent'))['synced']).toEqual([0, 1])
    upsertTag.run(child, 'elsewhere/child', at)
    expect((await expectKept(nb, 'an upserted rename'))['synced']).toEqual([0, 0])
    const upsertExcerpt = db.prepare(
      `INSERT INTO excerpts (id, article_id, section_id, exact, prefix, suffix, start_offset, end_offset, color, comment, created_at, updated_at, deleted_at)
       VALUES (@id, @article_id, @section_id, @exact, @prefix, @suffix, @start_offset, @end_offset, @color, @comment, @created_at, @updated_at, @deleted_at)
       ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at`,
    )
    const row = { ...excerpt }
    for (const key of ['seq', 'anchor_status', 'verbatim', 'reviewed_at']) delete row[key]
    upsertExcerpt.run({ ...row, deleted_at: at })
    await expectKept(nb, 'a remote trash')
    upsertExcerpt.run({ ...row, deleted_at: null })
    await expectKept(nb, 'a remote restore')
    // sync's upsert sets article_id: an excerpt that moves takes its count along
    const other = db
      .prepare(`SELECT id FROM articles WHERE id <> ? AND deleted_at IS NULL LIMIT 1`)
      .pluck()
      .get(excerpt.article_id) as string
    const before = freshArticles(db)
    db.prepare(`UPDATE excerpts SET article_id = ? WHERE id = ?`).run(other, excerpt.id)
    await expectKept(nb, 'moved to another article')
    expect(freshArticles(db)[other]).toBe(before[other]! + 1)
    db.prepare(`DELETE FROM excerpts WHERE id = ?`).run(excerpt.id)
    await expectKept(nb, 'a live excerpt deleted outright')
  })

  test('in a notebook imported from this one', async () => {
    const document = JSON.parse(
      (await nb.call('renderExport', { scope: { kind: 'notebook' }, format: 'json' })).content,
    ) as unknown
    const target = openTempNotebook({ samplePath: null })
    try {
      await target.call('importNotebook', { document })
      const counts = await expectKept(target, 'imported')
      expect(Object.values(counts).some(([usage]) => usage > 0)).toBe(true)
    } finally {
      target.cleanup()
    }
  })

  test('after restoring a backup made before later changes', async () => {
    const path = join(nb.dir, 'before.db')
    await nb.call('backupNotebook', { path })
    const before = await listed(nb)
    const sections = await nb.call('listSections', { articleId: articleIds[0]! })
    await nb.call('createExcerpt', {
      articleId: articleIds[0]!,
      start: sections[2]!.start,
      end: sections[2]!.start + 9,
      tags: ['people/new', 'a/c'],
    })
    await nb.call('deleteTag', { id: await tagId('SOLO') })
    expect(await listed(nb)).not.toEqual(before)
    await nb.call('restoreNotebook', { path })
    await expectKept(nb, 'restored from a backup')
    expect(await listed(nb)).toEqual(before)
  })

  test('in a notebook of schema 13 migrated to 14 and 16 (the counts are filled)', async () => {
    const dir = tempDir()
    const path = join(dir, 'old.db')
    const expected = fresh(nb.notebook.db)
    nb.notebook.db.prepare('VACUUM INTO ?').run(path)
    // as a notebook was before schema 14: no derived tables, no triggers
    const old = new Database(path)
    for (const name of old
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'tag_%' OR name LIKE 'article_counts_%')`,
      )
      .pluck()
      .all() as string[])
      old.exec(`DROP TRIGGER "${name}"`)
    old.exec(
      `DROP TABLE tag_paths; DROP TABLE tag_counts; DROP TABLE article_counts; PRAGMA user_version = 13`,
    )
    old.close()
    const copy = join(dir, 'copy.db')
    copyFileSync(path, copy)
    const migrated = openTempNotebook({ samplePath: null })
    migrated.notebook.close()
    copyFileSync(copy, migrated.path)
    migrated.reopen()
    try {
      expect(migrated.notebook.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(await listed(migrated)).toEqual(expected)
      await expectKept(migrated, 'migrated')
    } finally {
      migrated.cleanup()
    }
  })
})
