import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONFIG_SETTINGS, ConfigError, loadConfig } from '../../server/config'

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const config = loadConfig({})
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('data'),
      logLevel: 'info',
      tldrawLicenseKey: null,
      maxMessageBytes: 8 * 1024 * 1024,
      maxUpdateStructs: 2_000,
      maxUpdateDepth: 8,
      maxAwarenessBytes: 64 * 1024,
      compactAfterUpdates: 500,
      compactAfterBytes: 1024 * 1024,
      staticDir: path.resolve('dist/client'),
      serveSourceMaps: false,
      allowedOrigins: [],
      createMapToken: null,
      createMapsPerHour: 60,
      createMapBurst: 20,
      metricsToken: null,
      rateMessagesPerSecond: 300,
      rateMessageBurst: 600,
      rateBytesPerSecond: 8 * 1024 * 1024,
      rateByteBurst: 16 * 1024 * 1024,
      maxConnectionsPerMap: 100,
      maxConnectionsPerIp: 50,
      trustProxy: false,
      snapshotIntervalMs: 60 * 60 * 1000,
      auditWindowMs: 5 * 60 * 1000,
      databaseUrl: null,
      databasePoolSize: 10,
      redisUrl: null,
      nodeId: expect.stringMatching(/^[0-9a-f]{8}$/),
    })
    // Random, so two nodes started without NODE_ID never share one.
    expect(loadConfig({}).nodeId).not.toBe(config.nodeId)
  })

  it('reads every documented setting', () => {
    const names = CONFIG_SETTINGS.map((setting) => setting.name)
    expect(names).toEqual([
      'PORT',
      'HOST',
      'DATA_DIR',
      'LOG_LEVEL',
      'TLDRAW_LICENSE_KEY',
      'MAX_MESSAGE_BYTES',
      'MAX_UPDATE_STRUCTS',
      'MAX_UPDATE_DEPTH',
      'MAX_AWARENESS_BYTES',
      'COMPACT_AFTER_UPDATES',
      'COMPACT_AFTER_BYTES',
      'STATIC_DIR',
      'SERVE_SOURCE_MAPS',
      'ALLOWED_ORIGINS',
      'CREATE_MAP_TOKEN',
      'CREATE_MAPS_PER_HOUR',
      'CREATE_MAP_BURST',
      'METRICS_TOKEN',
      'RATE_MESSAGES_PER_SECOND',
      'RATE_MESSAGE_BURST',
      'RATE_BYTES_PER_SECOND',
      'RATE_BYTE_BURST',
      'MAX_CONNECTIONS_PER_MAP',
      'TRUST_PROXY',
      'MAX_CONNECTIONS_PER_IP',
      'SNAPSHOT_INTERVAL_MS',
      'AUDIT_WINDOW_MS',
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'REDIS_URL',
      'NODE_ID',
      'OIDC_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'PUBLIC_URL',
      'OIDC_SCOPES',
      'OIDC_GROUPS_CLAIM',
      'ORG_ADMIN_GROUP',
      'SESSION_IDLE_MINUTES',
      'SESSION_MAX_HOURS',
      'GUEST_LINKS_DEFAULT',
    ])
    const config = loadConfig({
      PORT: '9000',
      LOG_LEVEL: 'debug',
      TLDRAW_LICENSE_KEY: ' k ',
      ALLOWED_ORIGINS: 'https://canvas.example, https://other.example',
      CREATE_MAP_TOKEN: 'secret',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: 'redis://127.0.0.1:6379',
      NODE_ID: 'node-a',
    })
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      databasePoolSize: 4,
      redisUrl: 'redis://127.0.0.1:6379',
      nodeId: 'node-a',
      port: 9000,
      logLevel: 'debug',
      tldrawLicenseKey: 'k',
      allowedOrigins: ['https://canvas.example', 'https://other.example'],
      createMapToken: 'secret',
    })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '1e3'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['COMPACT_AFTER_UPDATES', '0'],
    ['MAX_CONNECTIONS_PER_IP', '0'],
    ['SNAPSHOT_INTERVAL_MS', 'hourly'],
    ['DATABASE_URL', 'mysql://db/test'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['REDIS_URL', 'redis://127.0.0.1:6379'],
    ['DATABASE_POOL_SIZE', '0'],
    ['GUEST_LINKS_DEFAULT', 'sometimes'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })
})
