/**
 * Vite plugin: after `vite build` has written the client, every file worth compressing gets a
 * brotli (`.br`) and a gzip (`.gz`) copy beside it, made once at the strongest levels, so the
 * server only picks the copy the browser accepts (content negotiation, `Vary: Accept-Encoding`)
 * and never compresses a static file per request. Fonts (woff2) and PNGs are compressed
 * already; source maps are only served on request of an operator (SERVE_SOURCE_MAPS).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Extensions of text files that shrink when compressed. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/

/** Files smaller than this gain less than a TCP packet and are left as they are. */
const MIN_BYTES = 1024

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`. */
export function precompressDirectory(dir: string): {
  files: number
  bytes: number
  brotli: number
} {
  let files = 0
  let bytes = 0
  let brotli = 0
  const visit = (current: string) => {
    for (const name of readdirSync(current)) {
      const file = path.join(current, name)
      if (statSync(file).isDirectory()) {
        visit(file)
        continue
      }
      if (!COMPRESSIBLE.test(name)) continue
      const content = readFileSync(file)
      if (content.byteLength < MIN_BYTES) continue
      const br = brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
        },
      })
      writeFileSync(`${file}.br`, br)
      writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }))
      files += 1
      bytes += content.byteLength
      brotli += br.byteLength
    }
  }
  visit(dir)
  return { files, bytes, brotli }
}

/** The plugin; runs once the bundle is on disk. */
export function precompressAssets(): Plugin {
  let outDir = ''
  return {
    name: 'stakeholder-canvas:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const { files, bytes, brotli } = precompressDirectory(outDir)
      this.info(
        `${files} files compressed: ${(bytes / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB (brotli)`,
      )
    },
  }
}
