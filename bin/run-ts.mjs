#!/usr/bin/env node
// Runs a TypeScript entry with tsx's loader on Node >= 22.14 (the toolchain pins Node 24).
import { register } from 'tsx/esm/api'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `gloss: Node ${process.versions.node} is too old (need 22.14+); run through npm/npx so the pinned Node 24 is used.`,
  )
  process.exit(1)
}
register()
const [entry, ...args] = process.argv.slice(2)
process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(resolve(entry)).href)
