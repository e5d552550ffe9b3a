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
      compactAfterUpdates: 500,
      compactAfterBytes: 1024 * 1024,
      staticDir: path.resolve('dist/client'),
    })
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
      'COMPACT_AFTER_UPDATES',
      'COMPACT_AFTER_BYTES',
      'STATIC_DIR',
    ])
    const config = loadConfig({ PORT: '9000', LOG_LEVEL: 'debug', TLDRAW_LICENSE_KEY: ' k ' })
    expect(config).toMatchObject({ port: 9000, logLevel: 'debug', tldrawLicenseKey: 'k' })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '1e3'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['COMPACT_AFTER_UPDATES', '0'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })
})
