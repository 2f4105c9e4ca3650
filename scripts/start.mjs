#!/usr/bin/env node
/**
 * `npm start`: the desktop app when the Electron binary is here, else the web shell.
 *
 * The electron package fetches its binary lazily, and `require('electron')` itself
 * starts that download when the binary is missing — so the binary's path is worked out
 * here the same way node_modules/electron/index.js does (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH) without ever calling it.
 *
 *   npm start                 build with electron-vite, then run Electron on this folder
 *   npm start -- notes.md     …and import notes.md (also works while Gloss is running)
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)
const shown = (path) => relative(process.cwd(), path) || path

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
function findElectronBinary() {
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { ok: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, executable || 'electron')
    return existsSync(path)
      ? { ok: true, path }
      : { ok: false, reason: `${path} (ELECTRON_OVERRIDE_DIST_PATH) is missing` }
  }
  if (!executable)
    return { ok: false, reason: `${shown(pathFile)} is missing: the binary was never downloaded` }
  const path = join(packageDir, 'dist', executable)
  return existsSync(path) ? { ok: true, path } : { ok: false, reason: `${shown(path)} is missing` }
}

/** Run a child with our stdio; resolves with the exit code it should hand on. */
function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    const forward = (signal) => child.kill(signal)
    process.on('SIGTERM', forward)
    process.on('SIGHUP', forward)
    child.on('error', (error) => {
      console.error(`Gloss: could not start ${command}: ${error.message}`)
      done(1)
    })
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward)
      process.off('SIGHUP', forward)
      done(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1) : 1))
    })
  })
}

async function startDesktop(electronPath) {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  const built = await run(process.execPath, [electronVite, 'build'])
  if (built !== 0) return built
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  // npm runs scripts in the package folder; file arguments are relative to where npm was run
  const from = process.env.INIT_CWD || process.cwd()
  const args = process.argv.slice(2).map((arg) => (arg.startsWith('-') ? arg : resolve(from, arg)))
  return run(electronPath, ['.', ...args], { env })
}

function startWeb() {
  // the npm that runs `npm start` runs `npm run web` too; else whatever npm is on PATH
  const npmCli = process.env.npm_execpath
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', 'web'])
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'web'], {
    shell: process.platform === 'win32',
  })
}

const electron = findElectronBinary()
let code
if (electron.ok) {
  code = await startDesktop(electron.path)
} else {
  console.log(
    `Gloss: the Electron binary is not available here (${electron.reason}); starting the web shell instead.`,
  )
  code = await startWeb()
}
process.exitCode = code
