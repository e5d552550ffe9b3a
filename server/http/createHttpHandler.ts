/**
 * Plain `node:http` request handling: the API route table first (a GET route answers HEAD
 * too, without a body), then `/api/*` misses as JSON 404s, then the built client's static
 * files for GET and HEAD. State-changing requests from a browser page on a foreign origin are
 * refused first (403). Every answer is counted in the metrics and gets one access log line
 * when it ends: method, route template, map id, status, duration and size, never the query
 * string (it may hold a token) nor the client's address.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { OriginPolicy } from '../access/createOriginPolicy'
import type { ServerMetrics } from '../operations/ServerMetrics'
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
  metrics?: ServerMetrics
}

/** Dispatches requests to `routes` and falls back to the static client. */
export function createHttpHandler({
  routes,
  serveStatic,
  logger,
  originPolicy,
  metrics,
}: HttpHandlerOptions): HttpHandler {
  return (request, response) => {
    const started = performance.now()
    const method = request.method ?? 'GET'
    // What the access log and the metrics call this request; set once it is matched.
    const access: { route: string; mapId?: string } = { route: 'invalid' }
    response.once('finish', () => {
      const seconds = (performance.now() - started) / 1000
      metrics?.observeHttp(method, access.route, response.statusCode, seconds)
      logger.info(
        {
          method,
          route: access.route,
          ...(access.mapId === undefined ? {} : { mapId: access.mapId }),
          status: response.statusCode,
          durationMs: Math.round(seconds * 1000),
          bytes: Number(response.getHeader('content-length') ?? 0),
        },
        'http request',
      )
    })
    setSecurityHeaders(response, { html: false })
    let pathname: string
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname
    } catch {
      return sendApiError(response, 400, 'bad-request', 'The request URL is not valid.')
    }
    access.route = 'other'
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
    const found =
      matching.find(({ route }) => route.method === method) ??
      (method === 'HEAD' ? matching.find(({ route }) => route.method === 'GET') : undefined)
    if (matching[0] !== undefined) access.route = routeTemplate(matching[0].route)
    if (found !== undefined) {
      access.route = routeTemplate(found.route)
      if (/^\/api\/maps\/[^/]+/.test(pathname) && found.params[0]) access.mapId = found.params[0]
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
      access.route = 'api-unknown'
      return sendApiError(response, 404, 'not-found', 'No such API endpoint.')
    }
    access.route = 'static'
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return sendApiError(response, 405, 'method-not-allowed', `${method} is not allowed here.`)
    }
    serveStatic(request, response)
  }
}

/** A route's pattern as a readable template: `^\/api\/maps\/([^/]+)$` → `/api/maps/:param`. */
function routeTemplate(route: Route): string {
  return route.pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/\((?:[^()]|\([^()]*\))*\)/g, ':param')
    .replace(/\\(.)/g, '$1')
}
