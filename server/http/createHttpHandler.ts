/**
 * Plain `node:http` request handling: the API route table first, then `/api/*` misses as
 * JSON 404s, then the built client's static files for GET and HEAD. State-changing requests
 * from a browser page on a foreign origin are refused first (403).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { OriginPolicy } from '../access/createOriginPolicy'
import type { Route } from './Route'
import { sendApiError } from './sendJson'
import { setSecurityHeaders } from './securityHeaders'
import type { StaticHandler } from './createStaticHandler'

/** Handler for the HTTP server's 'request' event. */
export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void

interface HttpHandlerOptions {
  routes: readonly Route[]
  serveStatic: StaticHandler
  logger: Logger
  originPolicy: OriginPolicy
}

/** Dispatches requests to `routes` and falls back to the static client. */
export function createHttpHandler({
  routes,
  serveStatic,
  logger,
  originPolicy,
}: HttpHandlerOptions): HttpHandler {
  return (request, response) => {
    setSecurityHeaders(response, { html: false })
    let pathname: string
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname
    } catch {
      return sendApiError(response, 400, 'bad-request', 'The request URL is not valid.')
    }
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD' && !originPolicy(request)) {
      logger.info(
        { origin: request.headers.origin, method, pathname },
        'request from foreign origin',
      )
      return sendApiError(
        response,
        403,
        ApiErrorCode.forbiddenOrigin,
        'Requests from this origin are refused.',
      )
    }
    const matching = routes.flatMap((route) => {
      const match = route.pattern.exec(pathname)
      return match ? [{ route, params: match.slice(1).map((param) => param ?? '') }] : []
    })
    const found = matching.find(({ route }) => route.method === method)
    if (found !== undefined) {
      found.route.handle(request, response, found.params).catch((error: unknown) => {
        logger.error({ err: error, method, pathname }, 'request failed')
        if (!response.headersSent) {
          sendApiError(response, 500, 'internal-error', 'Something went wrong on the server.')
        } else {
          response.destroy()
        }
      })
      return
    }
    if (matching.length > 0) {
      response.setHeader('Allow', matching.map(({ route }) => route.method).join(', '))
      return sendApiError(response, 405, 'method-not-allowed', `${method} is not allowed here.`)
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return sendApiError(response, 404, 'not-found', 'No such API endpoint.')
    }
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return sendApiError(response, 405, 'method-not-allowed', `${method} is not allowed here.`)
    }
    serveStatic(request, response)
  }
}
