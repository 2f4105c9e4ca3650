/**
 * CLI commands. Each is a thin mapping from arguments to one contract operation
 * (validated by the contract), plus `gloss call`, which exposes every operation.
 */
import { readFileSync } from 'node:fs'
import type { ParseArgsConfig } from 'node:util'
import { isOperationName } from '../shared/contract'
import { GlossError } from '../shared/errors'
import type { ArticleSummary } from '../shared/model'
import type { CliContext } from './main'
import { requireArg } from './main'
import { formatArticles, formatExcerpts, formatSearch, formatSections, formatTags } from './format'
import { serve } from './serve'

export interface Command {
  name: string
  usage: string
  summary: string
  options: ParseArgsConfig['options']
  run(ctx: CliContext, positionals: string[], values: Record<string, unknown>): Promise<void>
}

function emit(ctx: CliContext, value: unknown, human: () => string) {
  ctx.print(ctx.json ? JSON.stringify(value, null, 2) : human())
}

/** An article by id, or by a unique id prefix (as git takes commits). */
export async function resolveArticle(ctx: CliContext, ref: string): Promise<ArticleSummary> {
  const articles = await ctx.call('listArticles', {})
  const exact = articles.find((a) => a.id === ref)
  if (exact) return exact
  const matches = articles.filter((a) => a.id.startsWith(ref))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) throw new GlossError('invalid_input', `"${ref}" matches ${matches.length} articles; give more of the id.`, 'article')
  throw new GlossError('not_found', `No article "${ref}" (see \`gloss articles\`).`, 'article')
}

function readStdin(): Buffer {
  return readFileSync(0)
}

export const commands: Command[] = [
  {
    name: 'import',
    usage: 'import <file|->',
    summary: 'Import a text, Markdown or HTML file (- reads stdin)',
    options: { format: { type: 'string' }, name: { type: 'string' } },
    async run(ctx, [file], values) {
      const path = requireArg([file!].filter(Boolean), 0, 'file')
      const result =
        path === '-'
          ? await ctx.call('importContent', {
              content: readStdin().toString('base64'),
              encoding: 'base64',
              fileName: values.name as string | undefined,
              format: values.format as 'text' | 'markdown' | 'html' | undefined,
            })
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
      const sections = await ctx.call('listSections', { articleId: article.id, includeQuarantined: values.all === true })
      emit(ctx, sections, () => formatSections(sections))
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
      emit(ctx, excerpt, () => formatExcerpts([excerpt]))
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
      emit(ctx, excerpts, () => formatExcerpts(excerpts))
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
    name: 'serve',
    usage: 'serve [--port N]',
    summary: 'Serve the app to a browser on 127.0.0.1 (prints the URL with its token)',
    options: { port: { type: 'string' } },
    async run(ctx, _positionals, values) {
      const port = values.port === undefined ? 0 : Number(values.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new GlossError('invalid_input', `--port must be a number from 0 to 65535, not "${String(values.port)}"`, 'port')
      }
      ctx.keepOpen()
      await serve(ctx, port)
    },
  },
  {
    name: 'call',
    usage: 'call <operation> [JSON]',
    summary: 'Call any contract operation with a JSON input (see the list below)',
    options: {},
    async run(ctx, positionals) {
      const name = requireArg(positionals, 0, 'operation')
      if (!isOperationName(name)) throw new GlossError('invalid_input', `Unknown operation "${name}".`, 'operation')
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

