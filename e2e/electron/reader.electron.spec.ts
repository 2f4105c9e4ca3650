/**
 * The desktop shell, end to end: the reading room (as in e2e/reader.spec.ts) and the
 * shell's security guarantees, in real Electron. Self-contained on purpose.
 *
 * Runs only where the Electron binary exists: the electron package downloads it lazily
 * and `require('electron')` would start that download, so the binary is looked up the
 * way node_modules/electron/index.js does it, without calling it. Elsewhere every test
 * is skipped and the reason printed. On Linux without a display, run under xvfb-run.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

/** The Electron executable, or the file whose absence means there is none. */
function findElectron(): { path: string } | { missing: string } {
  const packageDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { missing: pathFile }
  const executable = readFileSync(pathFile, 'utf8').trim()
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const path = override ? join(override, executable) : join(packageDir, 'dist', executable)
  return existsSync(path) ? { path } : { missing: path }
}

const found = findElectron()
const electronPath = 'path' in found ? found.path : null
if (!electronPath) {
  const reason = `Electron binary not available here: ${'missing' in found ? found.missing : '?'} missing`
  console.log(`${reason} — skipping the desktop shell tests.`)
  test.skip(true, reason)
}

const SENTENCE = 'Despite these shifts, the question remains: will Trump seek to re-engage with Kim?'

type Reply = { code?: string; field?: string; message?: string }
interface PageWindow {
  gloss: {
    listArticles(input: object): Promise<Array<{ title: string }>>
    getArticle(input: { id: string }): Promise<unknown>
  }
  glossShell: {
    kind: string
    platform: string
    onEvent: unknown
    importFiles: unknown
    saveExport: unknown
    backupNotebook: unknown
  }
}

/** Fresh user data (window state, preferences, notebook) per test. */
function tempUserData(): string {
  return mkdtempSync(join(tmpdir(), 'gloss-electron-'))
}

function appEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  delete env.ELECTRON_RUN_AS_NODE
  delete env.ELECTRON_RENDERER_URL // production path: app://gloss/
  env.GLOSS_USER_DATA = userData
  env.GLOSS_DB = join(userData, 'gloss.db')
  return env
}

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: electronPath!,
    args: [ROOT, `--user-data-dir=${userData}`],
    cwd: ROOT,
    env: appEnv(userData),
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

async function waitForArticle(page: Page): Promise<void> {
  await expect(page.locator('article.article [data-ordinal]').first()).toBeVisible()
}

/** Select a passage of a section's text node with a DOM Range, as a mouse drag would. */
async function selectInSection(page: Page, ordinal: number, passage: string): Promise<void> {
  await page.evaluate(
    ({ ordinal, passage }) => {
      const node = document.querySelector(`[data-ordinal="${ordinal}"]`)?.firstChild
      if (!(node instanceof Text)) throw new Error(`¶${ordinal} has no text node`)
      const at = node.data.indexOf(passage)
      if (at < 0) throw new Error(`¶${ordinal} does not contain ${passage}`)
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + passage.length)
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { ordinal, passage },
  )
}

function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name)
}

let userData: string
let app: ElectronApplication | undefined
let page: Page

test.beforeAll(() => {
  // the tests drive the built app (out/); build it so they never run a stale one
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)
})

test.beforeEach(async () => {
  userData = tempUserData()
  ;({ app, page } = await launch(userData))
})

test.afterEach(async () => {
  await app?.close()
  app = undefined
  rmSync(userData, { recursive: true, force: true })
})

