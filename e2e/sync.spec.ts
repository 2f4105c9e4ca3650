/**
 * Sync in the app: a `gloss sync-server` on loopback and two web shells on two notebooks. Each
 * turns sync on in its settings (top bar › Sync off); a note typed in one appears in the other's
 * notes list and editor. The dialog and the top bar's status are photographed (both widths, both
 * themes) with axe on each.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'

const ROOT = resolve(import.meta.dirname, '..')
const GLOSS = join(ROOT, 'bin/gloss.mjs')

/** Start a gloss command and wait for the line `pattern` matches. */
function startGloss(
  args: string[],
  pattern: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [GLOSS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`gloss ${args[0]} printed nothing useful in 60 s:\n${output}`)),
      60_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = pattern.exec(output)
      if (!match) return
      clearTimeout(timer)
      done({ child, match })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => fail(new Error(`gloss ${args[0]} exited with ${code}:\n${output}`)))
  })
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })

let dir: string
let syncServer: ChildProcess
let syncUrl: string
let token: string
let otherShell: ChildProcess
let otherUrl: string

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-e2e-sync-'))
  const data = join(dir, 'server')
  const started = await startGloss(
    ['sync-server', '--port', '0', '--data', data],
    /sync server on (ws:\/\/\S+)/,
  )
  syncServer = started.child
  syncUrl = started.match[1]!
  const printed = spawnSync(process.execPath, [GLOSS, 'sync-server', 'token', 'e2e', '--data', data], {
    encoding: 'utf8',
  })
  token = printed.stdout.trim()
  const shell = await startGloss(
    ['serve', '--port', '0', '--db', join(dir, 'other.db')],
    /Gloss web shell: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
  )
  otherShell = shell.child
  otherUrl = shell.match[1]!
})

test.afterAll(async () => {
  await stop(otherShell)
  await stop(syncServer)
  rmSync(dir, { recursive: true, force: true })
})

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
}

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

const topBar = (page: Page) => page.locator('header.topbar')

