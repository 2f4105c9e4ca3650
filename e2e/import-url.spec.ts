/**
 * Import from URL… (library button and palette) against a web server this spec starts on
 * 127.0.0.1: the page is fetched by the notebook, opened, its address kept as its source; every
 * failure (offline, unreachable, a private address, an error status, not a page, too big, too
 * slow) is said in the dialog with nothing written.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, type GlossServer } from './fixtures/gloss'
import { callApi, waitForArticle } from './helpers'

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour report - Coast News</title>
<meta property="og:site_name" content="Coast News"><meta name="author" content="Nell Ward"></head>
<body><header><a href="/">Coast News</a></header><article>
<h1>Harbour report</h1>
<p>The harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries came in on time.</p>
<p>Fishing boats that had waited in the bay since the storm were the first to tie up at the restored quay.</p>
<p>SIGN UP FOR OUR NEWSLETTER</p>
<p>The harbour master said the wall should now hold against the winter storms for another fifty years.</p>
</article></body></html>`

let server: Server
let base: string
let closedPort: number
test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return // never answers
    if (req.url === '/harbour') {
      // a moment, so the dialog's progress shows
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE), 1500)
      return
    }
    if (req.url === '/photo.png') {
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('\x89PNG\r\n\x1a\n'))
    }
    if (req.url === '/huge.pdf') {
      // announced bigger than the cap: refused before a byte of it is read
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 300 * 1024 * 1024 })
      return void res.write('%PDF-1.7\n')
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  closedPort = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  // gloss serve refuses private addresses unless named (it reads this when the fixture starts it);
  // localhost stays refused, to see that refusal
  process.env.GLOSS_IMPORT_ALLOW_HOSTS = '127.0.0.1'
})
test.afterAll(async () => {
  delete process.env.GLOSS_IMPORT_ALLOW_HOSTS
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

interface Summary {
  id: string
  title: string
  byline: string | null
  sourceUrl: string | null
}

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
}

/** Screenshots at both widths in both themes, and axe on each. */
async function photograph(page: Page, name: string) {
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 800 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${scheme}.png`) })
      await expectNoSeriousViolations(page, `${name} ${width} ${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1400, height: 900 })
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Import from URL' })

test('Import from URL… in the library fetches the page, shows progress, and opens the article', async ({
  page,
  gloss,
}) => {
  await waitForArticle(page)
  await page.getByRole('button', { name: 'Import from URL…' }).click()
  const dialog = dialogOf(page)
  const field = dialog.getByRole('textbox', { name: /Address of a web page/ })
  await expect(field).toBeFocused()
  await field.fill(`${base}/harbour`)
  await photograph(page, 'import-url')
  await field.press('Enter')

  const progress = dialog.getByRole('status')
  await expect(progress).toContainText('Fetching and reading the page…')
  await expect(dialog.getByRole('button', { name: 'Importing…' })).toBeDisabled()
  await page.screenshot({ path: test.info().outputPath('import-url-progress-1400.png') })

  await expect(dialog).toBeHidden({ timeout: 30_000 })
  await expect(page.locator('article.article h1')).toHaveText('Harbour report')
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported “Harbour report”' })).toBeVisible()
  const [first] = await callApi<Summary[]>(gloss, 'listArticles')
  // the headline without the site's tail, the byline, and the address given as the source
  expect(first).toMatchObject({ title: 'Harbour report', byline: 'Nell Ward', sourceUrl: `${base}/harbour` })
  const sections = await callApi<{ text: string; kind: string }[]>(gloss, 'listSections', {
    articleId: first!.id,
    includeQuarantined: true,
  })
  expect(sections.find((s) => s.text === 'SIGN UP FOR OUR NEWSLETTER')?.kind).toBe('quarantined')
})

/** Submit `address` in the dialog and wait for its refusal; nothing may have been written. */
async function refused(page: Page, gloss: GlossServer, address: string): Promise<string> {
  const before = await callApi<Summary[]>(gloss, 'listArticles')
  const dialog = dialogOf(page)
  const field = dialog.getByRole('textbox', { name: /Address of a web page/ })
  await field.fill(address)
  await dialog.getByRole('button', { name: 'Import' }).click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toBeFocused()
  await expect(field).toHaveValue(address) // kept for another try
  expect(await callApi<Summary[]>(gloss, 'listArticles')).toEqual(before)
  return (await alert.textContent()) ?? ''
}

test('from the palette; every failure is said in the dialog and nothing is written', async ({
  page,
  gloss,
  context,
}) => {
  test.setTimeout(120_000)
  await waitForArticle(page)
  await page.locator('article.article h1').click()
  await page.keyboard.press('Control+K')
  const box = page.getByRole('combobox', { name: 'Type a command' })
  await box.fill('Import from URL')
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first()).toHaveText(
    'Import from URL…',
  )
  await box.press('Enter')
  await expect(dialogOf(page)).toBeVisible()

  expect(await refused(page, gloss, '   ')).toBe('Type or paste the address of a web page first.')
  expect(await refused(page, gloss, 'ftp://example.org/paper.pdf')).toBe(
    'Only http:// and https:// addresses can be imported, not ftp:.',
  )
  expect(await refused(page, gloss, `${base}/gone`)).toBe(
    `Cannot import "${base}/gone": the server answered 404 Not Found.`,
  )
  expect(await refused(page, gloss, `${base}/photo.png`)).toBe(
    `Cannot import "${base}/photo.png": it is not a web page or a document: the server sent image/png.`,
  )
  expect(await refused(page, gloss, `${base}/huge.pdf`)).toBe(
    `Cannot import "${base}/huge.pdf": it is 300 MB; the limit is 100 MB.`,
  )
  expect(await refused(page, gloss, `http://127.0.0.1:${closedPort}/story`)).toBe(
    `Cannot import "http://127.0.0.1:${closedPort}/story": nothing answered at 127.0.0.1:${closedPort} (the connection was refused).`,
  )
  const port = new URL(base).port
  expect(await refused(page, gloss, `http://localhost:${port}/harbour`)).toBe(
    `Cannot import "http://localhost:${port}/harbour": localhost (127.0.0.1) is on this computer or a private network, and Gloss fetches only public addresses (a page must not be able to reach local services through it).`,
  )
  await photograph(page, 'import-url-error')

  await context.setOffline(true)
  expect(await refused(page, gloss, 'https://example.org/story')).toBe(
    'This computer is offline: connect to the internet, then import the page again.',
  )
  await context.setOffline(false)

  // a server that never answers: stopped at the fetch's time limit, the seconds counted meanwhile
  const slow = refused(page, gloss, `${base}/slow`)
  await expect(dialogOf(page).getByRole('status')).toContainText(/page… [2-9] s/, { timeout: 10_000 })
  expect(await slow).toBe(
    `Cannot import "${base}/slow": the server did not answer within 15 seconds, so the import was stopped.`,
  )
  await dialogOf(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(dialogOf(page)).toBeHidden()
})