test.describe('reading room', () => {
  test('the sample article opens on first start, junk hidden', async () => {
    expect(page.url()).toMatch(/^app:\/\/gloss\//)
    await waitForArticle(page)
    const article = page.locator('article.article')
    await expect(article.locator('.article-body > [data-ordinal]')).toHaveCount(11)
    await expect(article.getByText('Login', { exact: true })).toHaveCount(0)
    await expect(page.getByRole('button', { name: '1 hidden section' })).toBeVisible()
  })

  test('a highlight made with h survives a reload and a restart', async () => {
    await waitForArticle(page)
    await selectInSection(page, 6, SENTENCE)
    await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
    await page.keyboard.press('h')
    await expect.poll(() => highlightSize(page, 'gloss-yellow')).toBe(1)
    const card = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
    await expect(card).toHaveCount(1)
    await expect(card).toContainText(SENTENCE)
    await expect(card).toContainText('¶6')

    await page.reload()
    await waitForArticle(page)
    await expect(card).toHaveCount(1)
    await expect.poll(() => highlightSize(page, 'gloss-yellow')).toBe(1)

    // quit (the notebook closes cleanly) and start again on the same user data
    await app!.close()
    ;({ app, page } = await launch(userData))
    await waitForArticle(page)
    const again = page.getByRole('list', { name: 'Excerpts' }).locator('[data-excerpt-id]')
    await expect(again).toHaveCount(1)
    await expect(again).toContainText(SENTENCE)
  })

  test('a second launch focuses the first and imports the files it names', async () => {
    await waitForArticle(page)
    const file = join(userData, 'second-instance.md')
    writeFileSync(file, '# Handed over\n\nA paragraph given on the command line of a second launch.\n')
    const second = spawn(electronPath!, [ROOT, `--user-data-dir=${userData}`, file], {
      cwd: ROOT,
      env: appEnv(userData),
      stdio: 'ignore',
    })
    const code = await new Promise<number | null>((done) => second.once('exit', done))
    expect(code).toBe(0) // it handed over and quit
    await expect
      .poll(async () =>
        page.evaluate(async () => {
          const articles = await (window as unknown as PageWindow).gloss.listArticles({})
          return articles.map((a) => a.title)
        }),
      )
      .toContain('Handed over')
    expect(app!.windows()).toHaveLength(1)
  })
})

test.describe('desktop shell security', () => {
  test('the page has no Node and sees only the two bridge objects', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as PageWindow & Record<string, unknown>
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
        gloss: typeof w.gloss,
        listArticles: typeof w.gloss.listArticles,
        shellKind: w.glossShell.kind,
        shellKeys: Object.keys(w.glossShell).sort(),
      }
    })
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      gloss: 'object',
      listArticles: 'function',
      shellKind: 'electron',
      shellKeys: ['backupNotebook', 'importFiles', 'kind', 'onEvent', 'platform', 'saveExport'],
    })
  })

  test('window.open returns null; http(s) links go to the browser, nothing else', async () => {
    // record instead of opening a real browser
    const patched = await app!.evaluate(({ shell }) => {
      const g = globalThis as unknown as { openedExternally: string[] }
      g.openedExternally = []
      try {
        shell.openExternal = async (url: string) => {
          g.openedExternally.push(url)
        }
      } catch {
        return false
      }
      return shell.openExternal.toString().includes('openedExternally')
    })
    const opened = await page.evaluate(() => [
      window.open('about:blank') === null,
      window.open('file:///etc/passwd') === null,
      window.open('javascript:alert(1)') === null,
    ])
    expect(opened).toEqual([true, true, true])
    if (patched) {
      expect(await page.evaluate(() => window.open('https://example.org/path') === null)).toBe(true)
      await expect
        .poll(() =>
          app!.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally),
        )
        .toEqual(['https://example.org/path'])
    }
    expect(app!.windows()).toHaveLength(1)
  })

  test('the page cannot navigate away', async () => {
    await waitForArticle(page)
    for (const target of ['https://example.org/', 'file:///etc/hostname', 'app://gloss/../../package.json']) {
      await page.evaluate((url) => {
        window.location.href = url
      }, target)
      await page.waitForTimeout(300)
      expect(page.url()).toMatch(/^app:\/\/gloss\/index\.html/)
    }
    await expect(page.locator('article.article [data-ordinal]').first()).toBeVisible()
  })

  test('the CSP forbids eval and inline scripts; permissions are denied', async () => {
    const result = await page.evaluate(async () => {
      let evaluated = 'blocked'
      try {
        evaluated = String(eval('"ran"'))
      } catch {
        // blocked by script-src
      }
      const script = document.createElement('script')
      script.textContent = 'window.__inline = "ran"'
      document.head.append(script)
      const notifications = await navigator.permissions.query({ name: 'notifications' as PermissionName })
      return {
        evaluated,
        inline: (window as unknown as { __inline?: string }).__inline ?? 'blocked',
        notifications: notifications.state,
      }
    })
    expect(result).toEqual({ evaluated: 'blocked', inline: 'blocked', notifications: 'denied' })
  })

  test('app:// serves only the renderer folder', async () => {
    const statuses = await page.evaluate(async () => {
      const status = (url: string) =>
        fetch(url).then(
          (r) => r.status,
          () => -1,
        )
      return {
        index: await status('app://gloss/index.html'),
        traversal: await status('app://gloss/..%2f..%2fpackage.json'),
        backslash: await status('app://gloss/..%5c..%5cpackage.json'),
        missing: await status('app://gloss/assets/missing.js'),
      }
    })
    expect(statuses).toEqual({ index: 200, traversal: 403, backslash: 403, missing: 404 })
  })

  test('the bridge validates input and returns errors as data', async () => {
    const error = await page.evaluate(() =>
      (window as unknown as PageWindow).gloss.getArticle({ id: '' }).then(
        () => null,
        (e: unknown) => e as Reply,
      ),
    )
    expect(error).toMatchObject({ code: 'invalid_input', field: 'id' })
  })
})
