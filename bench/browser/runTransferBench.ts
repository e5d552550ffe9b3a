/**
 * What opening a page costs on the wire: headless Chromium (cache disabled, as a first visit)
 * opens the home page and a map from its editor link against our real server serving the
 * built client; the Chrome DevTools Protocol's Network domain reports every response's encoded
 * (on-the-wire) size, its content encoding and its type. Counted until the map is connected
 * and the network has been quiet for a second.
 *
 * `npx tsx bench/browser/runTransferBench.ts` prints the section of docs/performance.md; `npm run bench` includes them.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { loadConfig } from '../../server/config'
import { createServer } from '../../server/createServer'
import { renderTransferSection } from '../renderPerformanceDoc'
import { CHROMIUM_ARGS } from './runBrowserBench'

/** One kind of response (script, font, image, …) on one page. */
export interface TransferByType {
  type: string
  requests: number
  encodedBytes: number
}

/** Figures for one page. */
export interface TransferResult {
  page: string
  requests: number
  /** Bytes on the wire, headers included, as Chromium counts them (`encodedDataLength`). */
  encodedBytes: number
  /** Bytes after decoding (the files' own size). */
  decodedBytes: number
  /** Responses that came with a `Content-Encoding` (gzip or br). */
  compressedResponses: number
  byType: TransferByType[]
  /** Font and embed-icon files fetched (tldraw has 16 fonts and 19 embed icons). */
  fontFiles: number
  embedIconFiles: number
}

/** File names (without extension) of tldraw's embed-service icons. */
const EMBED_ICONS = readdirSync(
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('@tldraw/assets/package.json')),
    'embed-icons',
  ),
).map((file) => file.replace(/\.png$/, ''))

interface Exchange {
  url: string
  type: string
  encoding: string | null
  encodedBytes: number
  decodedBytes: number
}

/** Opens each page in a fresh context and sums what the Network domain reports. */
export async function runTransferBench(staticDir: string): Promise<TransferResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stakeholder-canvas-transfer-'))
  const server = createServer(
    loadConfig({ DATA_DIR: dataDir, STATIC_DIR: staticDir, LOG_LEVEL: 'silent' }),
  )
  const { port } = await server.listen(0, '127.0.0.1')
  const origin = `http://127.0.0.1:${port}`
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  try {
    const created = await fetch(`${origin}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Transfer', template: 'ser-phase-1' }),
    })
    const map = (await created.json()) as { id: string; tokens: { editor: string } }
    const pages = [
      { page: 'home page', url: `${origin}/`, ready: 'body' },
      {
        page: 'map (editor link, SER template)',
        url: `${origin}/m/${map.id}#t=${map.tokens.editor}`,
        ready: '[data-testid="connection-status"][data-status="connected"]',
      },
    ]
    const results: TransferResult[] = []
    for (const { page: name, url, ready } of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      await context.addInitScript(() => {
        localStorage.setItem(
          'stakeholder-canvas:user',
          JSON.stringify({ name: 'Bench', place: 'room', id: 'bench' }),
        )
      })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      const exchanges = new Map<string, Exchange>()
      let lastActivity = Date.now()
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      cdp.on('Network.responseReceived', (event) => {
        if (!event.response.url.startsWith('http')) return
        const headers = Object.fromEntries(
          Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
        )
        exchanges.set(event.requestId, {
          url: event.response.url,
          type: event.type,
          encoding: headers['content-encoding'] ?? null,
          encodedBytes: 0,
          decodedBytes: 0,
        })
        lastActivity = Date.now()
      })
      cdp.on('Network.dataReceived', (event) => {
        const exchange = exchanges.get(event.requestId)
        if (exchange) exchange.decodedBytes += event.dataLength
      })
      cdp.on('Network.loadingFinished', (event) => {
        const exchange = exchanges.get(event.requestId)
        if (exchange) exchange.encodedBytes = event.encodedDataLength
        lastActivity = Date.now()
      })
      await page.goto(url)
      await page.waitForSelector(ready, { timeout: 30_000 })
      while (Date.now() - lastActivity < 1000) await page.waitForTimeout(200)
      await context.close()

      const all = [...exchanges.values()]
      const types = new Map<string, TransferByType>()
      for (const exchange of all) {
        const entry = types.get(exchange.type) ?? {
          type: exchange.type,
          requests: 0,
          encodedBytes: 0,
        }
        entry.requests += 1
        entry.encodedBytes += exchange.encodedBytes
        types.set(exchange.type, entry)
      }
      results.push({
        page: name,
        requests: all.length,
        encodedBytes: all.reduce((sum, e) => sum + e.encodedBytes, 0),
        decodedBytes: all.reduce((sum, e) => sum + e.decodedBytes, 0),
        compressedResponses: all.filter((e) => e.encoding !== null).length,
        byType: [...types.values()].sort((a, b) => b.encodedBytes - a.encodedBytes),
        fontFiles: all.filter((e) => /\.woff2?(\?|$)/.test(e.url)).length,
        embedIconFiles: all.filter((e) =>
          EMBED_ICONS.some((name) => new URL(e.url).pathname.startsWith(`/assets/${name}-`)),
        ).length,
      })
    }
    return results
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const results = await runTransferBench(path.join(root, 'dist/client'))
  console.log(renderTransferSection(results))
  process.exit(0)
}