async function turnOnSync(page: Page, name: string, shoot = false) {
  await topBar(page)
    .getByRole('button', { name: /Sync off/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  await dialog.getByRole('checkbox', { name: 'Sync this notebook' }).check()
  await dialog.getByLabel('Server URL').fill(syncUrl)
  await dialog.getByLabel('Token').fill(token)
  await dialog.getByLabel('Your name, as the others see it').fill(name)
  if (shoot) await photograph(page, 'sync-dialog')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(topBar(page).getByRole('button', { name: /^Synced/ })).toBeVisible({ timeout: 15_000 })
}

/** The other shell open beside this one, both synced (the other's notebook may keep its settings from an earlier test). */
async function bothSynced(page: Page, browser: Browser): Promise<Page> {
  await page.setViewportSize({ width: 1400, height: 900 })
  const other = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await other.goto(otherUrl)
  await turnOnSync(page, 'Desk')
  if (
    await topBar(other)
      .getByRole('button', { name: /Sync off/ })
      .isVisible()
  )
    await turnOnSync(other, 'Laptop')
  return other
}

/** A new note typed on the desk and saved, then found in the other's list showing `seen`. */
async function noteFromDesk(page: Page, other: Page, title: string, words: string, seen: string) {
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill(title)
  const desk = page.getByRole('textbox', { name: 'Note text' })
  await desk.click()
  await desk.pressSequentially(words)
  await expect(page.locator('.gloss-note-status')).toHaveText(/Saved/, { timeout: 10_000 })

  await other.getByRole('tab', { name: 'Notes' }).click()
  const item = other
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
  await expect(item).toContainText(seen, { timeout: 15_000 })
  return { desk, item }
}

test('a note typed in one web shell appears in the other', async ({ page, browser }) => {
  // two shells, a server, eight photographs with axe: slow on a busy machine
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  const other = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await other.goto(otherUrl)

  // a wrong server address is refused beside its field
  await topBar(page)
    .getByRole('button', { name: /Sync off/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  await dialog.getByRole('checkbox', { name: 'Sync this notebook' }).check()
  await dialog.getByLabel('Server URL').fill('ws://someone:secret@127.0.0.1:1')
  await dialog.getByLabel('Token').fill(token)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'setSyncSettings: serverUrl: must not carry a user name or password (the token is what opens the notebook)',
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await turnOnSync(page, 'Desk', true)
  await turnOnSync(other, 'Laptop')
  await expect(topBar(page).getByRole('button', { name: /1 other here/ })).toBeVisible({ timeout: 10_000 })
  await photograph(page, 'sync-topbar')

  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Typed on the desk')
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.click()
  await editor.pressSequentially('Kim arrived by train.')
  await expect(page.locator('.gloss-note-status')).toHaveText(/Saved/, { timeout: 10_000 })

  await other.getByRole('tab', { name: 'Notes' }).click()
  const item = other
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: /^Typed on the desk/ })
  await expect(item).toBeVisible({ timeout: 15_000 })
  await expect(item).toContainText('Kim arrived by train.')
  await item.click()
  await expect(other.getByRole('textbox', { name: 'Note text' })).toHaveText('Kim arrived by train.')
  await other.close()
})

test('a note open on both sides takes the other’s typing live, and typing meanwhile is kept', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const other = await bothSynced(page, browser)
  const { desk, item } = await noteFromDesk(page, other, 'Open on both', 'From the desk.', 'From the desk.')
  await item.click()
  const laptop = other.getByRole('textbox', { name: 'Note text' })
  await expect(laptop).toHaveText('From the desk.')

  // typed on the desk: it appears in the laptop's open editor, not reopened
  await desk.press('End')
  const typedAt = Date.now()
  await desk.pressSequentially(' Later.')
  await expect(laptop).toHaveText('From the desk. Later.', { timeout: 15_000 })
  console.log(`desk keystrokes to the laptop's open editor: ${Date.now() - typedAt} ms`)

  // both type at once, the laptop in a paragraph of its own while the desk's text arrives
  await laptop.click()
  await other.keyboard.press('Control+End')
  await Promise.all([
    desk.pressSequentially(' Desk again.', { delay: 60 }),
    (async () => {
      await other.keyboard.press('Enter')
      await laptop.pressSequentially('Typed on the laptop meanwhile.', { delay: 120 })
    })(),
  ])
  const both = ['From the desk. Later. Desk again.', 'Typed on the laptop meanwhile.']
  for (const editor of [desk, laptop]) {
    await expect(editor.locator('p')).toHaveText(both, { timeout: 20_000 })
  }

  // in one paragraph at once (the laptop slower, so the desk's text arrives while it types): the
  // desk writes before the laptop's caret, which moves with its text
  await desk.locator('p').nth(1).click()
  await page.keyboard.press('Home')
  await Promise.all([
    desk.pressSequentially('Note: ', { delay: 60 }),
    laptop.pressSequentially(' Still typing, slowly.', { delay: 150 }),
  ])
  both[1] = 'Note: Typed on the laptop meanwhile. Still typing, slowly.'
  for (const editor of [desk, laptop]) {
    await expect(editor.locator('p')).toHaveText(both, { timeout: 20_000 })
  }
  await expect(page.locator('.gloss-note-status')).toHaveText(/Saved/)
  await expect(other.locator('.gloss-note-status')).toHaveText(/Saved/)
  await other.close()
})

test('in a note open on both sides, each sees who else is there and where their caret is', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const other = await bothSynced(page, browser)
  const { desk, item } = await noteFromDesk(
    page,
    other,
    'Met here',
    'Both of us are in this note now.',
    'Both of us',
  )
  await item.click()
  const laptop = other.getByRole('textbox', { name: 'Note text' })
  await laptop.click()
  await other.keyboard.press('End')

  await expect(page.locator('.gloss-presence')).toHaveText('1 other here: Laptop', { timeout: 15_000 })
  await expect(other.locator('.gloss-presence')).toHaveText('1 other here: Desk', { timeout: 15_000 })

  // the laptop's caret, drawn in the desk's editor where it is: after the text, then before it
  const caret = page.locator('.gloss-remote-caret')
  await expect(caret).toHaveText('Laptop')
  const textEdge = (side: 'left' | 'right') =>
    desk
      .locator('p')
      .first()
      .evaluate((p, side) => {
        const range = document.createRange()
        range.selectNodeContents(p)
        return range.getBoundingClientRect()[side]
      }, side)
  const caretLeft = async () => (await caret.boundingBox())!.x + 1
  await expect
    .poll(async () => Math.abs((await caretLeft()) - (await textEdge('right'))), { timeout: 15_000 })
    .toBeLessThan(4)
  await photograph(page, 'sync-presence')
  await other.keyboard.press('Home')
  await expect
    .poll(async () => Math.abs((await caretLeft()) - (await textEdge('left'))), { timeout: 15_000 })
    .toBeLessThan(4)

  // the laptop leaves the note: the desk's note is its own again
  await other.getByRole('button', { name: 'Back to all notes' }).click()
  await expect(page.locator('.gloss-presence')).toBeHidden({ timeout: 15_000 })
  await expect(caret).toHaveCount(0)
  await other.close()
})
