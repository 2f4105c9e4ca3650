/**
 * The notebook the export tests share: the bundled sample article with a few excerpts (one
 * whose comment holds commas, quotes and newlines), nested tags, an excerpt in the trash, a
 * second article with author, date and URL, and a note written through a headless Lexical
 * editor built from NOTE_NODES (a heading, a paragraph with a section chip to ¶4, lists, and
 * an excerpt card of the ¶6 excerpt). Excerpt and note ids are fixed so outputs are stable.
 */
import { readFileSync } from 'node:fs'
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import type { ArticleDetail, Excerpt } from '../../shared/model'
import { sectionLinkLabel } from '../../shared/notes/labels'
import { $createExcerptCardNode, $createSectionLinkNode, NOTE_NODES } from '../../shared/notes/nodes'
import { articleText, openTempNotebook, type TempNotebook } from './tempNotebook'
import type { NotebookOptions } from '../notebook'
import type { Db } from '../store/open'

/** A fixed export time, so golden files don't change from run to run. */
export const EXPORTED_AT = '2025-01-02T03:04:05.000Z'
export const SAMPLE_TITLE = 'The story of Trump and Kim’s relationship began on a tense note'

export const IDS = {
  summits: '00000000-0000-4000-8000-0000000000e1',
  silence: '00000000-0000-4000-8000-0000000000e2',
  klingner: '00000000-0000-4000-8000-0000000000e3',
  trashed: '00000000-0000-4000-8000-0000000000e4',
  maps: '00000000-0000-4000-8000-0000000000e5',
  note: '00000000-0000-4000-8000-0000000000a1',
  otherNote: '00000000-0000-4000-8000-0000000000a2',
  trashedNote: '00000000-0000-4000-8000-0000000000a3',
} as const

export const SILENCE_QUOTE =
  'His camp has not responded to requests for comment on whether he plans to restart talks.'
export const SILENCE_COMMENT =
  'Silence, again.\n"No comment" is, of course, a comment.\n\nAsk: will they, or won’t they?'

export const MAPS_MARKDOWN = `---
title: Maps and territories
author: Jane Doe, John Smith
date: 2024-11-05
---

# Maps and territories

The map is not the territory, and a model is not the world.

Every summary leaves something out: that is what makes it useful.
`
export const MAPS_URL = 'https://example.org/essays/maps?ref=gloss&id=(7)'

/** getArticle's answer with the stored text beside it, for tests that check offsets */
export type ArticleWithText = ArticleDetail & { text: string }

export interface SampleNotebook extends TempNotebook {
  article: ArticleWithText
  maps: ArticleWithText
  excerpts: { summits: Excerpt; silence: Excerpt; klingner: Excerpt; maps: Excerpt }
  /** the note's Lexical JSON as the editor wrote it */
  noteContent: unknown
}

/** A note as the editor writes it: heading, paragraph with a ¶4 chip, lists, a card of the ¶6 excerpt. */
export function writeSampleNote(article: ArticleDetail, silence: Excerpt): unknown {
  const p4 = article.sections.find((s) => s.ordinal === 4)!
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      root.clear()
      root.append(
        $createHeadingNode('h1').append($createTextNode('Will the talks restart?')),
        $createParagraphNode().append(
          $createTextNode('The arsenal grew: '),
          $createSectionLinkNode({
            articleId: article.id,
            sectionId: p4.id,
            ordinal: 4,
            label: sectionLinkLabel(4, p4.text),
          }),
          $createTextNode('. That is '),
          $createTextNode('not').toggleFormat('bold'),
          $createTextNode(' a '),
          $createTextNode('small').toggleFormat('italic'),
          $createTextNode(' change; see '),
          $createLinkNode('https://example.org/report').append($createTextNode('the report')),
          $createTextNode('.'),
        ),
        $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('ICBMs')),
          $createListItemNode().append($createTextNode('hypersonic weapons')),
        ),
        $createListNode('check').append(
          $createListItemNode(true).append($createTextNode('read ¶6 again')),
          $createListItemNode(false).append($createTextNode('find the Fox interview')),
        ),
        $createExcerptCardNode({
          excerptId: silence.id,
          articleId: article.id,
          ordinal: silence.sectionOrdinal,
          snapshot: {
            quote: silence.quote.exact,
            color: silence.color,
            comment: silence.comment,
            tags: silence.tags.map((t) => t.name),
          },
        }),
        $createParagraphNode().append($createTextNode('Next: compare with the Hanoi summit.')),
      )
    },
    { discrete: true },
  )
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))
}

