import type { IncomingMessage, ServerResponse } from 'node:http'

/** One entry of the HTTP route table. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Matched against the URL's pathname (still percent-encoded); groups become `params`. */
  pattern: RegExp
  handle(request: IncomingMessage, response: ServerResponse, params: string[]): Promise<void>
}
