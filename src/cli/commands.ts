/**
 * CLI commands. Each is a thin mapping from arguments to one contract operation
 * (validated by the contract), plus `gloss call`, which exposes every operation.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { restoreNotebookFile } from '../core/backup'
import { fileStem } from '../core/export/names'
import { assertOperationName } from '../shared/dispatch'
import { GlossError } from '../shared/errors'
import { EXPORT_FORMAT_INFO, isFolderExport } from '../shared/exportFormats'
import {
  EXPORT_FORMATS,
  type ArticleSummary,
  type ExportFormat,
  type ExportScope,
  type NotebookImportReport,
  type SourceFormat,
} from '../shared/model'
import { requireArg, type CliContext, type Command } from './context'
import { idMatches, shortId } from './ids'
import {
  formatArticles,
  formatExcerpts,
  formatOrdinals,
  formatSearch,
  formatSections,
  formatTags,
} from './format'
import { operationList } from './operations'
import { serveCommand } from './serveCommand'
import { syncServerCommand } from './syncServer'

function emit(ctx: CliContext, value: unknown, human: () => string) {
  ctx.print(ctx.json ? JSON.stringify(value, null, 2) : human())
}

/** An article by id, or by a unique start or end of its id (see ids.ts). */
async function resolveArticle(ctx: CliContext, ref: string): Promise<ArticleSummary> {
  const articles = await ctx.call('listArticles', {})
  const exact = articles.find((a) => a.id === ref)
  if (exact) return exact
  const matches = articles.filter((a) => idMatches(a.id, ref))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1)
    throw new GlossError(
      'invalid_input',
      `"${ref}" matches ${matches.length} articles; give more of the id.`,
      'article',
    )
  throw new GlossError('not_found', `No article "${ref}" (see \`gloss articles\`).`, 'article')
}

/** A note or an article by id, or a unique start or end of one: whichever it names. */
async function resolveNoteOrArticle(
  ctx: CliContext,
  ref: string,
): Promise<{ scope: ExportScope; title: string }> {
  const [articles, notes] = await Promise.all([ctx.call('listArticles', {}), ctx.call('listNotes', {})])
  const candidates = [
    ...articles.map((a) => ({
      scope: { kind: 'article', id: a.id } as ExportScope,
      id: a.id,
      title: a.title,
    })),
    ...notes.map((n) => ({
      scope: { kind: 'note', id: n.id } as ExportScope,
      id: n.id,
      title: n.title || 'Untitled note',
    })),
  ]
  const exact = candidates.find((c) => c.id === ref)
  const matches = exact ? [exact] : candidates.filter((c) => idMatches(c.id, ref))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) {
    throw new GlossError(
      'invalid_input',
      `"${ref}" matches ${matches.length} notes and articles; give more of the id.`,
      'id',
    )
  }
  throw new GlossError(
    'not_found',
    `No note or article "${ref}" (see \`gloss articles\` and \`gloss call listNotes\`).`,
    'id',
  )
}

function formatImportReport(report: NotebookImportReport): string {
  const line = (label: string, c: NotebookImportReport['added']) =>
    `${label.padEnd(8)} ${c.articles} articles, ${c.sections} sections, ${c.excerpts} excerpts, ${c.tags} tags, ${c.notes} notes`
  const lines = [
    line('added', report.added),
    line('updated', report.updated),
    line('skipped', report.skipped),
  ]
  for (const t of report.mappedTags) lines.push(`tag "${t.name}" merged into the existing "${t.toName}"`)
  for (const a of report.mappedArticles)
    lines.push(`article “${a.title}” is already here (${shortId(a.toId)}); its excerpts and notes joined it`)
  return lines.join('\n')
}

/** "¶4", "4" or "¶4-6" → ordinals; anything else is refused naming the argument. */
export function parseOrdinals(args: string[]): number[] {
  const ordinals: number[] = []
  for (const arg of args) {
    const m = /^¶?(\d+)(?:-¶?(\d+))?$/.exec(arg.trim())
    if (!m) {
      throw new GlossError(
        'invalid_input',
        `"${arg}" is not a section number (give ¶N, N or a range ¶N-M; see \`gloss sections <article> --all\`)`,
        'sections',
      )
    }
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    if (from < 1 || to < from)
      throw new GlossError('invalid_input', `"${arg}" is not a range of sections`, 'sections')
    for (let n = from; n <= to; n++) ordinals.push(n)
  }
  return ordinals
}

/** Section ids of an article by their ¶ numbers; a number the article does not have is refused. */
async function sectionIdsOf(ctx: CliContext, article: ArticleSummary, ordinals: number[]): Promise<string[]> {
  const sections = await ctx.call('listSections', { articleId: article.id, includeQuarantined: true })
  return ordinals.map((n) => {
    const section = sections.find((s) => s.ordinal === n)
    if (!section) {
      throw new GlossError(
        'not_found',
        `“${article.title}” has no ¶${n} (it has ¶1–¶${sections.length}).`,
        'sections',
      )
    }
    return section.id
  })
}

function readStdin(): Buffer {
  return readFileSync(0)
}