export async function openSampleNotebook(options: Partial<NotebookOptions> = {}): Promise<SampleNotebook> {
  const nb = openTempNotebook(options) as SampleNotebook
  const [listed] = await nb.call('listArticles', {})
  const withText = (detail: ArticleDetail) => ({ ...detail, text: articleText(nb.notebook.db, detail.id) })
  const article = withText(await nb.call('getArticle', { id: listed!.id }))
  const summits = await nb.call('createExcerpt', {
    id: IDS.summits,
    articleId: article.id,
    quote: 'three landmark summits between 2018 and 2019',
    comment: 'Singapore, Hanoi, the DMZ.',
    tags: ['people/Kim Jong Un', 'places'],
    color: 'blue',
  })
  const silence = await nb.call('createExcerpt', {
    id: IDS.silence,
    articleId: article.id,
    quote: SILENCE_QUOTE,
    comment: SILENCE_COMMENT,
    tags: ['people/Trump', 'open questions'],
  })
  const klingner = await nb.call('createExcerpt', {
    id: IDS.klingner,
    articleId: article.id,
    quote: 'Bruce Klingner',
    tags: ['people/Klingner'],
    color: 'green',
  })
  await nb.call('createExcerpt', {
    id: IDS.trashed,
    articleId: article.id,
    quote: 'hypersonic weapons',
    comment: 'TRASHED EXCERPT',
  })
  await nb.call('deleteExcerpt', { id: IDS.trashed })

  const imported = await nb.call('importContent', {
    content: MAPS_MARKDOWN,
    fileName: 'maps.md',
    sourceUrl: MAPS_URL,
  })
  const maps = withText(await nb.call('getArticle', { id: imported.article.id }))
  const mapsExcerpt = await nb.call('createExcerpt', {
    id: IDS.maps,
    articleId: maps.id,
    quote: 'The map is not the territory',
    comment: 'Korzybski',
    tags: ['epistemics'],
    color: 'purple',
  })

  const noteContent = writeSampleNote(article, silence)
  await nb.call('createNote', { id: IDS.note, title: 'Kim, Trump and the next round', content: noteContent })
  await nb.call('createNote', {
    id: IDS.otherNote,
    title: 'Loose ends',
    content: JSON.parse(readFileSync(new URL('../notes/fixtures/note-v1.json', import.meta.url), 'utf8'))
      .content,
  })
  await nb.call('createNote', { id: IDS.trashedNote, title: 'TRASHED NOTE' })
  await nb.call('deleteNote', { id: IDS.trashedNote })

  Object.assign(nb, {
    article,
    maps,
    excerpts: { summits, silence, klingner, maps: mapsExcerpt },
    noteContent,
  })
  return nb
}

/** Stable text for golden files: random ids and timestamps replaced by placeholders. */
export function normalizeVolatile(text: string, fixedIds: readonly string[] = Object.values(IDS)): string {
  const fixed = new Set(fixedIds)
  const seen = new Map<string, string>()
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (fixed.has(id)) return id
      if (!seen.has(id)) seen.set(id, `<id-${seen.size + 1}>`)
      return seen.get(id)!
    })
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, '<time>')
    .replace(/(created|updated|Imported) \d{4}-\d{2}-\d{2}/g, '$1 <date>')
    .replace(/urldate = \{\d{4}-\d{2}-\d{2}\}/g, 'urldate = {<date>}')
}

/**
 * Every table but the full-text index, as sorted rows plus the `seq` order of ids. `seq` itself
 * is left out unless `keepSeq` (an import renumbers rows; a restore keeps them).
 */
export function dumpTables(db: Db, keepSeq = false): Record<string, { rows: string[]; order: string[] }> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts*' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>
      const hasSeq = rows.length > 0 && 'seq' in rows[0]!
      const order = hasSeq ? (db.prepare(`SELECT id FROM "${t}" ORDER BY seq`).pluck().all() as string[]) : []
      return [
        t,
        {
          rows: rows.map(({ seq, ...rest }) => JSON.stringify(keepSeq ? { seq, ...rest } : rest)).sort(),
          order,
        },
      ]
    }),
  )
}
