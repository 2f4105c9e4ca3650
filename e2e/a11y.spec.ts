import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/gloss'
import { seedExcerpts, selectInSection, waitForArticle } from './helpers'

const SHOTS = resolve(import.meta.dirname, '..', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  )
  expect(report, `axe on ${screen}`).toEqual([])
}

const screens: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'reader',
    open: async (page) => {
      // an active excerpt, so its underline shows too
      await page.locator('[data-excerpt-id]').nth(1).getByRole('button').first().click()
      await page.waitForTimeout(1800) // let the flash fade
    },
  },
  {
    name: 'toolbar',
    open: async (page) => {
      await selectInSection(page, 7, 'North Korea’s growing ties with Russia')
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
    },
  },
  {
    name: 'search',
    open: async (page) => {
      await page.keyboard.press('Control+Shift+F')
      await page.getByRole('combobox', { name: /Search/ }).fill('Russia')
      await expect(
        page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
      ).toBeVisible()
    },
  },
  {
    name: 'palette',
    open: async (page) => {
      await page.keyboard.press('Control+K')
      await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first()).toBeVisible()
    },
  },
  {
    name: 'tags',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Tags' }).click()
      await expect(page.getByRole('button', { name: 'Kim Jong Un', exact: true })).toBeVisible()
    },
  },
  {
    name: 'notes-list',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Notes' }).click()
      await expect(page.getByRole('tabpanel', { name: 'Notes' })).toBeVisible()
    },
  },
  {
    name: 'paste',
    open: async (page) => {
      await page.getByRole('button', { name: 'Paste article…' }).click()
      await page
        .getByRole('textbox', { name: /Paste the article/ })
        .fill('A pasted article.\n\nIt has two paragraphs.')
    },
  },
]

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${theme} theme, and is photographed`, async ({ page, gloss }) => {
    test.setTimeout(240_000) // seven screens, each with an axe run
    await seedExcerpts(gloss)
    await page.emulateMedia({ colorScheme: theme })
    await page.reload()
    await waitForArticle(page)
    await expect(page.locator('[data-excerpt-id]')).toHaveCount(5)
    for (const screen of screens) {
      await test.step(screen.name, async () => {
        await screen.open(page)
        await page.screenshot({ path: resolve(SHOTS, `${screen.name}-${theme}.png`) })
        await expectNoSeriousViolations(page, `${screen.name} (${theme})`)
        // back to the plain reader for the next screen
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toHaveCount(0)
        await page.getByRole('tab', { name: 'Library' }).click()
        await page.getByRole('tab', { name: 'Excerpts' }).click()
      })
    }
  })
}

test('first start, photographed', async ({ page }) => {
  await waitForArticle(page)
  await page.screenshot({ path: resolve(SHOTS, 'first-start-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: resolve(SHOTS, 'first-start-dark.png') })
  await expectNoSeriousViolations(page, 'first start (dark)')
})

test('the theme can be overridden and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await waitForArticle(page)
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const light = await background()
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const dark = await background()
  expect(dark).not.toBe(light)
  await page.reload()
  await waitForArticle(page)
  expect(await background()).toBe(dark)
})
