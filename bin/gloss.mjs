#!/usr/bin/env node
// The `gloss` CLI: loads the TypeScript sources through tsx (Node >= 22.14).
import { register } from 'tsx/esm/api'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `gloss: Node ${process.versions.node} is too old (need 22.14+); run it as \`npx gloss\` so the pinned Node 24 is used.`,
  )
  process.exit(1)
}
register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
