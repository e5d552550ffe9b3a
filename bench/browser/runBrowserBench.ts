/**
 * Headless Chromium against our server serving the built client: time until a generated map
 * is interactive, and frame times while panning and while dragging a card with the mouse.
 *
 * Both frame measurements cover the interaction only: the pan moves the camera in every
 * recorded frame and stops with the recording; the drag keeps moving the mouse for the whole
 * recording window and the recording ends with the last move, so no idle frame dilutes the
 * figures.
 */
import path from 'node:path'
import { type Browser, type Page, chromium } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import { type BenchServer, startBenchServer } from '../BenchServer'
import { buildMapDocument } from '../cold/buildMapDocument'
import { sendUpdatesInParts } from '../../client/sync/sendUpdatesInParts'

/** Same flags as tests/browser/browserFixture.ts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Frame-time summary in ms. */
export interface FrameTimes {
  frames: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

/** Figures for one map size. */
export interface BrowserResult {
  cards: number
  /** Navigation start → editor, "connected" and every card in the store with one in the DOM. */
  interactiveMs: number
  /** requestAnimationFrame intervals while the camera moves every frame (zoomed to fit). */
  pan: FrameTimes
  /** requestAnimationFrame intervals while a card is dragged with the mouse (zoomed to fit). */
  drag: FrameTimes
  /**
   * Time of each awaited `page.mouse.move` during the drag (`frames` = number of moves): how
   * long the page takes to take one pointer move, which a user feels as drag lag.
   */
  dragMove: FrameTimes
}

interface BenchWindow {
  editor: {
    getCurrentPageShapes(): { type: string }[]
    getCamera(): { x: number; y: number; z: number }
    setCamera(camera: { x: number; y: number; z: number }): void
    zoomToFit(): void
    getShape(id: string): { x: number; y: number } | undefined
  }
  benchFrames?: Promise<number[]>
  benchStopFrames?: () => void
}

/** How long each interaction is measured. */
const MEASURE_MS = 2000

/**
 * Pans by a few pixels in every frame for `ms` and resolves `window.benchFrames` with the
 * interval that ends each panned frame: the first frame only pans, every later one records
 * the interval since the previous frame (whose work is that pan) and pans again, and the last
 * one records without panning. Panning and recording thus cover the same frames.
 */
function panScript(ms: number): string {
  return `(() => {
    const editor = window.editor
    window.benchFrames = new Promise((resolve) => {
      const deltas = []
      let start = 0
      let last = 0
      const tick = (time) => {
        if (start === 0) start = time
        else deltas.push(time - last)
        last = time
        if (time - start >= ${ms}) return resolve(deltas)
        const camera = editor.getCamera()
        editor.setCamera({ ...camera, x: camera.x + 4, y: camera.y + 2 })
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  })()`
}

/**
 * Records requestAnimationFrame intervals into `window.benchFrames` until
 * `window.benchStopFrames()` is called; the frame in progress at the stop is not counted.
 */
const RECORD_UNTIL_STOPPED_SCRIPT = `(() => {
  let stopped = false
  window.benchFrames = new Promise((resolve) => {
    const deltas = []
    let last = null
    window.benchStopFrames = () => {
      stopped = true
      resolve(deltas)
    }
    const tick = (time) => {
      if (stopped) return
      if (last !== null) deltas.push(time - last)
      last = time
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
})()`

export function summarise(deltas: number[]): FrameTimes {
  const sorted = [...deltas].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { frames: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? NaN }
}

/** Stores a generated map of `cards` cards in a new room of `server`; returns its address. */
export async function storeBenchMap(server: BenchServer, cards: number) {
  const address = await server.createRoom(`Browser ${cards}`)
  const source = new Y.Doc()
  buildMapDocument(source, cards)
  const writer = new WebsocketProvider(address.serverUrl, address.room, source, {
    params: address.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
  })
  // The whole map in one update is over the server's struct limit (4413): in parts, as the
  // browser sends a large offline backlog.
  sendUpdatesInParts(writer)
  writer.connect()
  const checker = new WebsocketProvider(address.serverUrl, address.room, new Y.Doc(), {
    params: address.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  try {
    const deadline = Date.now() + 120_000
    while (!(checker.synced && stakeholdersMap(checker.doc).size === cards)) {
      if (Date.now() > deadline) throw new Error('map was not stored in time')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    // The docs too: each holds an awareness whose timer would keep the process alive.
    writer.destroy()
    checker.destroy()
    source.destroy()
    checker.doc.destroy()
  }
  return address
}

/**
 * Opens the map of `cards` cards at `address` in a fresh 1280 × 800 context; resolves with the
 * page and the time from navigation start until it is interactive.
 */
export async function openBenchMap(
  browser: Browser,
  server: BenchServer,
  address: Awaited<ReturnType<typeof storeBenchMap>>,
  cards: number,
): Promise<{ page: Page; interactiveMs: number }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  })
  await context.addInitScript(() => {
    localStorage.setItem(
      'stakeholder-canvas:user',
      JSON.stringify({ name: 'Bench', place: 'room' }),
    )
  })
  const page = await context.newPage()
  await page.goto(`${server.httpUrl}/m/${address.room}#t=${address.params.token ?? ''}`)
  const handle = await page.waitForFunction(
    (expected) => {
      const w = window as unknown as BenchWindow
      if (!('editor' in window)) return false
      if (!document.querySelector('[data-testid="connection-status"][data-status="connected"]'))
        return false
      const shown = w.editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'stakeholder-card').length
      if (shown < expected || !document.querySelector('.stakeholder-card')) return false
      return performance.now()
    },
    cards,
    { timeout: 120_000, polling: 'raf' },
  )
  return { page, interactiveMs: (await handle.jsonValue()) as number }
}