export const commands: Command[] = [
  {
    name: 'import',
    usage: 'import <file|url|->',
    summary: 'Import a text, Markdown, HTML, PDF, EPUB or .docx file, or an http(s) address (- reads stdin)',
    options: { format: { type: 'string' }, name: { type: 'string' } },
    async run(ctx, positionals, values) {
      const path = requireArg(positionals, 0, 'file')
      const result =
        path === '-'
          ? await ctx.call('importContent', {
              content: readStdin().toString('base64'),
              encoding: 'base64',
              fileName: values.name as string | undefined,
              format: values.format as SourceFormat | undefined,
            })
          : /^https?:\/\//i.test(path)
            ? await ctx.call('importUrl', { url: path })
            : await ctx.call('importFile', { path })
      emit(ctx, result, () => `${result.message}\n${result.article.id}`)
    },
  },
  {
    name: 'articles',
    usage: 'articles',
    summary: 'List articles, newest first',
    options: {},
    async run(ctx) {
      const articles = await ctx.call('listArticles', {})
      emit(ctx, articles, () => formatArticles(articles))
    },
  },
  {
    name: 'sections',
    usage: 'sections <article> [--all]',
    summary: 'Show an article’s sections (--all includes hidden ones)',
    options: { all: { type: 'boolean', default: false } },
    async run(ctx, positionals, values) {
      const article = await resolveArticle(ctx, requireArg(positionals, 0, 'article'))
      const sections = await ctx.call('listSections', {
        articleId: article.id,
        includeQuarantined: values.all === true,
      })
      emit(ctx, sections, () => formatSections(sections))
    },
  },
  {
    name: 'hide',
    usage: 'hide <article> <¶N>...',
    summary: 'Hide sections from the reading text (kept, restorable with unhide)',
    options: {},
    async run(ctx, positionals) {
      const article = await resolveArticle(ctx, requireArg(positionals, 0, 'article'))
      requireArg(positionals, 1, '¶N')
      const ids = await sectionIdsOf(ctx, article, parseOrdinals(positionals.slice(1)))
      const sections = await ctx.call('quarantineSections', { articleId: article.id, sectionIds: ids })
      emit(ctx, sections, () => `Hidden: ${formatOrdinals(sections)}`)
    },
  },
  {
    name: 'unhide',
    usage: 'unhide <article> [¶N]...',
    summary: 'Bring hidden sections back (all of them when no ¶N is given)',
    options: {},
    async run(ctx, positionals) {
      const article = await resolveArticle(ctx, requireArg(positionals, 0, 'article'))
      const ordinals = parseOrdinals(positionals.slice(1))
      const sectionIds = ordinals.length ? await sectionIdsOf(ctx, article, ordinals) : undefined
      const sections = await ctx.call('restoreSections', { articleId: article.id, sectionIds })
      emit(ctx, sections, () =>
        sections.length ? `Shown again: ${formatOrdinals(sections)}` : 'No hidden sections.',
      )
    },
  },
  {
    name: 'excerpt add',
    usage: 'excerpt add <article> --quote TEXT [--comment TEXT] [--tag NAME]... [--color NAME]',
    summary: 'Highlight a quote of an article',
    options: {
      quote: { type: 'string' },
      prefix: { type: 'string' },
      suffix: { type: 'string' },
      comment: { type: 'string' },
      tag: { type: 'string', multiple: true },
      color: { type: 'string' },
    },
    async run(ctx, positionals, values) {
      const article = await resolveArticle(ctx, requireArg(positionals, 0, 'article'))
      if (values.quote === undefined) throw new GlossError('invalid_input', 'missing --quote TEXT', 'quote')
      const excerpt = await ctx.call('createExcerpt', {
        articleId: article.id,
        quote: values.quote as string,
        prefix: values.prefix as string | undefined,
        suffix: values.suffix as string | undefined,
        comment: values.comment as string | undefined,
        tags: values.tag as string[] | undefined,
        color: values.color as 'yellow' | undefined,
      })
      const sections = await ctx.call('listSections', { articleId: article.id, includeQuarantined: true })
      emit(ctx, excerpt, () => formatExcerpts([excerpt], sections))
    },
  },
  {
    name: 'excerpts',
    usage: 'excerpts <article> [--tag NAME] [--color NAME]',
    summary: 'List an article’s excerpts in reading order',
    options: { tag: { type: 'string' }, color: { type: 'string' } },
    async run(ctx, positionals, values) {
      const article = await resolveArticle(ctx, requireArg(positionals, 0, 'article'))
      const excerpts = await ctx.call('listExcerpts', {
        articleId: article.id,
        tag: values.tag as string | undefined,
        color: values.color as 'yellow' | undefined,
      })
      const sections = await ctx.call('listSections', { articleId: article.id, includeQuarantined: true })
      emit(ctx, excerpts, () => formatExcerpts(excerpts, sections))
    },
  },
  {
    name: 'tags',
    usage: 'tags',
    summary: 'List tags with usage counts',
    options: {},
    async run(ctx) {
      const tags = await ctx.call('listTags', {})
      emit(ctx, tags, () => formatTags(tags))
    },
  },
  {
    name: 'search',
    usage: 'search <query> [--article ID] [--tag NAME]',
    summary: 'Ranked full-text search over sections, excerpts and notes',
    options: { article: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' } },
    async run(ctx, positionals, values) {
      const query = positionals.join(' ')
      if (!query.trim()) throw new GlossError('invalid_input', 'missing <query>', 'query')
      const articleId = values.article ? (await resolveArticle(ctx, values.article as string)).id : undefined
      const result = await ctx.call('search', {
        query,
        articleId,
        tag: values.tag as string | undefined,
        limit: values.limit ? Number(values.limit) : undefined,
      })
      emit(ctx, result, () => formatSearch(result))
    },
  },
  {
    name: 'export',
    usage: 'export <note|article|--all> --format FMT [-o PATH] [--force]',
    summary:
      'Export as md, obsidian, html, json, w3c, csv, pdf, bibtex, csl or ris (--all: everything; a folder for md, a vault that a later export updates for obsidian)',
    options: {
      all: { type: 'boolean', default: false },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
    async run(ctx, positionals, values) {
      const format = values.format as string | undefined
      if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new GlossError(
          'invalid_input',
          `--format must be one of ${EXPORT_FORMATS.join(', ')}`,
          'format',
        )
      }
      let scope: ExportScope
      let stem: string
      if (values.all === true) {
        if (positionals.length > 0)
          throw new GlossError('invalid_input', 'give a note or article id, or --all, not both', 'all')
        scope = { kind: 'notebook' }
        // the vault's name from its exporter, loaded here: it brings Lexical, a second at start
        stem =
          format === 'obsidian'
            ? (await import('../core/export/obsidian')).VAULT_NAME
            : `Gloss notebook ${new Date().toISOString().slice(0, 10)}`
      } else {
        const found = await resolveNoteOrArticle(ctx, requireArg(positionals, 0, 'note|article|--all'))
        scope = found.scope
        stem = fileStem(found.title, found.scope.kind)
      }
      const folder = isFolderExport(scope.kind, format as ExportFormat)
      const path = resolve(
        (values.output as string | undefined) ??
          (folder ? stem : stem + EXPORT_FORMAT_INFO[format as ExportFormat].extension),
      )
      const result = await ctx.call('export', {
        scope,
        format: format as ExportFormat,
        path,
        force: values.force === true,
      })
      emit(
        ctx,
        result,
        () =>
          `Exported ${result.files === 1 ? '' : `${result.files} files, `}${result.bytes} bytes to ${result.path}`,
      )
    },
  },
  {
    name: 'import-notebook',
    usage: 'import-notebook <file.json>',
    summary: 'Merge a Gloss notebook document (`export --all --format json`) into the notebook',
    options: {},
    async run(ctx, positionals) {
      const report = await ctx.call('importNotebook', {
        path: resolve(requireArg(positionals, 0, 'file.json')),
      })
      emit(ctx, report, () => formatImportReport(report))
    },
  },
  {
    name: 'backup',
    usage: 'backup <file> [--force]',
    summary: 'Copy the whole notebook to a file (consistent, verified)',
    options: { force: { type: 'boolean', default: false } },
    async run(ctx, positionals, values) {
      const result = await ctx.call('backupNotebook', {
        path: resolve(requireArg(positionals, 0, 'file')),
        force: values.force === true,
      })
      emit(
        ctx,
        result,
        () => `Backed up the notebook to ${result.path} (${result.bytes} bytes, integrity ok)`,
      )
    },
  },
  {
    name: 'restore',
    usage: 'restore <file> --yes',
    summary: 'Replace the notebook with a backup (the current one is saved to backups/ first)',
    options: { yes: { type: 'boolean', default: false } },
    async run(ctx, positionals, values) {
      const file = resolve(requireArg(positionals, 0, 'file'))
      if (values.yes !== true)
        throw new GlossError('invalid_input', 'restoring replaces the notebook; pass --yes', 'yes')
      // the notebook is not opened first: restoreNotebookFile opens it itself (and copes with a damaged one)
      const result = restoreNotebookFile(ctx.dbPath, file)
      emit(ctx, result, () =>
        [
          `Restored ${result.articleCount} articles, ${result.excerptCount} excerpts, ${result.noteCount} notes from ${result.restoredFrom}`,
          result.safetyBackup ? `The notebook as it was is saved in ${result.safetyBackup}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      )
    },
  },
  serveCommand,
  syncServerCommand,
  {
    name: 'call',
    usage: 'call <operation> [JSON]',
    summary: 'Call any contract operation with a JSON input (see the list below)',
    options: {},
    help: () => `Operations (read or write the notebook):\n${operationList()}`,
    async run(ctx, positionals) {
      const name = requireArg(positionals, 0, 'operation')
      assertOperationName(name)
      let input: unknown = {}
      if (positionals[1] !== undefined) {
        try {
          input = JSON.parse(positionals[1])
        } catch {
          throw new GlossError('invalid_input', `The input for ${name} is not JSON.`, 'JSON')
        }
      }
      const value = await ctx.call(name, input as never)
      ctx.print(JSON.stringify(value, null, 2))
    },
  },
]
