/**
 * The contract: every operation the UI (or CLI, or web shell) may call.
 * Each entry has a zod schema for its input and a phantom type for its output.
 * Shells are generated from this one list; the core's handler map is typed
 * against it, so a missing handler is a compile error.
 */
import { z } from 'zod'
import type {
  ArticleDetail,
  ArticleSummary,
  Backlinks,
  BackupResult,
  EntityName,
  Excerpt,
  ExportResult,
  ImportResult,
  Note,
  NoteSummary,
  NotebookImportReport,
  NotebookInfo,
  ReadingPosition,
  RenderedExport,
  RestoreResult,
  ReviewItem,
  SearchResult,
  Section,
  Tag,
  TagMergeResult,
  TagSnapshot,
  VersionDetail,
  VersionSummary,
} from './model'
import { ARTICLE_SORTS, EXCERPT_COLORS, EXPORT_FORMATS, REVIEW_ACTIONS, SOURCE_FORMATS } from './model'
import { httpUrl, isoDateLike, isoTimestamp, tagColor, tagName } from './formats'
import { syncServerUrlProblem, type NotePeer, type SyncStatus } from './sync'
import { ENTITY_KINDS, SPEAKER_KINDS } from './research'
import type { ResearchEntity, ResearchEvent, ResearchQuote, ResearchStatus } from './research'

declare const outputBrand: unique symbol
/** Carries an operation's output type without a runtime value. */
export type Output<T> = { readonly [outputBrand]?: T }
const returns = <T>(): Output<T> => ({})

/** 'write' operations change the notebook; shells may use this (e.g. for undo, refresh). */
type Effect = 'read' | 'write'

interface OperationSpec {
  input: z.ZodType
  output: Output<unknown>
  effect: Effect
  summary: string
}

const id = (what: string) => z.string().min(1, `${what} is required`).max(200)
const color = z.enum(EXCERPT_COLORS)
const empty = z.object({}).strict()
/** a person, organisation or place of the entity index, by its name there (and kind, when given) */
const entityRef = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'entity name is empty')
      .max(200, 'entity name is longer than 200 characters'),
    kind: z.enum(ENTITY_KINDS, { message: 'entity kind must be person, organization or place' }).optional(),
  })
  .strict()
const exportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), id: id('note id') }).strict(),
  z.object({ kind: z.literal('article'), id: id('article id') }).strict(),
  z.object({ kind: z.literal('notebook') }).strict(),
])
const filePath = z
  .string()
  .min(1, 'path is required')
  .max(4096, 'path is longer than 4096 characters')
  .refine((path) => !path.includes('\0'), 'path contains a NUL character (\\0), which no file name can hold')

const title = z.string().trim().min(1, 'title is empty').max(500, 'title is longer than 500 characters')
/** a publication date: 2024-05-01, or with a time and zone; the day must exist */
const publishedDate = isoDateLike.refine((value) => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}, 'publishedAt names a day that does not exist')
/** what the import of content takes (importContent, importVersion) */
const contentFields = {
  content: z.string().min(1, 'content is empty'),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
  fileName: z.string().min(1).max(500).optional(),
  format: z.enum(['text', 'markdown', 'html']).optional(),
  sourceUrl: httpUrl.optional(),
}

