import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { strFromU8, unzipSync } from 'fflate'
import { marked } from 'marked'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { callApi, seedExcerpts, selectInSection, waitForArticle } from './helpers'
import { elementNode, textNode } from '../src/shared/notes/testing/lexicalJson'

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version

const SHOTS = resolve(import.meta.dirname, '..', 'screenshots')
mkdirSync(SHOTS, { recursive: true })
/** screenshots to look at, outside the repository */
const SHOTS_TMP = '/tmp/gloss-export-shots'
mkdirSync(SHOTS_TMP, { recursive: true })

const SENTENCE = 'Despite these shifts, the question remains: will Trump seek to re-engage with Kim?'
const COMMENT = 'Pivotal question about renewed summitry'

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' })
const textPreview = (page: Page) => exportDialog(page).getByLabel('Preview of the export')

async function openExport(page: Page) {
  await page.keyboard.press('Control+E')
  await expect(exportDialog(page)).toBeVisible()
}

async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; bytes: Buffer }> {
  const event = page.waitForEvent('download')
  await click()
  const download = await event
  const path = await download.path()
  return { download, bytes: readFileSync(path) }
}

/** Highlight SENTENCE in ¶6 and give it COMMENT, as a reader would. */
async function highlightWithComment(page: Page) {
  await waitForArticle(page)
  await selectInSection(page, 6, SENTENCE)
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.keyboard.press('h')
  const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
  await expect(card).toHaveCount(1)
  const comment = card.getByRole('textbox', { name: 'Comment' })
  await comment.fill(COMMENT)
  await comment.press('Control+Enter')
  await expect(comment).toHaveValue(COMMENT)
}

