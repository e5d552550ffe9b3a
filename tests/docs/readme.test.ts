import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONFIG_SETTINGS } from '../../server/config'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm ci && npm test')
  })

  it.each(CONFIG_SETTINGS.map((setting) => [setting.name, setting.default] as const))(
    'documents the setting %s with its default',
    (name, fallback) => {
      const row = readme.split('\n').find((line) => line.startsWith('| `' + name + '`'))
      expect(row, `README has no row for ${name}`).toBeDefined()
      expect(row).toContain(fallback)
    },
  )
})
