/**
 * Obsidian vault export: a folder Obsidian opens as a vault, where every reference keeps the
 * way back to its source.
 *
 *   Gloss notebook.md       the index: links to every article, note and tag
 *   Articles/<Title>.md     every section its own block (^p6; headings as headings, the id on
 *                           the line after), every excerpt a callout with its block id (^e-…),
 *                           colour (callout metadata), comment and nested #tags
 *   Notes/<Title>.md        section chips as [[Title#^p6|¶6]], excerpt cards as embeds ![[Title#^e-…]]
 *
 * File names are unique across the vault (case-insensitively, so a bare [[Title]] is never
 * ambiguous), safe on Windows, macOS and Linux, and stable: the same title gives the same name,
 * and a title shared with an earlier article or note gets the end of its own id. No file carries
 * the export time, so exporting an unchanged notebook writes the same bytes. YAML front matter
 * holds each file's Gloss id (`gloss_id`), by which a re-export (./vaultWrite.ts) knows its own
 * files from the person's.
 *
 * A chip or card whose target is not in the vault (an article in the trash, a hidden section)
 * is written as plain text, so no link dangles.
 */
import type { RenderedFile } from '../../shared/model'
import type { ArticleRecord, NoteRecord, Snapshot } from '../snapshot/records'
import { cardView, excerptLabel, excerptPlace, findSection, refLabel } from './layout'
import {
  bylineLine,
  commentMarkdown,
  NOT_VERBATIM,
  noteBodyMarkdown,
  tagLine,
  uniqueTags,
  type MarkdownContext,
} from './markdown'
import { escapeLine, escapeMarkdown, frontMatter, lf } from './markdownText'
import { fileStem } from './names'
import { noteTitle, notesCiting, visibleExcerpts, visibleSections } from './visible'

export const VAULT_INDEX = 'Gloss notebook'
/** The folder a vault export suggests: always the same, so exporting again updates it. */
export const VAULT_NAME = 'Gloss vault'
export const VAULT_FOLDERS = { articles: 'Articles', notes: 'Notes' } as const

/** A front matter text that is not a link: Obsidian takes "[[…]]" in a property for one. */
const notALink = (text: string | null) => text && text.replace(/\[(?=\[)/g, '[ ').replace(/\](?=\])/g, '] ')

/** Markdown text Obsidian also shows literally: its comments (%%) are not opened either. */
const vaultText = (text: string) => escapeMarkdown(text).replace(/%%/g, '%\\%')
const vaultLine = (text: string) => escapeLine(text).replace(/%%/g, '%\\%')

interface VaultNames {
  /** article or note id → file name without ".md" */
  byId: Map<string, string>
  /** article id → (excerpt id → block id) */
  excerptBlocks: Map<string, Map<string, string>>
}

