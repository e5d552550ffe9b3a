/**
 * Where the time goes while a map opens in headless Chromium (not part of `npm run bench`):
 *
 *   npx tsx bench/probes/probePageLoad.ts milestones [cards] [staticDir]
 *   npx tsx bench/probes/probePageLoad.ts profile [cards] [staticDir]
 *   npx tsx bench/probes/probePageLoad.ts compare <cards> <loads> <staticDirA> <staticDirB>
 *
 * - milestones: when the page's landmarks appear (map page, connected, tldraw's loading
 *   screen, first card) and when each resource was fetched, for three fresh loads.
 * - profile: a CPU profile of one load (Chromium's profiler over CDP), summarised by self and
 *   inclusive time; build with `npx vite build --minify false --outDir <dir>/client` for
 *   readable names. The raw profile goes to .tmp/probes/page-load.cpuprofile.
 * - compare: time until interactive (as the bench measures it) of two builds served side by
 *   side, loads alternating, with the median of each.
 *
 * `staticDir` defaults to dist/client (`npm run build` first).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import type { BenchServer } from '../BenchServer'
import {
  launchBenchChromium,
  openBenchMap,
  startBrowserBenchServer,
  storeBenchMap,
} from '../browser/runBrowserBench'

type Address = Awaited<ReturnType<typeof storeBenchMap>>

// Plain script text: tsx would wrap named functions in a helper the page does not have.
const RECORD_MILESTONES = `
  localStorage.setItem('stakeholder-canvas:user', JSON.stringify({ name: 'Probe', place: 'room' }))
  window.__milestones = []
  const present = new Set()
  const landmarks = {
    'map page': '.map-page',
    connected: '[data-testid="connection-status"][data-status="connected"]',
    'tldraw container': '.tl-container',
    'tldraw loading screen': '.tl-loading',
    'tldraw UI': '.tlui-layout',
    'first card': '.stakeholder-card',
  }
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(landmarks)) {
      const now = !!document.querySelector(selector)
      if (now === present.has(name)) continue
      if (now) present.add(name)
      else present.delete(name)
      window.__milestones.push([Math.round(performance.now()), name + (now ? ' in' : ' out')])
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-status'] })
`

async function openPage(browser: Browser, server: BenchServer, address: Address) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(RECORD_MILESTONES)
  const page = await context.newPage()
  return { context, page, url: `${server.httpUrl}/m/${address.room}#t=${address.params.token}` }
}

async function milestones(browser: Browser, server: BenchServer, address: Address) {
  for (let load = 1; load <= 3; load++) {
    const { context, page, url } = await openPage(browser, server, address)
    await page.goto(url)
    await page.locator('.stakeholder-card').first().waitFor({ state: 'attached', timeout: 60_000 })
    await page.waitForTimeout(1000)
    const { marks, resources } = await page.evaluate(() => ({
      marks: (window as unknown as { __milestones: [number, string][] }).__milestones,
      resources: performance
        .getEntriesByType('resource')
        .map((entry) => [
          entry.name.replace(location.origin, '').slice(0, 60),
          Math.round(entry.startTime),
          Math.round((entry as PerformanceResourceTiming).responseEnd),
        ]),
    }))
    console.log(`\nload ${load}: milestones (ms since navigation start)`)
    for (const [at, name] of marks) console.log(`${String(at).padStart(6)}  ${name}`)
    console.log('resources (requested, answered)')
    for (const [name, start, end] of resources)
      console.log(`${String(start).padStart(6)} ${String(end).padStart(6)}  ${name}`)
    await context.close()
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

async function profile(browser: Browser, server: BenchServer, address: Address) {
  const { context, page, url } = await openPage(browser, server, address)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await page.goto(url)
  await page.locator('.stakeholder-card').first().waitFor({ state: 'attached', timeout: 60_000 })
  const firstCardAt = await page.evaluate(() => performance.now())
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  await context.close()
  mkdirSync('.tmp/probes', { recursive: true })
  writeFileSync('.tmp/probes/page-load.cpuprofile', JSON.stringify(profile))

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const nameOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame
    return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`
  }
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0
    const leaf = nodes.get(id)
    if (!leaf) return
    self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + micros)
    const counted = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const name = nameOf(nodes.get(at)!)
      if (counted.has(name)) continue
      counted.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros)
    }
  })
  const top = (totals: Map<string, number>, count: number) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${String(Math.round(micros / 1000)).padStart(6)} ms  ${name}`)
      .join('\n')
  console.log(`first card after ${Math.round(firstCardAt)} ms (profiling slows the page down)`)
  console.log(`\nself time\n${top(self, 25)}\n\ninclusive time\n${top(inclusive, 50)}`)
}

async function compare(
  browser: Browser,
  servers: BenchServer[],
  addresses: Address[],
  cards: number,
  loads: number,
) {
  const times: number[][] = servers.map(() => [])
  for (let load = 0; load < loads; load++) {
    // Alternate which build goes first, so that drift in the machine's speed evens out.
    const order = load % 2 === 0 ? [0, 1] : [1, 0]
    for (const which of order) {
      const { page, interactiveMs } = await openBenchMap(
        browser,
        servers[which]!,
        addresses[which]!,
        cards,
      )
      times[which]!.push(Math.round(interactiveMs))
      await page.context().close()
    }
  }
  times.forEach((list, which) => {
    const median = [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
    console.log(`build ${'AB'[which]}: median ${median} ms (${list.join(', ')})`)
  })
}

const [mode = 'milestones', ...rest] = process.argv.slice(2)
const browser = await launchBenchChromium()
const servers: BenchServer[] = []
try {
  if (mode === 'compare') {
    const [cards, loads, dirA, dirB] = rest
    if (!dirA || !dirB) throw new Error('compare needs <cards> <loads> <staticDirA> <staticDirB>')
    servers.push(await startBrowserBenchServer(dirA), await startBrowserBenchServer(dirB))
    const addresses = await Promise.all(
      servers.map((server) => storeBenchMap(server, Number(cards))),
    )
    await compare(browser, servers, addresses, Number(cards), Number(loads))
  } else if (mode === 'milestones' || mode === 'profile') {
    const [cards = '1000', staticDir] = rest
    servers.push(await startBrowserBenchServer(staticDir))
    const address = await storeBenchMap(servers[0]!, Number(cards))
    await (mode === 'profile' ? profile : milestones)(browser, servers[0]!, address)
  } else throw new Error(`unknown mode "${mode}": milestones, profile or compare`)
} finally {
  await browser.close()
  for (const server of servers) await server.stop()
}
// A bench server's child and Chromium may keep handles open a moment longer.
process.exit(0)