export const contract = {
  notebookInfo: {
    input: empty,
    output: returns<NotebookInfo>(),
    effect: 'read',
    summary: 'Where the notebook lives and what it holds',
  },
  emptyTrash: {
    input: empty,
    output: returns<{ excerpts: number; notes: number; articles: number }>(),
    effect: 'write',
    summary: 'Permanently remove deleted excerpts, notes and articles (with their sections and versions)',
  },

  listArticles: {
    input: z
      .object({
        /** words the title or byline contains (each a word start; case and accents aside) */
        query: z.string().max(500, 'query is longer than 500 characters').optional(),
        sort: z.enum(ARTICLE_SORTS).default('imported'),
        /** only articles with a live excerpt carrying this tag or a tag below it */
        tag: tagName.optional(),
        /** true: only articles some live note links to; false: only those none does */
        hasNotes: z.boolean().optional(),
        /** only articles whose analysis names this entity */
        entity: entityRef.optional(),
        /** list the trash (deleted articles) instead of the library */
        inTrash: z.boolean().default(false),
      })
      .strict(),
    output: returns<ArticleSummary[]>(),
    effect: 'read',
    summary: 'Articles with counts, newest first (or by publication date or title), optionally filtered',
  },
  getArticle: {
    input: z.object({ id: id('article id') }).strict(),
    output: returns<ArticleDetail>(),
    effect: 'read',
    summary:
      'One article with all its sections (quarantined ones included, marked) and where the reader left it',
  },
  setReadingPosition: {
    input: z
      .object({
        articleId: id('article id'),
        sectionId: id('section id'),
        past: z
          .number()
          .int('past is a whole number of px')
          .min(-10_000_000, 'past is below -10,000,000 px')
          .max(10_000_000, 'past is above 10,000,000 px'),
      })
      .strict(),
    output: returns<ReadingPosition>(),
    effect: 'write',
    summary: 'Remember where the reader left an article: the section at its top and px scrolled past it',
  },
  getMedia: {
    input: z.object({ id: z.string().uuid('media id must be a UUID (a layout image’s mediaId)') }).strict(),
    output: returns<{ mime: string; base64: string }>(),
    effect: 'read',
    summary:
      'A picture stored with an article (a section layout’s image mediaId): its type and bytes in base64',
  },
  importFile: {
    input: z.object({ path: filePath }).strict(),
    output: returns<ImportResult>(),
    effect: 'write',
    summary: 'Import a text, Markdown, HTML, PDF, EPUB or Word (.docx) file',
  },
  importContent: {
    input: z
      .object({
        ...contentFields,
        /** what the content is (default: the file name's extension, else sniffed); a pdf, epub or docx comes base64 */
        format: z.enum(SOURCE_FORMATS).optional(),
      })
      .strict(),
    output: returns<ImportResult>(),
    effect: 'write',
    summary: 'Import pasted or uploaded content',
  },
  importUrl: {
    input: z.object({ url: httpUrl }).strict(),
    output: returns<ImportResult>(),
    effect: 'write',
    summary:
      'Fetch a web page, PDF, EPUB or .docx from an http(s) address and import it (the address is its source)',
  },
  renameArticle: {
    input: z.object({ id: id('article id'), title }).strict(),
    output: returns<ArticleSummary>(),
    effect: 'write',
    summary: 'Rename an article (updateArticle with only a title)',
  },
  updateArticle: {
    input: z
      .object({
        id: id('article id'),
        title: title.optional(),
        /** null or '' clears it */
        byline: z.string().trim().max(500, 'byline is longer than 500 characters').nullable().optional(),
        /** an ISO 8601 date (2024-05-01, or with a time and zone); null clears it */
        publishedAt: publishedDate.nullable().optional(),
        /** http(s) only; null clears it */
        sourceUrl: httpUrl.nullable().optional(),
      })
      .strict()
      .refine(
        (v) =>
          v.title !== undefined ||
          v.byline !== undefined ||
          v.publishedAt !== undefined ||
          v.sourceUrl !== undefined,
        { message: 'give at least one of title, byline, publishedAt, sourceUrl', path: ['title'] },
      ),
    output: returns<ArticleSummary>(),
    effect: 'write',
    summary: 'Edit an article’s title, byline, publication date or source address',
  },
  deleteArticle: {
    input: z.object({ id: id('article id') }).strict(),
    output: returns<ArticleSummary>(),
    effect: 'write',
    summary: 'Move an article and its excerpts to the trash (restorable)',
  },
  restoreArticle: {
    input: z.object({ id: id('article id') }).strict(),
    output: returns<ArticleSummary>(),
    effect: 'write',
    summary: 'Bring an article back from the trash, with the excerpts that went with it',
  },

  importVersion: {
    input: z
      .object({
        articleId: id('article id'),
        /** a file on disk, or the content itself (as importContent takes it) */
        path: filePath.optional(),
        ...contentFields,
        content: contentFields.content.optional(),
      })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.content === undefined), {
        message: 'give either path or content',
        path: ['path'],
      }),
    output: returns<ImportResult>(),
    effect: 'write',
    summary: 'Import new content of an article as its next version; excerpts and section links follow',
  },
  listVersions: {
    input: z.object({ articleId: id('article id') }).strict(),
    output: returns<VersionSummary[]>(),
    effect: 'read',
    summary: 'An article’s versions, oldest first (the last is the current one)',
  },
  getVersion: {
    input: z.object({ articleId: id('article id'), number: z.number().int().positive() }).strict(),
    output: returns<VersionDetail>(),
    effect: 'read',
    summary: 'One version of an article: its text and sections (read-only)',
  },
  listReview: {
    input: z.object({ articleId: id('article id').optional() }).strict(),
    output: returns<ReviewItem[]>(),
    effect: 'read',
    summary: 'Excerpts a new version left fuzzy or orphaned: old quote, new text, word diff',
  },
  resolveReview: {
    input: z
      .object({
        excerptId: id('excerpt id'),
        /**
         * accept: take the new text at the best guess · reattach: to [start, end) of the current
         * version · keepOrphan: keep the old quote as a snapshot, out of the queue · delete: to the trash
         */
        action: z.enum(REVIEW_ACTIONS),
        start: z.number().int().nonnegative().optional(),
        end: z.number().int().positive().optional(),
      })
      .strict()
      .refine((v) => v.action !== 'reattach' || (v.start !== undefined && v.end !== undefined), {
        message: 'reattach needs start and end',
        path: ['start'],
      })
      .refine((v) => v.action === 'reattach' || (v.start === undefined && v.end === undefined), {
        message: 'start and end go only with reattach',
        path: ['start'],
      })
      .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, {
        message: 'end must be after start',
        path: ['end'],
      }),
    output: returns<Excerpt>(),
    effect: 'write',
    summary: 'Settle one excerpt of the review queue',
  },

  listSections: {
    input: z.object({ articleId: id('article id'), includeQuarantined: z.boolean().default(false) }).strict(),
    output: returns<Section[]>(),
    effect: 'read',
    summary: 'Sections of an article in order',
  },
  restoreSections: {
    input: z
      .object({
        articleId: id('article id'),
        /** omit to restore every quarantined section of the article */
        sectionIds: z.array(id('section id')).optional(),
      })
      .strict(),
    output: returns<Section[]>(),
    effect: 'write',
    summary: 'Bring quarantined sections back into the reading text',
  },
  quarantineSections: {
    input: z.object({ articleId: id('article id'), sectionIds: z.array(id('section id')).min(1) }).strict(),
    output: returns<Section[]>(),
    effect: 'write',
    summary:
      'Hide sections (kept, restorable): reason “hidden by you”, or the importer’s when it had hidden them',
  },

  createExcerpt: {
    input: z
      .object({
        articleId: id('article id'),
        quote: z.string().min(1, 'quote is empty').optional(),
        prefix: z.string().optional(),
        suffix: z.string().optional(),
        /** character offset hint to choose between repeated quotes */
        hint: z.number().int().nonnegative().optional(),
        start: z.number().int().nonnegative().optional(),
        end: z.number().int().positive().optional(),
        color: color.default('yellow'),
        comment: z.string().max(100_000).default(''),
        tags: z.array(tagName).default([]),
        /** re-create with a known id (undo of a delete that was emptied, import) */
        id: id('excerpt id').optional(),
      })
      .strict()
      .refine((v) => v.quote !== undefined || (v.start !== undefined && v.end !== undefined), {
        message: 'give either a quote or both start and end',
        path: ['quote'],
      })
      .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, {
        message: 'end must be after start',
        path: ['end'],
      }),
    output: returns<Excerpt>(),
    effect: 'write',
    summary: 'Highlight a passage of an article',
  },
  listExcerpts: {
    input: z
      .object({
        articleId: id('article id').optional(),
        tag: tagName.optional(),
        color: color.optional(),
        /** only excerpts whose words mention this entity, or that quote it speaking */
        entity: entityRef.optional(),
        includeDeleted: z.boolean().default(false),
      })
      .strict(),
    output: returns<Excerpt[]>(),
    effect: 'read',
    summary: 'Excerpts in reading order',
  },
  getExcerpt: {
    input: z.object({ id: id('excerpt id') }).strict(),
    output: returns<Excerpt>(),
    effect: 'read',
    summary: 'One excerpt (deleted ones too)',
  },
  updateExcerpt: {
    input: z
      .object({
        id: id('excerpt id'),
        comment: z.string().max(100_000).optional(),
        color: color.optional(),
        /** the full new tag list; missing tags are created */
        tags: z.array(tagName).optional(),
      })
      .strict(),
    output: returns<Excerpt>(),
    effect: 'write',
    summary: 'Change an excerpt’s comment, color or tags',
  },
  deleteExcerpt: {
    input: z.object({ id: id('excerpt id') }).strict(),
    output: returns<Excerpt>(),
    effect: 'write',
    summary: 'Move an excerpt to the trash (restorable)',
  },
  restoreExcerpt: {
    input: z.object({ id: id('excerpt id') }).strict(),
    output: returns<Excerpt>(),
    effect: 'write',
    summary: 'Bring a deleted excerpt back',
  },

  listTags: {
    input: empty,
    output: returns<Tag[]>(),
    effect: 'read',
    summary: 'All tags with usage counts, by name',
  },
  createTag: {
    input: z.object({ name: tagName, color: tagColor.optional() }).strict(),
    output: returns<Tag>(),
    effect: 'write',
    summary: 'Create a tag (and its parents)',
  },
  renameTag: {
    input: z.object({ id: id('tag id'), name: tagName }).strict(),
    output: returns<Tag>(),
    effect: 'write',
    summary: 'Rename a tag; its children follow',
  },
  recolorTag: {
    input: z.object({ id: id('tag id'), color: tagColor }).strict(),
    output: returns<Tag>(),
    effect: 'write',
    summary: 'Change a tag’s color',
  },
  mergeTags: {
    input: z
      .object({ fromIds: z.array(id('tag id')).min(1, 'fromIds is empty'), intoId: id('tag id') })
      .strict(),
    output: returns<TagMergeResult>(),
    effect: 'write',
    summary: 'Fold tags into another one',
  },
  deleteTag: {
    input: z.object({ id: id('tag id') }).strict(),
    output: returns<TagSnapshot[]>(),
    effect: 'write',
    summary: 'Delete a tag and its children; returns what undo needs',
  },
  restoreTags: {
    input: z
      .object({
        snapshots: z.array(
          z.object({
            id: id('tag id'),
            name: tagName,
            color: tagColor,
            createdAt: isoTimestamp,
            excerptIds: z.array(id('excerpt id')),
          }),
        ),
        /** undo of a merge: take the merged-into tag off these excerpts again */
        untag: z.object({ tagId: id('tag id'), excerptIds: z.array(id('excerpt id')) }).optional(),
      })
      .strict(),
    output: returns<Tag[]>(),
    effect: 'write',
    summary: 'Undo a tag deletion or merge',
  },

  search: {
    input: z
      .object({
        query: z.string().max(1000, 'query is longer than 1000 characters'),
        articleId: id('article id').optional(),
        tag: tagName.optional(),
        kinds: z.array(z.enum(['article', 'section', 'excerpt', 'note'])).optional(),
        includeQuarantined: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: returns<SearchResult>(),
    effect: 'read',
    summary: 'Ranked full-text search over sections, excerpts and notes',
  },

  listNotes: {
    input: z
      .object({ articleId: id('article id').optional(), includeDeleted: z.boolean().default(false) })
      .strict(),
    output: returns<NoteSummary[]>(),
    effect: 'read',
    summary: 'Notes, newest first; optionally only those linked to an article',
  },
  getNote: {
    input: z.object({ id: id('note id') }).strict(),
    output: returns<Note>(),
    effect: 'read',
    summary: 'One note with its editor content',
  },
  createNote: {
    input: z
      .object({
        title: z.string().trim().max(500).default(''),
        content: z.unknown().optional(),
        id: id('note id').optional(),
      })
      .strict(),
    output: returns<Note>(),
    effect: 'write',
    summary: 'Create a note',
  },
  saveNote: {
    input: z
      .object({
        id: id('note id'),
        title: z.string().trim().max(500).optional(),
        /** Lexical editor state JSON */
        content: z.unknown(),
      })
      .strict(),
    output: returns<NoteSummary>(),
    effect: 'write',
    summary: 'Save a note’s content; its links are derived from it',
  },
  renameNote: {
    input: z.object({ id: id('note id'), title: z.string().trim().max(500) }).strict(),
    output: returns<NoteSummary>(),
    effect: 'write',
    summary: 'Rename a note',
  },
  deleteNote: {
    input: z.object({ id: id('note id') }).strict(),
    output: returns<NoteSummary>(),
    effect: 'write',
    summary: 'Move a note to the trash (restorable)',
  },
  restoreNote: {
    input: z.object({ id: id('note id') }).strict(),
    output: returns<NoteSummary>(),
    effect: 'write',
    summary: 'Bring a deleted note back',
  },
  getBacklinks: {
    input: z.object({ articleId: id('article id') }).strict(),
    output: returns<Backlinks>(),
    effect: 'read',
    summary: 'Which notes link to each section and excerpt of an article',
  },

  listQuotes: {
    input: z
      .object({
        articleId: id('article id').optional(),
        /** only this speaker's quotations (a person's or an organisation's name) */
        speaker: z.string().trim().min(1, 'speaker is empty').max(200).optional(),
      })
      .strict(),
    output: returns<ResearchQuote[]>(),
    effect: 'read',
    summary:
      'Direct quotations with their speakers and the cue that names them (an article’s, or the notebook’s)',
  },
  setQuoteSpeaker: {
    input: z
      .object({
        id: id('quotation id'),
        /** null: back to the speaker the analysis finds */
        speaker: z
          .object({
            kind: z.enum(SPEAKER_KINDS),
            name: z.string().trim().min(1, 'name is empty').max(200).nullable().default(null),
            description: z.string().trim().min(1, 'description is empty').max(500).nullable().default(null),
          })
          .strict()
          .refine((s) => (s.kind !== 'person' && s.kind !== 'organization') || s.name !== null, {
            message: 'a person or an organisation needs a name',
            path: ['name'],
          })
          .nullable(),
      })
      .strict(),
    output: returns<ResearchQuote>(),
    effect: 'write',
    summary: 'Correct who said a quotation; the correction is kept when the article is analysed again',
  },
  listEntities: {
    input: z
      .object({
        articleId: id('article id').optional(),
        /** part of a name or an alias */
        query: z.string().max(200).optional(),
        kind: z.enum(ENTITY_KINDS).optional(),
      })
      .strict(),
    output: returns<ResearchEntity[]>(),
    effect: 'read',
    summary:
      'People, organisations and places named (an article’s, or across the notebook) with their mentions',
  },
  listEntityNames: {
    input: z
      .object({ articleId: id('article id').optional(), kind: z.enum(ENTITY_KINDS).optional() })
      .strict(),
    output: returns<EntityName[]>(),
    effect: 'read',
    summary:
      'Each entity’s name and kind with how many articles and mentions name it, without the mentions (a list to pick from)',
  },
  listTimeline: {
    input: z.object({ articleId: id('article id').optional() }).strict(),
    output: returns<ResearchEvent[]>(),
    effect: 'read',
    summary:
      'Dated events, relative dates resolved against the article’s date (a guess from the import date when it has none)',
  },
  researchStatus: {
    input: empty,
    output: returns<ResearchStatus>(),
    effect: 'read',
    summary: 'How many articles are analysed (quotations, entities, timeline) of how many',
  },

  export: {
    input: z
      .object({
        scope: exportScope,
        format: z.enum(EXPORT_FORMATS),
        /** the file to write; a folder for a whole-notebook md/html export */
        path: filePath,
        /** replace an existing file or folder */
        force: z.boolean().default(false),
      })
      .strict(),
    output: returns<ExportResult>(),
    effect: 'read',
    summary: 'Export a note, an article or the notebook to a file (atomic; never overwrites without force)',
  },
  renderExport: {
    input: z
      .object({
        scope: exportScope,
        format: z.enum(
          EXPORT_FORMATS.filter((f) => f !== 'pdf') as [Exclude<(typeof EXPORT_FORMATS)[number], 'pdf'>],
        ),
      })
      .strict(),
    output: returns<RenderedExport>(),
    effect: 'read',
    summary: 'An export as text, to preview or download (every format but pdf)',
  },
  importNotebook: {
    input: z
      .object({
        /** a Gloss notebook document (.json) on disk */
        path: filePath.optional(),
        /** or the parsed document itself */
        document: z.unknown().optional(),
      })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.document === undefined), {
        message: 'give either path or document',
        path: ['path'],
      }),
    output: returns<NotebookImportReport>(),
    effect: 'write',
    summary: 'Merge a Gloss notebook document: adds what is missing, keeps newer local edits',
  },
  backupNotebook: {
    input: z.object({ path: filePath, force: z.boolean().default(false) }).strict(),
    output: returns<BackupResult>(),
    effect: 'read',
    summary: 'Copy the whole notebook database to a file (online, consistent, verified)',
  },
  restoreNotebook: {
    input: z.object({ path: filePath }).strict(),
    output: returns<RestoreResult>(),
    effect: 'write',
    summary: 'Replace the notebook with a backup; the current one is saved to backups/ first',
  },

  getSyncStatus: {
    input: empty,
    output: returns<SyncStatus>(),
    effect: 'read',
    summary:
      'Sync: on or off, the server, and whether everything is synced, syncing, offline or failing (why)',
  },
  setSyncSettings: {
    input: z
      .object({
        enabled: z.boolean().optional(),
        serverUrl: z
          .string()
          .trim()
          .max(2000, 'serverUrl is longer than 2000 characters')
          .superRefine((value, ctx) => {
            const problem = syncServerUrlProblem(value)
            if (problem) ctx.addIssue({ code: 'custom', message: problem })
          })
          .optional(),
        token: z.string().trim().max(500, 'token is longer than 500 characters').optional(),
        name: z.string().trim().max(100, 'name is longer than 100 characters').optional(),
      })
      .strict(),
    output: returns<SyncStatus>(),
    effect: 'write',
    summary: 'Turn sync on or off, or change its server, token or the name others see',
  },
  setNotePresence: {
    input: z
      .object({
        noteId: id('note id').nullable(),
        caret: z
          .object({ block: z.number().int().min(0), offset: z.number().int().min(0) })
          .strict()
          .nullable()
          .default(null),
      })
      .strict(),
    output: returns<NotePeer[]>(),
    // the others see it through sync; nothing in the notebook changes
    effect: 'read',
    summary:
      'Sync presence: the note this window is in (null: none) and its caret, which the others see; returns who else is in that note',
  },
} as const satisfies Record<string, OperationSpec>

export type Contract = typeof contract
export type OperationName = keyof Contract
export const operationNames = Object.freeze(Object.keys(contract) as OperationName[])

export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>
export type OutputOf<K extends OperationName> = Contract[K]['output'] extends Output<infer T> ? T : never

/** What the core implements: one handler per operation, inputs already validated. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>
}

/** What a UI sees: every operation, async, taking the unparsed input. */
export type GlossApi = { [K in OperationName]: (input: InputOf<K>) => Promise<OutputOf<K>> }

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