/** Articles, then notes, in the order they were added: an earlier one keeps the plain title. */
function vaultNames(data: Snapshot): VaultNames {
  const used = new Set([VAULT_INDEX.toLowerCase()])
  const byId = new Map<string, string>()
  const name = (id: string, title: string, fallback: string) => {
    const stem = fileStem(title, fallback)
    let candidate = stem
    // the id's end, not a counter: the name does not change when another is added or removed
    if (used.has(candidate.toLowerCase())) candidate = `${stem} (${id.slice(-8)})`
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${id.slice(-8)}-${n})`
    used.add(candidate.toLowerCase())
    byId.set(id, candidate)
  }
  for (const a of data.articles) name(a.id, a.title, 'Untitled article')
  for (const n of data.notes) name(n.id, noteTitle(n), 'Untitled note')

  const excerptBlocks = new Map<string, Map<string, string>>()
  for (const a of data.articles) {
    const blocks = new Map<string, string>()
    const taken = new Set<string>()
    for (const e of visibleExcerpts(data, a.id)) {
      let id = `e-${e.id.slice(-8).toLowerCase()}`
      if (taken.has(id)) id = `e-${e.id.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}`
      taken.add(id)
      blocks.set(e.id, id)
    }
    excerptBlocks.set(a.id, blocks)
  }
  return { byId, excerptBlocks }
}

/** "[[Name]]", or "[[Name|Title]]" where the file name had to differ from the title. */
const fileLink = (name: string, title: string) =>
  name === title ? `[[${name}]]` : `[[${name}|${vaultLine(title)}]]`

/** "[[Name#^p6|p. 4, ¶6]]"; "[[#^p6|¶6]]" inside the same file. */
const wikiLink = (file: string | null, block: string, label: string) => `[[${file ?? ''}#^${block}|${label}]]`

function calloutLines(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() ? `> ${line}` : '>'))
}

/** An excerpt as a callout; `link` is its title (the ¶ it sits in), `blockId` goes on the line after. */
function excerptCallout(options: {
  color: string
  link: string
  quote: string
  comment: string
  tags: string[]
  verbatim?: boolean
  blockId?: string
}): string {
  const body: string[] = [`> [!quote|${options.color}] ${options.link}`]
  body.push(...calloutLines(lf(options.quote).split('\n').map(vaultText).join('\n')))
  if (options.verbatim === false) body.push('>', `> ${NOT_VERBATIM}`)
  if (options.comment.trim()) body.push('>', ...calloutLines(commentMarkdown(options.comment)))
  if (options.tags.length) body.push('>', `> ${tagLine(options.tags)}`)
  const callout = body.join('\n')
  return options.blockId ? `${callout}\n\n^${options.blockId}` : callout
}

function articleFile(data: Snapshot, article: ArticleRecord, names: VaultNames): string {
  const excerpts = visibleExcerpts(data, article.id)
  const blocks = names.excerptBlocks.get(article.id)!
  const parts: string[] = [
    frontMatter({
      title: notALink(article.title),
      type: 'gloss-article',
      gloss_id: article.id,
      source: article.sourceUrl,
      byline: notALink(article.byline),
      date: article.publishedAt,
      imported: article.importedAt,
      tags: uniqueTags(excerpts.flatMap((e) => e.tags.map((t) => t.name))),
    }),
    `# ${vaultLine(article.title)}`,
  ]
  const byline = bylineLine(article)
  if (byline) parts.push(byline)

  parts.push(`## Excerpts (${excerpts.length})`)
  if (excerpts.length === 0) parts.push('*No excerpts.*')
  for (const e of excerpts) {
    parts.push(
      excerptCallout({
        color: e.color,
        link: wikiLink(null, `p${e.sectionOrdinal}`, excerptLabel(excerptPlace(data, e))),
        quote: e.quote.exact,
        comment: e.comment,
        tags: e.tags.map((t) => t.name),
        verbatim: e.verbatim,
        blockId: blocks.get(e.id)!,
      }),
    )
  }

  const notes = notesCiting(data, article.id)
  parts.push(`## Notes (${notes.length})`)
  parts.push(
    notes.length
      ? notes.map((n) => `- ${fileLink(names.byId.get(n.id)!, noteTitle(n))}`).join('\n')
      : '*No notes cite this article.*',
  )

  parts.push('## Text')
  for (const s of visibleSections(article)) {
    const label = refLabel(s)
    if (s.kind === 'heading') {
      // a heading keeps its text clean; its id is the block on the next line
      parts.push(`${'#'.repeat(Math.min(6, 2 + (s.level ?? 1)))} ${vaultLine(s.text)}`, `^p${s.ordinal}`)
    } else {
      const text = vaultText(s.text.trim()).replace(/\n/g, '  \n')
      // a picture's caption in italics (the picture is not exported)
      parts.push(`**${label}** ${s.role === 'caption' ? `*${text}*` : text} ^p${s.ordinal}`)
    }
  }
  return parts.join('\n\n') + '\n'
}

function noteFile(data: Snapshot, note: NoteRecord, names: VaultNames): string {
  const articleIds = [
    ...new Set(data.noteLinks.filter((l) => l.noteId === note.id).map((l) => l.articleId)),
  ].filter((id) => names.byId.has(id))
  const ctx: MarkdownContext = {
    data,
    headingShift: 1,
    vault: {
      sectionRef(ref) {
        const found = findSection(data, ref.articleId, ref.sectionId)
        if (!found) return null
        const { article, section } = found
        const words = ref.words ? `“${vaultLine(ref.words)}” ` : ''
        const link = wikiLink(names.byId.get(article.id)!, `p${section.ordinal}`, refLabel(section))
        return `${words}(${link})`
      },
      excerptCard(card) {
        const live = data.citedExcerpts.get(card.excerptId)
        const block = live && names.excerptBlocks.get(live.articleId)?.get(live.id)
        if (live && block) return `![[${names.byId.get(live.articleId)!}#^${block}]]`
        // not in the vault: the note's snapshot, unlinked
        const view = cardView(card, data)
        return excerptCallout({
          color: card.snapshot.color,
          link: `${vaultLine(view.articleTitle)}, ${excerptLabel(view)}`,
          quote: view.quote,
          comment: view.comment,
          tags: view.tags,
        })
      },
    },
  }
  const body = noteBodyMarkdown(note, ctx)
  return (
    [
      frontMatter(
        {
          title: notALink(noteTitle(note)),
          type: 'gloss-note',
          gloss_id: note.id,
          created: note.createdAt,
          updated: note.updatedAt,
          articles: articleIds.map((id) => `[[${names.byId.get(id)!}]]`),
        },
        { wikiLinks: true },
      ),
      `# ${vaultLine(noteTitle(note))}`,
      body,
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  )
}

function indexFile(data: Snapshot, names: VaultNames): string {
  const link = (id: string, title: string) => fileLink(names.byId.get(id)!, title)
  const tags = uniqueTags(visibleExcerpts(data).flatMap((e) => e.tags.map((t) => t.name))).sort((a, b) =>
    a.localeCompare(b),
  )
  const parts = [
    frontMatter({ title: VAULT_INDEX, type: 'gloss-index', gloss_id: 'index' }),
    `# ${VAULT_INDEX}`,
    `## Articles (${data.articles.length})`,
    data.articles.length
      ? data.articles
          .map((a) => {
            const count = visibleExcerpts(data, a.id).length
            const by = a.byline ? ` — ${vaultLine(a.byline)}` : ''
            return `- ${link(a.id, a.title)}${by} (${count} excerpt${count === 1 ? '' : 's'})`
          })
          .join('\n')
      : '*No articles.*',
    `## Notes (${data.notes.length})`,
    data.notes.length ? data.notes.map((n) => `- ${link(n.id, noteTitle(n))}`).join('\n') : '*No notes.*',
    `## Tags (${tags.length})`,
    tags.length ? tags.map((t) => `#${t}`).join(' ') : '*No tags.*',
  ]
  return parts.join('\n\n') + '\n'
}

/** Every file of the vault, paths relative to its folder. */
export function renderObsidian(data: Snapshot): RenderedFile[] {
  const names = vaultNames(data)
  return [
    { path: `${VAULT_INDEX}.md`, content: indexFile(data, names) },
    ...data.articles.map((a) => ({
      path: `${VAULT_FOLDERS.articles}/${names.byId.get(a.id)!}.md`,
      content: articleFile(data, a, names),
    })),
    ...data.notes.map((n) => ({
      path: `${VAULT_FOLDERS.notes}/${names.byId.get(n.id)!}.md`,
      content: noteFile(data, n, names),
    })),
  ]
}
