/**
 * Headless Chromium against our server serving the built client: time until a generated map
 * is interactive, and frame times while panning and while dragging a card with the mouse.
 */
import { chromium } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import { startBenchServer } from '../BenchServer'
import { buildMapDocument } from '../cold/buildMapDocument'

/** Same flags as tests/browser/browserFixture.ts. */
const CHROMIUM_ARGS = [
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
  pan: FrameTimes
  drag: FrameTimes
}

interface BenchWindow {
  editor: {
    getCurrentPageShapes(): { type: string }[]
    getCamera(): { x: number; y: number; z: number }
    setCamera(camera: { x: number; y: number; z: number }): void
    zoomToFit(): void
    getShapePageBounds(id: string): { center: { x: number; y: number } } | undefined
    pageToScreen(point: { x: number; y: number }): { x: number; y: number }
  }
  benchFrames?: Promise<number[]>
}

/** Pans by a few pixels every frame for 2 s. */
const PAN_SCRIPT = `(() => {
  const editor = window.editor
  const start = performance.now()
  const step = () => {
    const camera = editor.getCamera()
    editor.setCamera({ ...camera, x: camera.x + 4, y: camera.y + 2 })
    if (performance.now() - start < 2000) requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})()`

/** Records requestAnimationFrame deltas for `ms` into `window.benchFrames`. */
function recordFramesScript(ms: number): string {
  return `(() => {
    window.benchFrames = new Promise((resolve) => {
      const deltas = []
      const start = performance.now()
      let last = start
      const tick = (time) => {
        deltas.push(time - last)
        last = time
        if (time - start < ${ms}) requestAnimationFrame(tick)
        else resolve(deltas.slice(1))
      }
      requestAnimationFrame(tick)
    })
  })()`
}

function summarise(deltas: number[]): FrameTimes {
  const sorted = [...deltas].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { frames: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? NaN }
}

/** Measures maps of each size in `sizes`; `distDir` must hold a fresh `npx vite build`. */
export async function runBrowserBench(sizes: readonly number[]): Promise<BrowserResult[]> {
  const server = await startBenchServer('ours', {
    env: { MAX_MESSAGE_BYTES: String(256 * 1024 * 1024), RATE_BYTE_BURST: String(1024 ** 3) },
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const results: BrowserResult[] = []
  try {
    for (const cards of sizes) {
      const address = await server.createRoom(`Browser ${cards}`)
      const source = new Y.Doc()
      buildMapDocument(source, cards)
      const writer = new WebsocketProvider(address.serverUrl, address.room, source, {
        params: address.params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      const checker = new WebsocketProvider(address.serverUrl, address.room, new Y.Doc(), {
        params: address.params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      const deadline = Date.now() + 120_000
      while (!(checker.synced && stakeholdersMap(checker.doc).size === cards)) {
        if (Date.now() > deadline) throw new Error('map was not stored in time')
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      writer.destroy()
      checker.destroy()

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
      const interactiveMs = (await handle.jsonValue()) as number

      // Strings, not functions: tsx would wrap named inner functions in a helper (`__name`)
      // that does not exist in the page.
      const recordFrames = (durationMs: number) => page.evaluate(recordFramesScript(durationMs))
      const frames = () => page.evaluate(() => (window as unknown as BenchWindow).benchFrames ?? [])

      await page.evaluate(() => {
        ;(window as unknown as BenchWindow).editor.zoomToFit()
      })
      await page.waitForTimeout(500)
      await page.evaluate(PAN_SCRIPT)
      await recordFrames(2000)
      const pan = summarise(await frames())

      await page.evaluate(() => {
        ;(window as unknown as BenchWindow).editor.zoomToFit()
      })
      await page.waitForTimeout(500)
      const from = await page.evaluate(() => {
        const { editor } = window as unknown as BenchWindow
        const bounds = editor.getShapePageBounds('shape:card-0')
        if (!bounds) throw new Error('no card 0')
        return editor.pageToScreen(bounds.center)
      })
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await recordFrames(2000)
      for (let i = 1; i <= 60; i++) {
        await page.mouse.move(from.x + i * 4, from.y + Math.sin(i / 6) * 60)
      }
      const drag = summarise(await frames())
      await page.mouse.up()
      await context.close()
      results.push({ cards, interactiveMs, pan, drag })
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  return results
}
