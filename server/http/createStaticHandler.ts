import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import type { RequestHandler } from 'sirv'
import { setSecurityHeaders } from './securityHeaders'

/** Serves one GET or HEAD request from the built client. */
export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void

/** What the static handler hands out besides the client itself. */
export interface StaticOptions {
  /** Serve the build's source maps (`*.map`) and name them in a `SourceMap` header. */
  serveSourceMaps: boolean
}

/**
 * Serves the built client from `dir`: hashed `/assets/*` files are cached forever, every
 * other path without a file gets `index.html` so that `/m/<id>` reaches the app. The brotli
 * or gzip copy made at build time (build/precompressAssets.ts) is sent when the browser
 * accepts it, with `Vary: Accept-Encoding`. Source maps are a 404 unless `serveSourceMaps`.
 * Answers 503 until `index.html` exists; sirv indexes the directory once, when that first
 * happens.
 */
export function createStaticHandler(
  dir: string,
  { serveSourceMaps }: StaticOptions = { serveSourceMaps: false },
): StaticHandler {
  const indexFile = path.join(dir, 'index.html')
  let serve: RequestHandler | null = null

  return (request, response) => {
    if (serve === null) {
      if (!fs.existsSync(indexFile)) {
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        response.end('client not built: run npm run build\n')
        return
      }
      serve = sirv(dir, {
        etag: true,
        brotli: true,
        gzip: true,
        single: true,
        // A missing asset must be a 404, not index.html served as JavaScript.
        ignores: [/^\/assets\//],
        setHeaders(res, pathname) {
          const isAsset = pathname.startsWith('/assets/')
          res.setHeader(
            'Cache-Control',
            isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
          // Paths without an extension are the SPA fallback, i.e. index.html.
          setSecurityHeaders(res, { html: !isAsset && /(\.html|\/[^./]*)$/.test(pathname) })
          if (serveSourceMaps && isAsset && fs.existsSync(path.join(dir, `${pathname}.map`))) {
            res.setHeader('SourceMap', `${path.posix.basename(pathname)}.map`)
          }
        },
      })
    }
    // The build writes maps for debugging (and the benchmarks); the public gets none. sirv
    // decodes the path, so `%2emap` is caught too.
    if (!serveSourceMaps && /\.map$/i.test(decodedPath(request.url ?? '/'))) {
      return notFound(response)
    }
    serve(request, response, () => notFound(response))
  }
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end('not found\n')
}

function decodedPath(url: string): string {
  const pathname = url.split(/[?#]/)[0] ?? ''
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}
