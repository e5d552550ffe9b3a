import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { precompressDirectory } from '../../build/precompressAssets'
import { chooseEncoding } from '../../server/http/sendCompressed'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { createFixture, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** A GET that shows the bytes as sent (fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
      })
      .on('error', reject)
  })
}

/** A built client in miniature: a page, a big script with its map, and their compressed copies. */
async function builtClient(): Promise<{ dir: string; script: string }> {
  const dir = await fixture.makeDataDir()
  await fs.mkdir(path.join(dir, 'assets'))
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>app</title>')
  const script = `${'export const stakeholder = { name: "Gemeente", salience: "definitive" };\n'.repeat(400)}`
  await fs.writeFile(path.join(dir, 'assets', 'app-1234.js'), script)
  await fs.writeFile(path.join(dir, 'assets', 'app-1234.js.map'), JSON.stringify({ version: 3 }))
  const result = precompressDirectory(dir)
  expect(result.files).toBe(1)
  return { dir, script }
}

describe('compression and caching', () => {
  it('serves the brotli copy to a browser that accepts it, gzip to one that only takes gzip', async () => {
    const { dir, script } = await builtClient()
    const { httpUrl } = await fixture.startServer({ STATIC_DIR: dir })
    const url = `${httpUrl}/assets/app-1234.js`

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['vary']).toContain('Accept-Encoding')
    expect(br.headers['content-type']).toContain('javascript')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.body.byteLength).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(br.body).toString()).toBe(script)

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)

    const plain = await rawGet(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('hands out no source maps unless SERVE_SOURCE_MAPS is set', async () => {
    const { dir } = await builtClient()
    const closed = await fixture.startServer({ STATIC_DIR: dir })
    expect((await rawGet(`${closed.httpUrl}/assets/app-1234.js.map`)).status).toBe(404)
    expect((await rawGet(`${closed.httpUrl}/assets/app-1234.js%2emap`)).status).toBe(404)
    expect(
      (await rawGet(`${closed.httpUrl}/assets/app-1234.js`)).headers['sourcemap'],
    ).toBeUndefined()

    const open = await fixture.startServer({ STATIC_DIR: dir, SERVE_SOURCE_MAPS: 'true' })
    expect((await rawGet(`${open.httpUrl}/assets/app-1234.js.map`)).status).toBe(200)
    expect((await rawGet(`${open.httpUrl}/assets/app-1234.js`)).headers['sourcemap']).toBe(
      'app-1234.js.map',
    )
  })

  it('compresses JSON answers above 1 KiB and leaves small ones as they are', async () => {
    const test = await fixture.startServer()
    const created = await fetch(`${test.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Compressed map', template: 'ser-phase-1' }),
    })
    const map = (await created.json()) as { id: string; tokens: { owner: string } }
    test.tokens.set(map.id, map.tokens as never)
    const writer = fixture.connectClient(test, map.id, undefined, { role: 'owner' })
    await waitForSync(writer)
    for (let i = 0; i < 10; i += 1) {
      writeStakeholder(writer.doc, createStakeholder({ id: `sh-${i}`, name: `Gemeente ${i}` }))
    }
    await waitFor(async () => (await test.server.store.countUpdates(map.id)) > 0)
    const exported = await rawGet(`${test.httpUrl}/api/maps/${map.id}/export.json`, {
      authorization: `Bearer ${map.tokens.owner}`,
      'accept-encoding': 'br;q=0.9, gzip;q=1',
    })
    expect(exported.status).toBe(200)
    expect(exported.headers['content-encoding']).toBe('gzip')
    expect(exported.headers['vary']).toBe('Accept-Encoding')
    expect(Number(exported.headers['content-length'])).toBe(exported.body.byteLength)
    const json = JSON.parse(gunzipSync(exported.body).toString()) as unknown
    expect(JSON.stringify(json)).toContain('Compressed map')
    expect(gunzipSync(exported.body).byteLength).toBeGreaterThan(1024)

    const report = await rawGet(`${test.httpUrl}/api/maps/${map.id}/report.html`, {
      authorization: `Bearer ${map.tokens.owner}`,
      'accept-encoding': 'gzip, br',
    })
    expect(report.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(report.body).toString()).toContain('Compressed map')

    const config = await rawGet(`${test.httpUrl}/api/config`, { 'accept-encoding': 'br' })
    expect(config.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(config.body.toString())).toHaveProperty('tldrawLicenseKey')
  })

  it('picks the encoding the request prefers and never one it refuses', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding(undefined)).toBeNull()
  })
})
