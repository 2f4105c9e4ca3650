/** `gloss serve` on a free port against `dbPath`, for the browser benches: its URL and a way to call it. */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright'

const ROOT = resolve(import.meta.dirname, '..')

export async function startServer(dbPath: string) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/gloss.mjs'), 'serve', '--port', '0', '--db', dbPath],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Gloss web shell: (\S+)/.exec(output)
      if (match) done(match[1]!)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => fail(new Error(`gloss serve exited ${code}: ${output}`)))
  })
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token')!
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await fetch(`${parsed.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gloss-token': token },
      body: JSON.stringify(input),
    })
    const reply = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`)
    return reply.value
  }
  return { url, call, stop: () => child.kill('SIGTERM') }
}

/** Debian's Chromium (or CHROMIUM_PATH), as the benches and e2e tests run it here. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
