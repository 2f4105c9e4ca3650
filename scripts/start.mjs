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
 *   npm run web               the web shell, even where Electron is here
 *
 * The web shell rebuilds out/node and out/web only when their sources are newer, then runs
 * `gloss serve` itself (no npm or shell in between), so stopping this stops all it started.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
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
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
    for (const signal of signals) process.on(signal, forward)
    child.on('error', (error) => {
      console.error(`Gloss: could not start ${command}: ${error.message}`)
      done(1)
    })
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward)
      done(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1) : 1))
    })
  })
}

/** Newest modification time under the given files and folders (tests excluded). */
function newest(paths) {
  let latest = 0
  const visit = (path) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry))
    } else if (!/\.test\.tsx?$/.test(path)) latest = Math.max(latest, stat.mtimeMs)
  }
  for (const path of paths) visit(join(root, path))
  return latest
}

const BUILDS = [
  {
    name: 'the CLI and web shell',
    output: 'out/node/cli.js',
    config: 'vite.node.config.ts',
    sources: ['src/cli', 'src/core', 'src/shared', 'src/web', 'resources', 'package.json'],
  },
  {
    name: 'the web renderer',
    output: 'out/web/index.html',
    config: 'vite.web.config.ts',
    sources: ['src/renderer', 'src/shared', 'package.json'],
  },
]

async function buildIfStale() {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js')
  for (const build of BUILDS) {
    const output = join(root, build.output)
    const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0
    if (builtAt > newest([...build.sources, build.config])) continue
    console.log(`Gloss: building ${build.name}…`)
    const code = await run(process.execPath, [vite, 'build', '--config', build.config, '--logLevel', 'warn'])
    if (code !== 0) return code
  }
  return 0
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

async function startWeb() {
  const built = await buildIfStale()
  if (built !== 0) return built
  // an IPC channel, so `gloss serve` also stops if this process is killed outright
  return run(
    process.execPath,
    [join(root, 'bin', 'gloss.mjs'), 'serve', ...process.argv.slice(2).filter((a) => a !== '--web')],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    },
  )
}

// npm answers a SIGTERM by ending the shell it ran this in, which leaves this script and its
// server running: a parent that goes away stops everything, as a signal to this script would
const parent = process.ppid
const orphaned = setInterval(() => {
  if (process.ppid === parent) return
  clearInterval(orphaned)
  process.kill(process.pid, 'SIGTERM')
}, 250)
orphaned.unref()

const electron = process.argv.includes('--web') ? { ok: false, reason: null } : findElectronBinary()
let code
if (electron.ok) {
  code = await startDesktop(electron.path)
} else {
  if (electron.reason)
    console.log(
      `Gloss: the Electron binary is not available here (${electron.reason}); starting the web shell instead.`,
    )
  code = await startWeb()
}
process.exitCode = code
