/**
 * Compression of dynamic answers (JSON, CSV, the report, metrics): a body of at least
 * {@link COMPRESS_MIN_BYTES} goes out as brotli or gzip when the request accepts it. Static
 * files are compressed at build time instead (build/precompressAssets.ts).
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Below this a compressed body saves less than the work and the headers cost. */
export const COMPRESS_MIN_BYTES = 1024

/** Content encodings we produce, best first. */
type Encoding = 'br' | 'gzip'

/** The best encoding `acceptEncoding` allows (q-values honoured; `q=0` refuses), or null. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean)
    weights.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0
  const best = (['br', 'gzip'] as const).filter((name) => weight(name) > 0)
  best.sort((a, b) => weight(b) - weight(a))
  return best[0] ?? null
}

/**
 * Answers `status` with `headers` and `body`, compressed when it is big enough and the
 * request (`response.req`) accepts br or gzip. Sets Content-Length and `Vary: Accept-Encoding`.
 */
export function sendCompressed(
  response: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Uint8Array,
): void {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const encoding =
    raw.byteLength >= COMPRESS_MIN_BYTES
      ? chooseEncoding(response.req?.headers['accept-encoding'])
      : null
  let sent = raw
  if (encoding === 'br') {
    // Quality 5: most of brotli's gain at a fraction of its top level's time.
    sent = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      },
    })
  } else if (encoding === 'gzip') {
    sent = gzipSync(raw, { level: 6 })
  }
  response.writeHead(status, {
    ...headers,
    'Content-Length': sent.byteLength,
    Vary: 'Accept-Encoding',
    ...(encoding === null ? {} : { 'Content-Encoding': encoding }),
  })
  response.end(sent)
}