test('the open article exports as Markdown, HTML and CSV, previewed and downloaded', async ({
  page,
  gloss,
}) => {
  await highlightWithComment(page)
  await expect
    .poll(async () => (await callApi<{ comment: string }[]>(gloss, 'listExcerpts', {}))[0]?.comment)
    .toBe(COMMENT)

  // Ctrl+E opens the dialog, the article is the scope when one is open
  await openExport(page)
  const dialog = exportDialog(page)
  const articleScope = dialog.getByRole('radio', { name: /This article with its excerpts and notes/ })
  await articleScope.check()
  await expect(articleScope).toBeChecked()
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' })
  await expect(dialog.getByText(/Quotes as block quotes/)).toBeVisible()

  // the preview is the Markdown itself: block quote lines, the ¶ reference, the comment
  await expect(textPreview(page)).toContainText(COMMENT)
  const markdown = (await textPreview(page).textContent()) ?? ''
  expect(markdown).toMatch(/^> /m)
  expect(markdown).toContain('¶6')
  expect(markdown).toContain(SENTENCE)

  const md = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(md.download.suggestedFilename()).toMatch(/\.md$/)
  const file = md.bytes.toString('utf8')
  expect(file).toContain(`> ${SENTENCE}`)
  expect(file).toContain(COMMENT)
  await expect(
    page.getByTestId('toast').filter({ hasText: `Downloaded ${md.download.suggestedFilename()}` }),
  ).toBeVisible()
  await expect(dialog).toHaveCount(0)

  // HTML: previewed in a sandboxed frame, with no script anywhere
  await openExport(page)
  await dialog.getByLabel('Format').selectOption({ label: 'HTML (printable)' })
  const frame = dialog.locator('iframe[title="Preview of the HTML export"]')
  await expect(frame).toBeVisible()
  await expect(frame).toHaveAttribute('sandbox', '')
  expect((await frame.getAttribute('srcdoc'))?.toLowerCase()).not.toContain('<script')
  const inside = page.frameLocator('iframe[title="Preview of the HTML export"]')
  await expect(inside.locator('blockquote').first()).toContainText(SENTENCE)
  await expect(inside.locator('script')).toHaveCount(0)
  await expect(inside.locator('[onclick], [onload], [onerror]')).toHaveCount(0)

  // CSV: a download that starts with a byte order mark (so spreadsheets read UTF-8)
  await dialog.getByLabel('Format').selectOption({ label: 'CSV of excerpts (spreadsheets)' })
  await expect(textPreview(page)).toContainText(SENTENCE)
  const csv = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(csv.download.suggestedFilename()).toMatch(/\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(csv.bytes.toString('utf8')).toContain(COMMENT)
})

test('scopes: a note by choice, as a vault too; the whole notebook in every format', async ({
  page,
  gloss,
}) => {
  await seedExcerpts(gloss)
  await callApi(gloss, 'createNote', { title: 'Summit reading list' })
  await page.reload()
  await waitForArticle(page)
  await openExport(page)
  const dialog = exportDialog(page)

  const noteScope = dialog.getByRole('radio', { name: 'This note' })
  await expect(noteScope).toBeEnabled()
  await dialog.getByLabel('Note to export').selectOption({ label: 'Summit reading list' })
  await expect(noteScope).toBeChecked()
  await expect(textPreview(page)).toContainText('Summit reading list')
  const format = dialog.getByLabel('Format')
  // a note as a vault of its own: the note and what it cites, a folder (a .zip here)
  await format.selectOption({ label: 'Obsidian vault' })
  await expect(textPreview(page)).toContainText('# Gloss notebook')
  await expect(dialog.getByText(/Summit reading list \(folder, 2 files\)/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Download .zip' })).toBeEnabled()
  await expect(dialog.getByRole('list', { name: 'Not available for this choice' })).toHaveCount(0)

  // the whole notebook: every format, a folder as a .zip
  await dialog.getByRole('radio', { name: /Whole notebook/ }).check()
  for (const label of ['Markdown', 'Obsidian vault', 'HTML (printable)', 'PDF', 'RIS'])
    await expect(format.getByRole('option', { name: label, exact: true })).toBeEnabled()
  await format.selectOption({ label: 'Gloss notebook JSON' })
  await expect(textPreview(page)).toContainText('"articles"')
  const json = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(json.download.suggestedFilename()).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}\.gloss\.json$/)
  const document = JSON.parse(json.bytes.toString('utf8')) as {
    articles: unknown[]
    notes: unknown[]
    generator: string
  }
  expect(document.articles).toHaveLength(1)
  expect(document.notes).toHaveLength(1)
  expect(document.generator).toBe(`Gloss ${PACKAGE_VERSION}`)

  // a PDF of the article goes through the browser's print dialog, which is explained
  await openExport(page)
  await dialog.getByRole('radio', { name: /This article/ }).check()
  await format.selectOption({ label: 'PDF' })
  await expect(dialog.getByText(/choose “Save as PDF”/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Print…' })).toBeEnabled()
  await expect(dialog.locator('iframe[title="Preview of the page printed to PDF"]')).toHaveAttribute(
    'sandbox',
    '',
  )
})

test('backup from the palette writes a copy into backups/ beside the notebook', async ({ page, gloss }) => {
  await waitForArticle(page)
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Type a command' }).fill('back up')
  await expect(page.getByRole('option', { name: /Back up notebook…/ })).toBeVisible()
  await page.keyboard.press('Enter')

  const toast = page.getByTestId('toast').filter({ hasText: 'Backed up the notebook to' })
  await expect(toast).toBeVisible()
  const message = (await toast.locator('.toast-message').textContent()) ?? ''
  const path = /Backed up the notebook to (.+\.db) \(/.exec(message)?.[1]
  expect(path, message).toBeTruthy()
  expect(dirname(path!)).toBe(join(dirname(gloss.dbPath), 'backups'))
  expect(path!).toMatch(/manual-\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z\.db$/)
  expect(existsSync(path!)).toBe(true)
  expect(statSync(path!).size).toBeGreaterThan(0)
  expect(readFileSync(path!).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
})

for (const theme of ['light', 'dark'] as const) {
  test(`the export dialog passes axe in the ${theme} theme, and is photographed`, async ({ page, gloss }) => {
    await seedExcerpts(gloss)
    await page.emulateMedia({ colorScheme: theme })
    await page.reload()
    await waitForArticle(page)
    await expect(page.locator('[data-excerpt-id]')).toHaveCount(5)
    await openExport(page)
    await expect(textPreview(page)).toContainText('Singapore, Hanoi, DMZ')
    await page.screenshot({ path: resolve(SHOTS, `export-dialog-${theme}.png`) })

    const results = await new AxeBuilder({ page }).include('dialog').analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
      )
    expect(serious, `axe on the export dialog (${theme})`).toEqual([])

    // the whole notebook as an Obsidian vault, a .zip here
    await exportDialog(page)
      .getByRole('radio', { name: /Whole notebook/ })
      .check()
    await exportDialog(page).getByLabel('Format').selectOption({ label: 'Obsidian vault' })
    await expect(textPreview(page)).toContainText('# Gloss notebook')
    await expect(exportDialog(page).getByRole('button', { name: 'Download .zip' })).toBeEnabled()
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 860 })
      await page.screenshot({ path: join(SHOTS_TMP, `export-dialog-vault-${theme}-${width}.png`) })
    }
    const vault = await new AxeBuilder({ page }).include('dialog').analyze()
    expect(
      vault.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      `axe on the vault choice (${theme})`,
    ).toEqual([])

    await page.keyboard.press('Escape')
    await expect(exportDialog(page)).toHaveCount(0)
  })
}

/* ---------- whole-notebook exports that keep their links ---------- */

/** Excerpts, and a note whose paragraph links ¶4 and whose card cites the first excerpt. */
async function seedNotebook(gloss: { origin: string; token: string }) {
  await seedExcerpts(gloss)
  const [article] = await callApi<{ id: string; title: string }[]>(gloss, 'listArticles')
  const detail = await callApi<{ sections: { id: string; ordinal: number }[] }>(gloss, 'getArticle', {
    id: article!.id,
  })
  const p4 = detail.sections.find((s) => s.ordinal === 4)!
  const [excerpt] = await callApi<
    { id: string; sectionOrdinal: number; quote: { exact: string }; color: string }[]
  >(gloss, 'listExcerpts', { articleId: article!.id })
  const chip = {
    ...textNode('¶4 · Since those initial summits…'),
    mode: 'token',
    type: 'gloss-section-link',
    articleId: article!.id,
    sectionId: p4.id,
    ordinal: 4,
    label: '¶4 · Since those initial summits…',
  }
  const card = {
    type: 'gloss-excerpt-card',
    version: 1,
    excerptId: excerpt!.id,
    articleId: article!.id,
    ordinal: excerpt!.sectionOrdinal,
    snapshot: { quote: excerpt!.quote.exact, color: excerpt!.color, comment: '', tags: [] },
  }
  const paragraph = (children: unknown[]) =>
    elementNode('paragraph', children, { textFormat: 0, textStyle: '' })
  await callApi(gloss, 'createNote', {
    title: 'Summits, then silence',
    content: {
      root: elementNode('root', [paragraph([textNode('The arsenal grew: '), chip, textNode('.')]), card]),
    },
  })
  return { article: article!, excerpt: excerpt! }
}

/** Every file under `dir`, by its "/"-separated path. */
function filesUnder(dir: string, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const [p, c] of filesUnder(dir, path)) found.set(p, c)
    else found.set(path, readFileSync(join(dir, path), 'utf8'))
  }
  return found
}

