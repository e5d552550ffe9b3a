/**
 * Fixtures for the browser tests: our real server on a free port serving the built client,
 * and Debian's Chromium driven by playwright-core. Every request a page makes outside the
 * app's origin is recorded, so tests can assert that the app works without the internet.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import type { MapStore } from '../../server/storage/MapStore'
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
  /** The running server's store (e.g. to sign someone in directly in organisation mode). */
  readonly store: MapStore
  restart(): Promise<void>
  close(): Promise<void>
}

/** Starts the real server on a free port with a fresh data directory; `env` adds settings. */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-browser-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: join(process.cwd(), 'dist/client'),
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...env,
  })
  let server = createServer(config)
  const { port } = await server.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    dataDir,
    get store() {
      return server.store
    },
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
  options: {
    locale?: string
    name?: string
    place?: 'room' | 'remote' | null
    /** The person's stable id (random otherwise). */
    userId?: string
  } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
  })
  // A returning participant: name and place known, so the join dialog stays closed.
  if (options.place !== null) {
    await context.addInitScript(
      ({ name, place, id }) => {
        if (!localStorage.getItem('stakeholder-canvas:user')) {
          localStorage.setItem('stakeholder-canvas:user', JSON.stringify({ name, place, id }))
        }
      },
      { name: options.name ?? 'Tester', place: options.place ?? 'room', id: options.userId },
    )
  }
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

/** The answer of `POST /api/maps` in open mode (organisation mode answers no tokens). */
export interface CreatedMap {
  id: string
  tokens: Record<'owner' | 'facilitator' | 'editor' | 'viewer', string>
}

/** Creates a map through the HTTP API, as an integrator would. */
export async function createMapViaApi(
  baseUrl: string,
  title: string,
  template: 'blank' | 'ser-phase-1' = 'blank',
  headers: Record<string, string> = {},
): Promise<CreatedMap> {
  const response = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title, template }),
  })
  if (response.status !== 201) throw new Error(`POST /api/maps answered ${response.status}`)
  return (await response.json()) as CreatedMap
}

/** The share link that opens `mapId` with `token`'s role. */
export function shareLinkFor(baseUrl: string, mapId: string, token: string): string {
  return `${baseUrl}/m/${mapId}#t=${token}`
}

/** Screen point of a shape's centre, for real mouse drags. */
export function shapeCentreOnScreen(page: Page, shapeId: string) {
  return page.evaluate((id) => {
    const editor = (window as unknown as { editor: TestEditor }).editor
    const bounds = editor.getShapePageBounds(id)
    if (!bounds) throw new Error(`no shape ${id}`)
    return editor.pageToScreen(bounds.center)
  }, shapeId)
}

/** The part of tldraw's editor the tests read from the page (window.editor). */
export interface TestEditor {
  getCurrentPageShapes(): {
    id: string
    type: string
    parentId: string
    x: number
    y: number
    props: Record<string, unknown>
  }[]
  getShapePageBounds(
    id: string,
  ): { x: number; y: number; w: number; h: number; center: { x: number; y: number } } | undefined
  pageToScreen(point: { x: number; y: number }): { x: number; y: number }
  zoomToFit(): void
  zoomToSelection(): void
  getShape(id: string):
    | {
        id: string
        type: string
        parentId: string
        x: number
        y: number
        props: Record<string, unknown>
      }
    | undefined
}

/** Waits until the camera stops moving (after an animated pan or zoom). */
export async function waitForCameraToSettle(page: Page) {
  let previous = ''
  for (let i = 0; i < 50; i++) {
    const camera = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as { editor: { getCamera(): unknown } }).editor.getCamera(),
      ),
    )
    if (camera === previous) return
    previous = camera
    await page.waitForTimeout(60)
  }
}

/** Zooms to fit every shape, once the camera is still, and waits until it is still again. */
export async function zoomToFit(page: Page) {
  await waitForCameraToSettle(page)
  await page.evaluate(() => {
    ;(window as unknown as { editor: TestEditor }).editor.zoomToFit()
  })
  await waitForCameraToSettle(page)
}

/** Drags from one screen point to another with the real mouse, in small steps. */
export async function dragOnScreen(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 16 })
  await page.mouse.up()
}
