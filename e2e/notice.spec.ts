import Database from 'better-sqlite3'
import { expect, test } from './fixtures/gloss'

test('a damaged notebook says so in a banner, naming what is damaged and the way back', async ({
  page,
  gloss,
  restartServer,
}) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'damaged' })).toHaveCount(0)
  // a byte changed behind Gloss's back: a section's text no longer matches its article's
  const db = new Database(gloss.dbPath)
  db.prepare(`UPDATE sections SET text = replace(text, 'Kim', 'Kin') WHERE ordinal = 1`).run()
  db.close()
  const restarted = await restartServer()
  await page.goto(restarted.url)
  const banner = page.getByRole('alert').filter({ hasText: 'This notebook is damaged.' })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('The story of Trump and Kim')
  await expect(banner).toContainText(/backup|restore|export/i)
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 800 })
    await page.screenshot({ path: test.info().outputPath(`damaged-${width}.png`) })
  }
})
