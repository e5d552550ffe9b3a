/**
 * Fixtures for the browser tests: our real server on a free port serving the built client,
 * and Debian's Chromium driven by playwright-core. Every request a page makes outside the
 * app's origin is recorded, so tests can assert that the app works without the internet.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { loadConfig } from '../../server/config'
import { createServer } from '../../server/createServer'

/** Where Debian puts Chromium; `npm test` installs it when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** A running app server; `restart()` stops it and starts a new one on the same port and data. */
export interface AppServer {
  readonly url: string
  readonly dataDir: string
  restart(): Promise<void>
  close(): Promise<void>
}

/** Starts the real server on a free port with a fresh data directory. */
export async function startAppServer(): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-browser-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: join(process.cwd(), 'dist/client'),
    LOG_LEVEL: 'silent',
  })
  let server = createServer(config)
  const { port } = await server.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    dataDir,
    async restart() {
      await server.close()
      server = createServer(config)
      await server.listen(port, '127.0.0.1')
    },
    async close() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** A page in its own browser context (its own storage: a separate person). */
export interface TrackedPage {
  context: BrowserContext
  page: Page
  /** URLs requested outside `origin` (data: and blob: URLs are local and not counted). */
  foreignRequests: string[]
  /** Uncaught errors and console errors, for diagnosing a failure. */
  errors: string[]
}

/** Opens a new context and page that record every request leaving `origin`. */
export async function openTrackedPage(
  browser: Browser,
  origin: string,
  options: { locale?: string } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
  })
  const page = await context.newPage()
  const foreignRequests: string[] = []
  const errors: string[] = []
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    if (new URL(url).origin !== origin) foreignRequests.push(url)
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { context, page, foreignRequests, errors }
}

/** Waits until the map page shows "connected" and the tldraw editor is mounted. */
export async function waitForMapReady(page: Page, timeout = 15_000) {
  await page.waitForSelector('[data-testid="connection-status"][data-status="connected"]', {
    timeout,
  })
  await page.waitForFunction(() => 'editor' in window, null, { timeout })
}

/** Number of shapes on the current page of the map open in `page`. */
export function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const editor = (window as unknown as { editor: { getCurrentPageShapes(): unknown[] } }).editor
    return editor.getCurrentPageShapes().length
  })
}
