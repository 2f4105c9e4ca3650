/**
 * The Gloss notebook document: everything a scope holds, as one versioned JSON file that
 * `importNotebook` reads back.
 *
 *   { format: 'gloss-notebook', version: 2, exportedAt, generator,
 *     articles: [{ …, text, contentHtml, sections: [{ id, ordinal, kind, baseKind, …, page, role, layout? }],
 *                  media?: [{ id, mime, sha256, base64 }],
 *                  version, versionImportedAt, versions: [{ number, …, text, sections }],
 *                  quoteCorrections?: [{ quoteKey, speaker: { kind, name, description }, correctedAt }] }],
 *     excerpts: [{ id, articleId, sectionId, quote: TextQuoteSelector, position: TextPositionSelector,
 *                  color, comment, anchorStatus, verbatim, reviewedAt, tags: [{ id, name }], createdAt, updatedAt }],
 *     tags: [{ id, name, color, createdAt }],
 *     notes: [{ id, title, content (Lexical JSON), createdAt, updatedAt }],
 *     noteLinks: [{ noteId, targetType, targetId, articleId }] }
 *
 * Offsets are UTF-16 code units into the article text (as Gloss stores them). Sections
 * include quarantined ones (kind 'quarantined', with the kind they return to as baseKind):
 * the text, the ordinals and "restore hidden sections" depend on them. Deleted excerpts and
 * notes are never written. noteLinks are informative: on import they are derived again from
 * each note's content, as every save does, and must agree with it.
 *
 * Versioning: `version` changes only when a reader of the previous version would misread
 * the document. Adding an optional field is not a new version. A new version adds a step to
 * the upgrade chain (./upgrade.ts), so every older document is still read.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { GlossError } from '../../shared/errors'
import { isHttpUrl, isoDateLike, isoTimestamp, tagColor, tagName } from '../../shared/formats'
import { EXCERPT_COLORS, SOURCE_FORMATS, type SectionLayout } from '../../shared/model'
import { layoutProblem } from '../import/layout'
import { MAX_PICTURE_BYTES } from '../import/limits'
import { PICTURE_MIMES } from '../import/pictures'
import { mediaProblem } from '../media'
import { SPEAKER_KINDS } from '../../shared/research'
import { normalizeTagName } from '../tags'
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, upgradeNotebookDocument } from './upgrade'

const text = z.string()
const nullableText = z.string().nullable()
const offset = z.number().int().nonnegative()
const timestamp = isoTimestamp // the contract's, so what it accepts always comes back
const docId = z.string().min(1).max(200)

const sectionSchema = z.object({
  id: docId,
  ordinal: z.number().int().positive(),
  kind: z.enum(['heading', 'paragraph', 'quarantined']),
  baseKind: z.enum(['heading', 'paragraph']),
  level: z.number().int().min(1).max(6).nullable(),
  text,
  start: offset,
  end: offset,
  quarantineReason: nullableText,
  /** a PDF's: the page the section starts on */
  page: z.number().int().positive().nullable().optional(),
  /** 'caption': a picture's caption */
  role: z.literal('caption').nullable(),
  /** SectionLayout over its text (checked against it below); absent or null: plain */
  layout: z.unknown().optional(),
})

