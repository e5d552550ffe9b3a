import type { IncomingMessage } from 'node:http'
import type { ApiErrorCodeValue } from '../../shared/protocol/apiErrorCodes'

/** A body that could not be read as JSON, with the answer to give. */
export interface BodyError {
  status: number
  /** One of the shared table's codes, so that the client can word it. */
  code: ApiErrorCodeValue
  message: string
}

/** Result of {@link readJsonBody}. */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; error: BodyError }

/**
 * Reads a request body of at most `maxBytes` and parses it as JSON. Refuses other content
 * types (415), bigger bodies (413, without reading them to the end) and invalid JSON (400).
 */
export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<JsonBodyResult> {
  const contentType = request.headers['content-type'] ?? ''
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return fail(415, 'unsupported-media-type', 'Send the body as application/json.')
  }
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > maxBytes) return fail(413, 'body-too-large', `Body exceeds ${maxBytes} bytes.`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.byteLength
    if (size > maxBytes) return fail(413, 'body-too-large', `Body exceeds ${maxBytes} bytes.`)
    chunks.push(buffer)
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return fail(400, 'invalid-body', 'Body is not valid JSON.')
  }
}

function fail(status: number, code: ApiErrorCodeValue, message: string): JsonBodyResult {
  return { ok: false, error: { status, code, message } }
}
