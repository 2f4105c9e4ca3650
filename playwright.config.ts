import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests. `web` drives the built renderer through `gloss serve` in Debian's
 * Chromium (run `npm run build:web` first; `npm run test:e2e` does). `electron` holds the
 * desktop shell's own tests (e2e/electron, owned separately) and runs when they exist.
 */
export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testDir: './e2e', testIgnore: ['electron/**'] },
    { name: 'electron', testDir: './e2e/electron' },
  ],
})
