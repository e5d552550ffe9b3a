import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import type { RequestHandler } from 'sirv'
import { setSecurityHeaders } from './securityHeaders'

/** Serves one GET or HEAD request from the built client. */
export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Serves the built client from `dir`: hashed `/assets/*` files are cached forever, every
 * other path without a file gets `index.html` so that `/m/<id>` reaches the app. Answers 503
 * until `index.html` exists; sirv indexes the directory once, when that first happens.
 */
export function createStaticHandler(dir: string): StaticHandler {
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
        },
      })
    }
    serve(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('not found\n')
    })
  }
}
