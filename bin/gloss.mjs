#!/usr/bin/env node
// The `gloss` CLI: the built JavaScript in out/node (`npm install` builds it; `npm run build:node`
// again after changing sources), else the TypeScript sources through tsx, a second slower.
import { existsSync } from 'node:fs'
import module from 'node:module'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `gloss: Node ${process.versions.node} is too old (need 22.14+); run it as \`npx gloss\` so the pinned Node 24 is used.`,
  )
  process.exit(1)
}
// V8's compiled code for the bundle, kept between runs (in the temp folder): a third of a start is compiling
module.enableCompileCache?.()
const built = new URL('../out/node/cli.js', import.meta.url)
let main
if (existsSync(built)) {
  ;({ main } = await import(built.href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
