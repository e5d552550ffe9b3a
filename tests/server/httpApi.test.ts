import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { MapMetadata } from '../../shared/protocol/api'
import type { MapTokens } from '../../shared/protocol/accessApi'
import { CONTENT_SECURITY_POLICY } from '../../server/http/securityHeaders'
import { createFixture } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

function postMap(httpUrl: string, body: string, contentType = 'application/json') {
  return fetch(`${httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
}

describe('HTTP API', () => {
  it('creates a map and returns its metadata', async () => {
    const { httpUrl } = await fixture.startServer()
    const created = await postMap(httpUrl, JSON.stringify({ title: '  Cocoa chain  ' }))
    expect(created.status).toBe(201)
    const { id, tokens } = (await created.json()) as { id: string; tokens: MapTokens }
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(Object.keys(tokens).sort()).toEqual(['editor', 'facilitator', 'owner', 'viewer'])
    for (const token of Object.values(tokens)) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)

    const fetched = await fetch(`${httpUrl}/api/maps/${id}`, {
      headers: { authorization: `Bearer ${tokens.viewer}` },
    })
    expect(fetched.status).toBe(200)
    const map = (await fetched.json()) as MapMetadata
    expect(map).toMatchObject({ id, title: 'Cocoa chain', template: 'blank', role: 'viewer' })
    expect(Date.parse(map.createdAt)).not.toBeNaN()
    expect(fetched.headers.get('x-content-type-options')).toBe('nosniff')
    expect(fetched.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('keeps the chosen template', async () => {
    const { httpUrl } = await fixture.startServer()
    const created = await postMap(httpUrl, JSON.stringify({ title: 'W', template: 'ser-phase-1' }))
    const { id, tokens } = (await created.json()) as { id: string; tokens: MapTokens }
    const map = (await (
      await fetch(`${httpUrl}/api/maps/${id}?token=${tokens.editor}`)
    ).json()) as MapMetadata
    expect(map.template).toBe('ser-phase-1')
  })

  it('answers 404 for an unknown map and 400 for an invalid id', async () => {
    const { httpUrl } = await fixture.startServer()
    const unknown = await fetch(`${httpUrl}/api/maps/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({
      error: { code: 'not-found', message: expect.any(String) },
    })
    const invalid = await fetch(`${httpUrl}/api/maps/no!`)
    expect(invalid.status).toBe(400)
  })

  it.each([
    ['not JSON', '{title', 400, 'invalid-body'],
    ['an array', '["x"]', 400, 'invalid-body'],
    ['null', 'null', 400, 'invalid-body'],
    ['no title', '{}', 400, 'invalid-title'],
    ['a blank title', '{"title":"   "}', 400, 'invalid-title'],
    ['a numeric title', '{"title":42}', 400, 'invalid-title'],
    ['a too long title', JSON.stringify({ title: 'x'.repeat(201) }), 400, 'invalid-title'],
    ['an unknown template', '{"title":"a","template":"x"}', 400, 'invalid-template'],
    [
      'a body over 64 KiB',
      JSON.stringify({ title: 'a', pad: 'x'.repeat(70_000) }),
      413,
      'body-too-large',
    ],
  ])('refuses a body with %s', async (_name, body, status, code) => {
    const { httpUrl } = await fixture.startServer()
    const response = await postMap(httpUrl, body)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code)
  })

  it('refuses a body that is not declared as JSON', async () => {
    const { httpUrl } = await fixture.startServer()
    const response = await postMap(httpUrl, '{"title":"a"}', 'text/plain')
    expect(response.status).toBe(415)
  })

  it('does not let path tricks reach files', async () => {
    const { httpUrl, config } = await fixture.startServer()
    await fs.writeFile(path.join(config.dataDir, 'secret.txt'), 'secret')
    for (const trick of [
      '/api/maps/..%2F..%2Fetc%2Fpasswd',
      '/api/maps/..%2Fsecret.txt',
      '/api/maps/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/api/maps/AAAAAAAAAAAAAAAAAAAAAA%2F..',
    ]) {
      const response = await fetch(`${httpUrl}${trick}`)
      expect([400, 404]).toContain(response.status)
      expect(await response.text()).not.toContain('secret')
    }
  })

  it('serves the client config, the health check and JSON 404s under /api', async () => {
    const { httpUrl } = await fixture.startServer({ TLDRAW_LICENSE_KEY: 'key-123' })
    expect(await (await fetch(`${httpUrl}/api/config`)).json()).toEqual({
      tldrawLicenseKey: 'key-123',
    })
    const health = await fetch(`${httpUrl}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', now: expect.any(Number) })
    const missing = await fetch(`${httpUrl}/api/nothing`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('application/json')
    const wrongMethod = await fetch(`${httpUrl}/api/maps`)
    expect(wrongMethod.status).toBe(405)
  })

  it('answers 503 while the client is not built', async () => {
    const { httpUrl } = await fixture.startServer()
    const response = await fetch(`${httpUrl}/m/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build')
  })

  it('serves the built client with SPA fallback, immutable assets and a CSP', async () => {
    const staticDir = await fixture.makeDataDir()
    await fs.mkdir(path.join(staticDir, 'assets'))
    await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
    await fs.writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)')
    const { httpUrl } = await fixture.startServer({ STATIC_DIR: staticDir })

    const page = await fetch(`${httpUrl}/m/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>app</title>')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)

    const asset = await fetch(`${httpUrl}/assets/app-1234.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(asset.headers.get('content-security-policy')).toBeNull()

    expect((await fetch(`${httpUrl}/assets/missing.js`)).status).toBe(404)
  })
})
