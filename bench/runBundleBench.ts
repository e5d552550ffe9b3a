import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Where the report, export and import code lives: none of it may be in the first screen. */
const ON_DEMAND_SOURCES = /client\/exchange\/|shared\/report\/|shared\/exchange\/|papaparse|fflate/

/** Sizes of the built client's JavaScript. */
export interface BundleResult {
  /** Chunks index.html loads (module script and modulepreload links). */
  entryChunks: string[]
  entryGzipBytes: number
  entryRawBytes: number
  totalGzipBytes: number
  totalRawBytes: number
  chunkCount: number
  /** Sources of report/export/import code found in the entry chunks (should be empty). */
  onDemandCodeInEntry: string[]
  /** Chunks that hold report/export/import code. */
  onDemandChunks: string[]
}

function sourcesOf(file: string): string[] {
  try {
    return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources
  } catch {
    return []
  }
}

/** Reads `dist/client` (run `npx vite build` first); gzip with zlib's default level. */
export function runBundleBench(distDir: string): BundleResult {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const entryChunks = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => (match[1] ?? '').replace(/^\//, ''))
  const assets = readdirSync(path.join(distDir, 'assets')).filter((name) => name.endsWith('.js'))
  let entryGzipBytes = 0
  let entryRawBytes = 0
  let totalGzipBytes = 0
  let totalRawBytes = 0
  const onDemandCodeInEntry: string[] = []
  const onDemandChunks: string[] = []
  for (const name of assets) {
    const file = path.join(distDir, 'assets', name)
    const bytes = readFileSync(file)
    const gzipped = gzipSync(bytes).byteLength
    totalGzipBytes += gzipped
    totalRawBytes += bytes.byteLength
    const onDemand = sourcesOf(file).filter((source) => ON_DEMAND_SOURCES.test(source))
    if (entryChunks.includes(`assets/${name}`)) {
      entryGzipBytes += gzipped
      entryRawBytes += bytes.byteLength
      onDemandCodeInEntry.push(...onDemand)
    } else if (onDemand.length > 0) {
      onDemandChunks.push(name)
    }
  }
  return {
    entryChunks,
    entryGzipBytes,
    entryRawBytes,
    totalGzipBytes,
    totalRawBytes,
    chunkCount: assets.length,
    onDemandCodeInEntry,
    onDemandChunks,
  }
}