/** A picture stored with the article: a layout image's mediaId names it; its bytes are checked below. */
const mediaSchema = z.object({
  id: docId,
  mime: z.enum(PICTURE_MIMES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'),
  base64: z.string().max(Math.ceil(MAX_PICTURE_BYTES / 3) * 4 + 4, 'is larger than a picture may be'),
})

/** A version the article had before its current one: its text and how it was split (read-only). */
const versionSchema = z.object({
  number: z.number().int().positive(),
  format: z.enum(['text', 'markdown', 'html']),
  sourceFormat: z.enum(SOURCE_FORMATS).nullable(),
  text,
  contentHtml: nullableText,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'),
  importedAt: timestamp,
  sections: z.array(
    z.object({
      id: docId,
      ordinal: z.number().int().positive(),
      kind: z.enum(['heading', 'paragraph', 'quarantined']),
      level: z.number().int().min(1).max(6).nullable(),
      start: offset,
      end: offset,
      page: z.number().int().positive().nullable(),
      layout: z.unknown().optional(),
    }),
  ),
})

const articleSchema = z.object({
  id: docId,
  title: z.string().min(1).max(500),
  format: z.enum(['text', 'markdown', 'html']),
  /** what the file was (pdf, epub, docx…); absent in older documents: then `format` */
  sourceFormat: z.enum(SOURCE_FORMATS).optional(),
  sourcePath: nullableText,
  sourceUrl: nullableText.transform((url) => (url !== null && isHttpUrl(url) ? url : null)), // as HTML import: http(s) only
  byline: nullableText,
  publishedAt: isoDateLike.nullable(),
  importedAt: timestamp,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'),
  text,
  contentHtml: nullableText,
  sections: z.array(sectionSchema),
  /** the version it holds now; the ones it replaced are `versions`, oldest first */
  version: z.number().int().positive(),
  versionImportedAt: timestamp.nullable(),
  versions: z.array(versionSchema),
  /** pictures its sections' layouts name */
  media: z.array(mediaSchema).max(10_000).optional(),
  /** speakers the person set on its quotations (the research analysis), by their folded words */
  quoteCorrections: z
    .array(
      z.object({
        quoteKey: z.string().min(1).max(20_000),
        speaker: z.object({
          kind: z.enum(SPEAKER_KINDS),
          name: z.string().min(1).max(200).nullable(),
          description: z.string().min(1).max(500).nullable(),
        }),
        correctedAt: timestamp,
      }),
    )
    .optional(),
})

const excerptSchema = z.object({
  id: docId,
  articleId: docId,
  sectionId: docId,
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: text,
    suffix: text,
  }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  color: z.enum(EXCERPT_COLORS),
  comment: z.string().max(100_000),
  anchorStatus: z.enum(['anchored', 'fuzzy', 'orphaned']),
  /** its words are still those of the current version (Excerpt.verbatim) */
  verbatim: z.boolean(),
  /** a re-anchoring the person settled */
  reviewedAt: timestamp.nullable(),
  tags: z.array(z.object({ id: docId, name: z.string() })),
  createdAt: timestamp,
  updatedAt: timestamp,
})

const tagSchema = z.object({
  id: docId,
  name: tagName,
  color: tagColor,
  createdAt: timestamp,
})

const noteSchema = z.object({
  id: docId,
  title: z.string().max(500),
  content: z.unknown().refine((v) => v !== undefined, 'note content is missing'),
  createdAt: timestamp,
  updatedAt: timestamp,
})

const noteLinkSchema = z.object({
  noteId: docId,
  targetType: z.enum(['section', 'excerpt']),
  targetId: docId,
  articleId: docId,
})

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex')

