import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bin/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // real SQLite files and jsdom parsing: give slow machines room
    testTimeout: 30_000,
    pool: 'forks',
  },
})
