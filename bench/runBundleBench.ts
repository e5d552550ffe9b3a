import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Where the report, export and import code lives: none of it may be in a first screen. */
const ON_DEMAND_SOURCES = /client\/exchange\/|shared\/report\/|shared\/exchange\/|papaparse|fflate/

/** The package a source path in a source map belongs to. */
const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//

/** The module that starts the map page (loaded on demand by client/App.tsx). */
const MAP_PAGE_SOURCE = 'map/MapPage.tsx'

/** JavaScript one screen needs before it can show anything. */
export interface ScreenBundle {
  chunks: string[]
  gzipBytes: number
  rawBytes: number
  /** Report/export/import sources found in these chunks (should be empty). */
  onDemandCode: string[]
  /** npm packages with code in these chunks. */
  packages: string[]
}

/** Sizes of the built client's JavaScript. */
export interface BundleResult {
  /** The home page: the entry chunk and what it imports statically. */
  home: ScreenBundle
  /** A map opened from a link: the home page's chunks plus the map page's. */
  map: ScreenBundle
  totalGzipBytes: number
  totalRawBytes: number
  chunkCount: number
  /** Chunks that hold report/export/import code. */
  onDemandChunks: string[]
}

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

type Manifest = Record<string, ManifestChunk>

function sourcesOf(file: string): string[] {
  try {
    return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources
  } catch {
    return []
  }
}

/** The chunk files `key` needs at once: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`)
    if (chunk.file.endsWith('.js')) files.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  keys.forEach(visit)
  return files
}

/** Reads `dist/client` (run `npx vite build` first); gzip with zlib's default level. */
export function runBundleBench(distDir: string): BundleResult {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry)
  const home = staticClosure(manifest, entries)
  const map = staticClosure(manifest, [...entries, MAP_PAGE_SOURCE])
  const measured = new Map<
    string,
    { gzip: number; raw: number; onDemand: string[]; packages: string[] }
  >()
  for (const chunk of Object.values(manifest)) {
    if (!chunk.file.endsWith('.js') || measured.has(chunk.file)) continue
    const file = path.join(distDir, chunk.file)
    const bytes = readFileSync(file)
    const sources = sourcesOf(file)
    measured.set(chunk.file, {
      gzip: gzipSync(bytes).byteLength,
      raw: bytes.byteLength,
      onDemand: sources.filter((source) => ON_DEMAND_SOURCES.test(source)),
      packages: sources.flatMap((source) => PACKAGE.exec(source)?.[1] ?? []),
    })
  }
  const screen = (files: Set<string>): ScreenBundle => {
    const chunks = [...files].sort()
    const sizes = chunks.map((file) => measured.get(file)!)
    return {
      chunks,
      gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
      rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
      onDemandCode: sizes.flatMap((size) => size.onDemand),
      packages: [...new Set(sizes.flatMap((size) => size.packages))].sort(),
    }
  }
  const all = [...measured.values()]
  return {
    home: screen(home),
    map: screen(map),
    totalGzipBytes: all.reduce((sum, size) => sum + size.gzip, 0),
    totalRawBytes: all.reduce((sum, size) => sum + size.raw, 0),
    chunkCount: measured.size,
    onDemandChunks: [...measured]
      .filter(([file, size]) => size.onDemand.length > 0 && !map.has(file))
      .map(([file]) => path.basename(file)),
  }
}