/** Zooms to fit every shape and gives the page a moment to settle. */
export async function zoomToFit(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as BenchWindow).editor.zoomToFit()
  })
  await page.waitForTimeout(500)
}

/** Frame intervals while panning for {@link MEASURE_MS}. */
export async function measurePan(page: Page): Promise<FrameTimes> {
  // Strings, not functions: tsx would wrap named inner functions in a helper (`__name`)
  // that does not exist in the page.
  await page.evaluate(panScript(MEASURE_MS))
  return summarise(await page.evaluate(() => (window as unknown as BenchWindow).benchFrames ?? []))
}

/**
 * Finds a card the select tool would pick at a point on the canvas (not under the UI, not
 * covered by another card or an arrow); resolves with its id and that point on screen.
 */
const FIND_DRAGGABLE_CARD_SCRIPT = `(() => {
  const editor = window.editor
  const margin = editor.getHitTestMargin()
  const cards = editor.getCurrentPageShapes().filter((s) => s.type === 'stakeholder-card')
  for (const card of cards) {
    const bounds = editor.getShapePageBounds(card.id)
    for (const [fx, fy] of [[0.5, 0.5], [0.25, 0.6], [0.75, 0.6], [0.5, 0.8]]) {
      const point = { x: bounds.x + bounds.w * fx, y: bounds.y + bounds.h * fy }
      const screen = editor.pageToScreen(point)
      const hit = editor.getShapeAtPoint(point, { hitInside: false, margin, renderingOnly: true })
      if (!hit || hit.id !== card.id) continue
      const element = document.elementFromPoint(screen.x, screen.y)
      if (element && element.closest('.tl-canvas')) return { id: card.id, x: screen.x, y: screen.y }
    }
  }
  return null
})()`

/**
 * Drags a card by small steps, one awaited mouse move after the other, for
 * {@link MEASURE_MS}; frame intervals are recorded from the first move to the last.
 */
export async function measureDrag(page: Page): Promise<{ drag: FrameTimes; dragMove: FrameTimes }> {
  const target = (await page.evaluate(FIND_DRAGGABLE_CARD_SCRIPT)) as {
    id: string
    x: number
    y: number
  } | null
  if (!target) throw new Error('no card to drag is visible')
  const cardPosition = () =>
    page.evaluate((id) => {
      const shape = (window as unknown as BenchWindow).editor.getShape(id)
      return shape ? { x: shape.x, y: shape.y } : null
    }, target.id)
  const before = await cardPosition()
  await page.mouse.move(target.x, target.y)
  await page.mouse.down()
  // Past the drag threshold first, so every measured move translates the card.
  await page.mouse.move(target.x + 8, target.y, { steps: 2 })
  await page.evaluate(RECORD_UNTIL_STOPPED_SCRIPT)
  const moves: number[] = []
  const start = performance.now()
  for (let i = 1; performance.now() - start < MEASURE_MS; i++) {
    const moveStart = performance.now()
    // A slow loop around the start, at most 3 px a step.
    await page.mouse.move(target.x + 8 + Math.sin(i / 40) * 120, target.y + Math.sin(i / 20) * 60)
    moves.push(performance.now() - moveStart)
  }
  const deltas = await page.evaluate(() => {
    const w = window as unknown as BenchWindow
    w.benchStopFrames?.()
    return w.benchFrames ?? []
  })
  const during = await cardPosition()
  await page.mouse.up()
  if (!before || !during || (during.x === before.x && during.y === before.y))
    throw new Error(`the drag did not move ${target.id}`)
  return { drag: summarise(deltas), dragMove: summarise(moves) }
}

/**
 * Our server with limits loose enough to store a 5,000-card map in one message, serving the
 * built client from `staticDir` (default dist/client).
 */
export function startBrowserBenchServer(staticDir?: string): Promise<BenchServer> {
  return startBenchServer('ours', {
    env: {
      MAX_MESSAGE_BYTES: String(256 * 1024 * 1024),
      RATE_BYTE_BURST: String(1024 ** 3),
      ...(staticDir ? { STATIC_DIR: path.resolve(staticDir) } : {}),
    },
  })
}

/** Debian's headless Chromium with the flags this machine's closed network needs. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

/** Measures maps of each size in `sizes`; `distDir` must hold a fresh `npx vite build`. */
export async function runBrowserBench(sizes: readonly number[]): Promise<BrowserResult[]> {
  const server = await startBrowserBenchServer()
  const browser = await launchBenchChromium()
  const results: BrowserResult[] = []
  try {
    for (const cards of sizes) {
      const address = await storeBenchMap(server, cards)
      const { page, interactiveMs } = await openBenchMap(browser, server, address, cards)
      await zoomToFit(page)
      const pan = await measurePan(page)
      await zoomToFit(page)
      const { drag, dragMove } = await measureDrag(page)
      await page.context().close()
      results.push({ cards, interactiveMs, pan, drag, dragMove })
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  return results
}
