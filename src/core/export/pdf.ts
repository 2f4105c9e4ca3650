/**
 * PDF of a note or an article report: the HTML export, printed by headless Chromium through
 * playwright-core (Node, CLI, web shell). The Electron shell prints the same HTML with
 * webContents.printToPDF instead (the page comes from renderExport, format html).
 *
 * The page is printed offline: JavaScript is disabled, every network request is refused (the
 * HTML has no external resources anyway, and its CSP forbids them).
 *
 * Chromium is found at $CHROMIUM_PATH, else /usr/bin/chromium. playwright-core is loaded only
 * when a PDF is made, so the rest of Gloss runs without it.
 */
import { existsSync } from 'node:fs'
import { GlossError } from '../../shared/errors'

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH
}

/** Why a PDF cannot be made here, or null when Chromium is available. */
export function pdfUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = chromiumPath(env)
  if (!existsSync(path)) {
    return `PDF export needs Chromium, and there is none at ${path}. Install Chromium or set CHROMIUM_PATH to its executable.`
  }
  return null
}

type PlaywrightCore = typeof import('playwright-core')

/**
 * Loaded at run time by a name the bundler cannot see: playwright-core is a dev-only package
 * here, and the Electron build (which prints with printToPDF) must not try to bundle it.
 */
const PLAYWRIGHT_CORE = 'playwright-core'

async function loadPlaywright(): Promise<PlaywrightCore> {
  try {
    return (await import(/* @vite-ignore */ PLAYWRIGHT_CORE)) as PlaywrightCore
  } catch (error) {
    throw new GlossError(
      'internal',
      `PDF export needs the playwright-core package, which could not be loaded: ${(error as Error).message}`,
    )
  }
}

export interface PdfOptions {
  env?: NodeJS.ProcessEnv
  /** give up after this long (ms) */
  timeout?: number
}

/** Print a standalone HTML page to PDF bytes. */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const missing = pdfUnavailable(options.env)
  if (missing) throw new GlossError('not_found', missing, 'CHROMIUM_PATH')
  const { chromium } = await loadPlaywright()
  const timeout = options.timeout ?? 60_000
  let browser: Awaited<ReturnType<PlaywrightCore['chromium']['launch']>>
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath(options.env),
      args: CHROMIUM_ARGS,
      timeout,
    })
  } catch (error) {
    throw new GlossError(
      'internal',
      `PDF export could not start Chromium at ${chromiumPath(options.env)}: ${(error as Error).message.split('\n')[0]}`,
    )
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load', timeout })
    await page.emulateMedia({ media: 'print' })
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    })
  } finally {
    await browser.close()
  }
}