/** `gloss export --all` on the server's notebook, as a person would run it beside the open app. */
function cliExport(gloss: { dbPath: string }, format: string, out: string) {
  execFileSync(
    process.execPath,
    [
      resolve(import.meta.dirname, '..', 'bin/gloss.mjs'),
      'export',
      '--all',
      '--format',
      format,
      '-o',
      out,
      '--db',
      gloss.dbPath,
    ],
    {
      stdio: 'pipe',
    },
  )
}

async function exportNotebookAs(page: Page, label: string) {
  await openExport(page)
  const dialog = exportDialog(page)
  await dialog.getByRole('radio', { name: /Whole notebook/ }).check()
  await dialog.getByLabel('Format').selectOption({ label })
  return dialog
}

test('the web UI downloads the whole notebook as a .zip that unpacks to what gloss export --all writes', async ({
  page,
  gloss,
}) => {
  await seedNotebook(gloss)
  await page.reload()
  await waitForArticle(page)

  for (const [label, format] of [
    ['Obsidian vault', 'obsidian'],
    ['Markdown', 'md'],
  ] as const) {
    const dialog = await exportNotebookAs(page, label)
    await expect(textPreview(page)).toContainText('# Gloss notebook')
    await expect(dialog.getByText(/downloads as one \.zip/)).toBeVisible()
    const zip = await downloaded(page, () => dialog.getByRole('button', { name: 'Download .zip' }).click())
    const folder = zip.download.suggestedFilename().replace(/\.zip$/, '')
    expect(folder).toMatch(format === 'obsidian' ? /^Gloss vault$/ : /^Gloss notebook \d{4}-\d{2}-\d{2}$/)
    const unzipped = new Map(
      Object.entries(unzipSync(new Uint8Array(zip.bytes))).map(([path, bytes]) => {
        expect(path.startsWith(`${folder}/`), path).toBe(true)
        return [path.slice(folder.length + 1), strFromU8(bytes)] as const
      }),
    )
    const out = join(gloss.dir, `cli-${format}`)
    cliExport(gloss, format, out)
    const written = filesUnder(out)
    expect([...unzipped.keys()].sort()).toEqual([...written.keys()].sort())
    // a vault has no export time: the same bytes; a Markdown index says when it was exported
    const exportedAt = (text: string) =>
      text.replace(/^(exported: "|Exported )\d{4}-\d{2}-\d{2}T[\d:.]+Z/gm, '$1<time>')
    for (const [path, content] of written) {
      expect(format === 'md' ? exportedAt(unzipped.get(path)!) : unzipped.get(path), path).toBe(
        format === 'md' ? exportedAt(content) : content,
      )
    }
    expect(written.size).toBe(3) // the index, the article, the note
  }
})

test('the HTML export: every ¶ reference and card a link that lands on its anchor when clicked', async ({
  page,
  gloss,
}) => {
  const { excerpt } = await seedNotebook(gloss)
  await page.reload()
  await waitForArticle(page)
  const dialog = await exportNotebookAs(page, 'HTML (printable)')
  const html = await downloaded(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(html.download.suggestedFilename()).toMatch(/^Gloss notebook \d{4}-\d{2}-\d{2}\.html$/)
  const file = join(gloss.dir, 'notebook.html')
  writeFileSync(file, html.bytes)

  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(pathToFileURL(file).href)
    await expect(page.locator('script')).toHaveCount(0)
    await page.screenshot({ path: join(SHOTS_TMP, `html-export-${width}.png`) })
  }
  const links = page.locator('a[href^="#"]')
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  // the table of contents (article, note), each excerpt's ¶ (5), the chip and the card
  expect(hrefs.length).toBeGreaterThanOrEqual(2 + 5 + 2)
  for (let i = 0; i < hrefs.length; i++) {
    await page.goto(pathToFileURL(file).href)
    await links.nth(i).scrollIntoViewIfNeeded()
    await links.nth(i).click()
    await expect(page).toHaveURL(new RegExp(`${hrefs[i]!.replace(/[-]/g, '\\-')}$`))
    const target = page.locator(':target')
    await expect(target, hrefs[i]).toHaveCount(1)
    await expect(target).toHaveAttribute('id', hrefs[i]!.slice(1))
    await expect(target).toBeInViewport()
  }
  // the note's chip lands on ¶4, its card on the excerpt under its article
  await page.goto(pathToFileURL(file).href)
  await page.locator('section.note a.section-ref').click()
  await expect(page.locator(':target')).toContainText('Since those initial summits')
  await page.locator('section.note figure.excerpt figcaption a').click()
  await expect(page.locator(':target blockquote')).toHaveText(excerpt.quote.exact)
  await page.screenshot({ path: join(SHOTS_TMP, 'html-export-card-target.png') })
})

/**
 * A vault's files as a Markdown reader shows them: marked's HTML, with Obsidian's block ids as
 * anchors, wiki-links as links to them and callouts as boxes (what Obsidian draws, roughly).
 */
function renderVault(files: Map<string, string>): string {
  const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-')
  const fileName = (path: string) => path.replace(/^.*\//, '').replace(/\.md$/, '')
  const sections = [...files].map(([path, text]) => {
    const self = slug(fileName(path))
    const body = text
      .replace(/^---\n[\s\S]*?\n---\n/, (fm) => '```yaml\n' + fm.replace(/^---\n|---\n$/g, '') + '```\n')
      .replace(
        /(!?)\[\[([^\]|#]*)(?:#\^([\w-]+))?(?:\|([^\]]+))?\]\]/g,
        (_m, embed: string, name: string, block: string, alias: string) => {
          const target = `#${slug(name || fileName(path))}${block ? `--${block}` : ''}`
          return `${embed ? '↳ embeds ' : ''}<a href="${target}">${alias ?? (name || '') + (block ? ` ^${block}` : '')}</a>`
        },
      )
      .replace(/ \^([\w-]+)$/gm, ` <a id="${self}--$1" class="block-id">^$1</a>`)
      .replace(/^\^([\w-]+)$/gm, `<a id="${self}--$1" class="block-id">^$1</a>`)
      .replace(/^> \[!quote\|(\w+)\] /gm, '> <span class="callout callout-$1">❝ quote</span> ')
    return `<section class="file" id="${self}"><p class="path">${path}</p>${marked.parse(body, { async: false })}</section>`
  })
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { font: 15px/1.55 system-ui, sans-serif; margin: 0; padding: 1rem 2rem; color: #222; background: #f7f7f9; }
    .file { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 0.5rem 1.5rem 1rem; margin: 0 0 1.5rem; max-width: 60rem; }
    .path { font: 12px ui-monospace, monospace; color: #666; border-bottom: 1px solid #eee; padding-bottom: 0.3rem; }
    blockquote { border-left: 4px solid #999; margin: 0.5rem 0; padding: 0.2rem 0.8rem; background: #fafafa; }
    .callout { font-weight: 600; font-size: 12px; padding: 0 0.4rem; border-radius: 4px; background: #eee; }
    .callout-yellow { background: #fff3a3; } .callout-pink { background: #ffd3e6; } .callout-blue { background: #cfe3ff; }
    .callout-green { background: #c9f2c7; } .callout-purple { background: #e5d4ff; }
    .block-id { color: #aaa; font-size: 11px; } pre { background: #f1f2f4; padding: 0.5rem; font-size: 12px; white-space: pre-wrap; }
    :target { outline: 2px solid #3b5bdb; }
  </style></head><body>${sections.join('\n')}</body></html>`
}

test('the vault, rendered as Markdown in Chromium: its links land on their blocks', async ({
  page,
  gloss,
}) => {
  await seedNotebook(gloss)
  const out = join(gloss.dir, 'vault')
  cliExport(gloss, 'obsidian', out)
  const files = filesUnder(out)
  const ordered = new Map(
    [...files].sort(([a], [b]) =>
      a.startsWith('Notes/') ? -1 : b.startsWith('Notes/') ? 1 : a.localeCompare(b),
    ),
  )
  const file = join(gloss.dir, 'vault.html')
  writeFileSync(file, renderVault(ordered))
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 1000 })
    await page.goto(pathToFileURL(file).href)
    await page.screenshot({ path: join(SHOTS_TMP, `vault-rendered-${width}.png`) })
  }
  // the note's ¶4 link and its card's embed lead to the blocks in the article's file
  const note = page.locator('section.file').filter({ hasText: 'Notes/Summits, then silence.md' })
  await note.getByRole('link', { name: '¶4' }).click()
  await expect(page.locator(':target')).toHaveText('^p4')
  await expect(page.locator(':target').locator('xpath=..')).toContainText('Since those initial summits')
  await page.goto(pathToFileURL(file).href)
  await note.locator('a[href*="--e-"]').click()
  await expect(page.locator(':target')).toHaveText(/^\^e-/)
  await page.locator(':target').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS_TMP, 'vault-rendered-embed-target.png') })
})
