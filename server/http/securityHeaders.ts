import type { ServerResponse } from 'node:http'

/**
 * Content-Security-Policy of the HTML pages. tldraw needs inline styles, data:/blob: images
 * and blob: workers; sync runs over ws:/wss: to this same origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Content-Security-Policy of the printable report (`report.html`): it is made of what
 * participants typed, so nothing may run or load — only its inline styles and data: images.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers for every answer; `html` adds the CSP, which only means something on pages. */
export function setSecurityHeaders(response: ServerResponse, { html }: { html: boolean }): void {
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  if (html) response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
}
