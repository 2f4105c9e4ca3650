#!/usr/bin/env node
/**
 * Smoke test of the BUILT main process (out/main/index.js) in plain Node, with a fake
 * 'electron' module (fake-electron.mjs) — for machines where the Electron binary is not
 * available, like the one this shell was written on. The notebook worker, better-sqlite3
 * and the app:// handler are real; windows, pages and IPC transport are not.
 *
 *   npx electron-vite build && npx node e2e/electron/smoke/main-smoke.mjs
 *
 * Checks: startup order (scheme before ready), the argv import, the IPC sender and input
 * checks, the protocol handler and CSP, permissions, navigation and window.open guards,
 * the menu's import/commands/theme/About, the second-instance hand-over, window-state
 * saving and a clean notebook close on quit. Exits non-zero on the first failure.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const MAIN = join(ROOT, 'out', 'main', 'index.js')
if (!existsSync(MAIN)) {
  console.error(`${MAIN} is missing: run "npx electron-vite build" first.`)
  process.exit(2)
}
register('./hooks.mjs', import.meta.url)

const dir = mkdtempSync(join(tmpdir(), 'gloss-main-smoke-'))
const userData = join(dir, 'userData')
process.env.FAKE_USER_DATA = userData
process.env.FAKE_APP_PATH = ROOT
process.env.GLOSS_DB = join(dir, 'gloss.db')
delete process.env.ELECTRON_RENDERER_URL
const write = (name, text) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
process.argv.push(write('from-argv.md', '# From argv\n\nGiven on the first command line.\n'))

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}
const step = (name) => console.log(`ok - ${name}`)

try {
  const E = await import('electron')
  await import(MAIN)
  assert.equal(E.protocol.privileged?.[0]?.scheme, 'app')
  assert.deepEqual(E.protocol.privileged[0].privileges, {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
  })
  step('app:// registered as privileged before ready')

  E.app.fireReady()
  const win = await until(() => E.BrowserWindow.getAllWindows()[0], 'the window')
  const prefs = win.options.webPreferences
  assert.equal(prefs.contextIsolation, true)
  assert.equal(prefs.sandbox, true)
  assert.equal(prefs.nodeIntegration, false)
  assert.equal(prefs.webSecurity, true)
  assert.ok(existsSync(prefs.preload), `preload ${prefs.preload}`)
  assert.ok(existsSync(win.options.icon ?? join(ROOT, 'resources/icons/512x512.png')))
  await until(
    () => E.log.some(([what, status]) => what === 'load-status' && status === 200),
    'app://gloss/index.html',
  )
  step('secure window loads app://gloss/index.html')

  const invoke = E.ipcMain.handlers.get('gloss:invoke')
  const frame = win.webContents.mainFrame
  const trusted = { sender: win.webContents, senderFrame: frame }
  const titles = async () => {
    const reply = await invoke(trusted, 'listArticles', {})
    return reply.ok ? reply.value.map((article) => article.title) : []
  }
  await until(async () => (await titles()).includes('From argv'), 'the argv import')
  assert.equal((await titles()).length, 2, 'sample + argv file')
  await until(() => win.webContents.sent.some(([, event]) => event.type === 'imported'), 'the imported event')
  step('sample article and the argv file are in the notebook')

  const quiet = console.warn
  console.warn = () => {}
  for (const sender of [
    { sender: win.webContents, senderFrame: { ...frame, url: 'https://evil.example/' } },
    { sender: win.webContents, senderFrame: { ...frame, parent: {} } },
    { sender: win.webContents, senderFrame: { ...frame, routingId: 10 } },
    { sender: { id: 999 }, senderFrame: frame },
    { sender: win.webContents, senderFrame: null },
  ]) {
    assert.equal((await invoke(sender, 'listArticles', {})).ok, false)
  }
  console.warn = quiet
  assert.deepEqual(await invoke(trusted, 'getArticle', { id: '' }), {
    ok: false,
    error: { code: 'invalid_input', message: 'getArticle: id: article id is required', field: 'id' },
  })
  assert.equal((await invoke(trusted, 'dropEverything', {})).error.field, 'operation')
  step('IPC: untrusted senders, unknown names and invalid input refused as data')

  const handle = E.session.defaultSession.protocol.handlers.get('app')
  const index = await handle(new Request('app://gloss/index.html'))
  assert.equal(index.status, 200)
  assert.match(index.headers.get('content-security-policy'), /^default-src 'self'; script-src 'self';/)
  const script = readdirSync(join(ROOT, 'out/renderer/assets')).find((name) => name.endsWith('.js'))
  const asset = await handle(new Request(`app://gloss/assets/${script}`))
  assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8')
  assert.equal((await handle(new Request('app://gloss/..%2f..%2fpackage.json'))).status, 403)
  assert.equal((await handle(new Request('app://gloss/assets/missing.js'))).status, 404)
  assert.equal(
    (await handle(new Request('app://gloss/index.html', { method: 'POST', body: 'x' }))).status,
    405,
  )
  const headers = await new Promise((done) =>
    E.session.defaultSession.webRequest.headersReceived(
      { url: 'app://gloss/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      done,
    ),
  )
  assert.deepEqual(Object.keys(headers.responseHeaders), ['Content-Security-Policy'])
  step('app:// serves the renderer only, with the CSP')

  let granted
  E.session.defaultSession.permissionRequest(win.webContents, 'notifications', (value) => (granted = value))
  assert.equal(granted, false)
  assert.equal(E.session.defaultSession.permissionCheck(win.webContents, 'clipboard-read'), false)
  const navigation = new E.FakeEvent({ url: 'https://evil.example/' })
  win.webContents.emit('will-navigate', navigation)
  assert.equal(navigation.defaultPrevented, true)
  const webview = new E.FakeEvent()
  win.webContents.emit('will-attach-webview', webview)
  assert.equal(webview.defaultPrevented, true)
  for (const url of ['https://example.org/a', 'file:///etc/passwd', 'javascript:alert(1)']) {
    assert.deepEqual(win.webContents.openHandler({ url }), { action: 'deny' })
  }
  await sleep(20)
  assert.deepEqual(
    E.log.filter(([what]) => what === 'openExternal').map(([, url]) => url),
    ['https://example.org/a'],
  )
  step('permissions denied; navigation, webviews and new windows refused; http(s) goes to the browser')

  const flatten = (items) =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
  const items = flatten(E.Menu.current.template)
  const click = (label) => items.find((item) => item.label === label).click()
  E.dialog.nextFiles = [
    write('menu.md', '# Via the menu\n\nImported with File › Import.\n'),
    write('empty.txt', ''),
  ]
  win.webContents.sent.length = 0
  click('Import…')
  await until(
    () => win.webContents.sent.some(([, event]) => event.type === 'import-failed'),
    'the import events',
  )
  const [imported, failed] = win.webContents.sent.map(([, event]) => event)
  assert.equal(imported.type, 'imported')
  assert.equal(imported.results[0].article.title, 'Via the menu')
  assert.match(failed.message, /empty\.txt/)
  click('Toggle Library')
  click('Dark')
  E.nativeTheme.shouldUseDarkColors = true
  E.nativeTheme.emit('updated')
  assert.deepEqual(
    win.webContents.sent.slice(2).map(([channel, event]) => [channel, event]),
    [
      ['gloss:event', { type: 'command', command: 'toggle-library' }],
      ['gloss:event', { type: 'theme', theme: 'dark' }],
    ],
  )
  assert.equal(E.nativeTheme.themeSource, 'dark')
  assert.deepEqual(JSON.parse(readFileSync(join(userData, 'preferences.json'), 'utf8')), { theme: 'dark' })
  click('About Gloss')
  const about = await until(() => E.log.find(([what]) => what === 'message-box')?.[1], 'the About dialog')
  assert.match(about.detail, /Gloss 0\.0\.0-smoke[\s\S]*Node\.js [\s\S]*gloss\.db/)
  step('menu: import (with a failure), commands, theme, About')

  write('second.md', '# Second instance\n\nHanded over by a second launch.\n')
  E.app.emit('second-instance', new E.FakeEvent(), ['gloss'], '/', {
    argv: ['gloss', '--flag', 'second.md'],
    cwd: dir,
  })
  await until(async () => (await titles()).includes('Second instance'), 'the second-instance import')
  assert.ok(E.log.some(([what]) => what === 'focus'))
  step('a second launch focuses the window and imports its files')

  E.app.quit()
  await until(() => E.log.some(([what]) => what === 'exited'), 'the quit')
  assert.equal(
    E.log.filter(([what]) => what === 'quit').length,
    2,
    'quit is retried once the notebook closed',
  )
  assert.deepEqual(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')), {
    bounds: { x: 10, y: 20, width: 1280, height: 820 },
    maximized: false,
  })
  step('quit saves the window state and closes the notebook first')
  console.log('main-process smoke test passed')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