export const notebookDocumentSchema = z
  .object({
    format: z.literal(NOTEBOOK_FORMAT),
    version: z.literal(NOTEBOOK_VERSION), // older versions are upgraded before (./upgrade.ts)
    exportedAt: timestamp,
    generator: z.string().optional(),
    articles: z.array(articleSchema),
    excerpts: z.array(excerptSchema),
    tags: z.array(tagSchema),
    notes: z.array(noteSchema),
    noteLinks: z.array(noteLinkSchema),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    const unique = <T>(list: T[], key: (item: T) => string, path: string, what: string) => {
      const seen = new Set<string>()
      list.forEach((item, i) => {
        const k = key(item)
        if (seen.has(k)) issue([path, i, 'id'], `duplicate ${what} "${k}"`)
        seen.add(k)
      })
    }
    unique(doc.articles, (a) => a.id, 'articles', 'article id')
    unique(doc.excerpts, (e) => e.id, 'excerpts', 'excerpt id')
    unique(doc.tags, (t) => t.id, 'tags', 'tag id')
    unique(doc.notes, (n) => n.id, 'notes', 'note id')
    const tagNames = new Set<string>()
    doc.tags.forEach((t, i) => {
      const key = normalizeTagName(t.name).toLowerCase()
      if (tagNames.has(key)) issue(['tags', i, 'name'], `duplicate tag name "${t.name}"`)
      tagNames.add(key)
    })

    const sectionOwner = new Map<string, string>()
    const articleText = new Map<string, string>()
    doc.articles.forEach((a, i) => {
      articleText.set(a.id, a.text)
      if (sha256(a.text) !== a.contentHash)
        issue(['articles', i, 'contentHash'], 'does not match the article text')
      const mediaIds = new Set<string>()
      a.media?.forEach((m, j) => {
        const problem = mediaProblem(m)
        if (problem !== null) issue(['articles', i, 'media', j], problem)
        if (mediaIds.has(m.id)) issue(['articles', i, 'media', j, 'id'], `duplicate media id "${m.id}"`)
        mediaIds.add(m.id)
      })
      /** a layout over `length` characters whose pictures are this article's */
      const checkLayout = (layout: unknown, length: number, at: Array<string | number>) => {
        if (layout === undefined || layout === null) return
        const problem = layoutProblem(layout, length)
        if (problem !== null) return issue([...at, 'layout'], problem)
        for (const image of (layout as SectionLayout).images ?? [])
          if (image.mediaId !== null && !mediaIds.has(image.mediaId))
            issue([...at, 'layout', 'images'], `no picture "${image.mediaId}" in the article's media`)
      }
      const ordinals = new Set<number>()
      a.sections.forEach((s, j) => {
        const at = ['articles', i, 'sections', j]
        if (sectionOwner.has(s.id)) issue([...at, 'id'], `duplicate section id "${s.id}"`)
        sectionOwner.set(s.id, a.id)
        if (ordinals.has(s.ordinal)) issue([...at, 'ordinal'], `duplicate ordinal ${s.ordinal}`)
        ordinals.add(s.ordinal)
        if (s.end < s.start || s.end > a.text.length)
          issue([...at, 'end'], `range ${s.start}–${s.end} is outside the text (${a.text.length})`)
        else if (a.text.slice(s.start, s.end) !== s.text)
          issue([...at, 'text'], 'does not match the article text at its offsets')
        if (s.kind !== 'quarantined' && s.kind !== s.baseKind)
          issue([...at, 'baseKind'], `must be "${s.kind}"`)
        checkLayout(s.layout, s.text.length, at)
      })
      const numbers = new Set<number>()
      a.versions.forEach((v, j) => {
        const at = ['articles', i, 'versions', j]
        if (v.number >= a.version) issue([...at, 'number'], `must be before the current version ${a.version}`)
        if (numbers.has(v.number)) issue([...at, 'number'], `duplicate version ${v.number}`)
        numbers.add(v.number)
        if (sha256(v.text) !== v.contentHash) issue([...at, 'contentHash'], 'does not match the version text')
        v.sections.forEach((s, k) => {
          if (s.end < s.start || s.end > v.text.length)
            issue(
              [...at, 'sections', k, 'end'],
              `range ${s.start}–${s.end} is outside the text (${v.text.length})`,
            )
          else checkLayout(s.layout, s.end - s.start, [...at, 'sections', k])
        })
      })
    })
    const tagIds = new Set(doc.tags.map((t) => t.id))
    doc.excerpts.forEach((e, i) => {
      const at = ['excerpts', i]
      const textOf = articleText.get(e.articleId)
      if (textOf === undefined) issue([...at, 'articleId'], `no article "${e.articleId}" in the document`)
      if (sectionOwner.get(e.sectionId) !== e.articleId)
        issue([...at, 'sectionId'], `no section "${e.sectionId}" in article "${e.articleId}"`)
      if (e.position.end <= e.position.start) issue([...at, 'position', 'end'], 'must be after start')
      else if (textOf !== undefined && e.position.end > textOf.length)
        issue([...at, 'position', 'end'], `is past the end of the article (${textOf.length})`)
      e.tags.forEach((t, j) => {
        if (!tagIds.has(t.id)) issue([...at, 'tags', j, 'id'], `no tag "${t.id}" in the document's tags`)
      })
    })
    const noteIds = new Set(doc.notes.map((n) => n.id))
    doc.noteLinks.forEach((l, i) => {
      if (!noteIds.has(l.noteId)) issue(['noteLinks', i, 'noteId'], `no note "${l.noteId}" in the document`)
    })
  })

export type NotebookDocument = z.infer<typeof notebookDocumentSchema>

const pathOf = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.') || '(document)'

/** Check a parsed document, upgraded to this version first; throws GlossError naming the path of the first bad field. */
export function parseNotebookDocument(raw: unknown): NotebookDocument {
  const result = notebookDocumentSchema.safeParse(upgradeNotebookDocument(raw))
  if (!result.success) {
    const first = result.error.issues[0]!
    const path = pathOf(first.path)
    throw new GlossError(
      'invalid_input',
      `The notebook document is invalid at ${path}: ${first.message}`,
      `document.${path}`,
    )
  }
  return result.data
}
