import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'

const ORGANISATION = {
  OIDC_ISSUER: 'https://login.example.org/realms/acme',
  OIDC_CLIENT_ID: 'canvas',
  OIDC_CLIENT_SECRET: 's3cret',
  PUBLIC_URL: 'https://canvas.example.org/',
}

describe('organisation mode settings', () => {
  it('stays in open mode while OIDC_ISSUER is unset, whatever else is set', () => {
    expect(loadConfig({ OIDC_CLIENT_ID: 'canvas' }).organisation).toBeUndefined()
  })

  it('switches on with OIDC_ISSUER and applies the defaults', () => {
    expect(loadConfig(ORGANISATION).organisation).toEqual({
      issuer: 'https://login.example.org/realms/acme',
      clientId: 'canvas',
      clientSecret: 's3cret',
      publicUrl: 'https://canvas.example.org',
      scopes: 'openid profile email',
      groupsClaim: null,
      adminGroup: null,
      sessionIdleMinutes: 480,
      sessionMaxHours: 24,
      guestLinksDefault: 'allowed',
    })
  })

  it('reads groups, the admin group, scopes and session lengths', () => {
    const organisation = loadConfig({
      ...ORGANISATION,
      OIDC_SCOPES: 'profile  email groups',
      OIDC_GROUPS_CLAIM: 'groups',
      ORG_ADMIN_GROUP: 'canvas-admins',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '12',
    }).organisation
    expect(organisation).toMatchObject({
      scopes: 'profile email groups openid',
      groupsClaim: 'groups',
      adminGroup: 'canvas-admins',
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
    })
  })

  it.each(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'])(
    'refuses to start without %s, naming it',
    (name) => {
      const env = { ...ORGANISATION, [name]: ' ' }
      expect(() => loadConfig(env)).toThrow(ConfigError)
      expect(() => loadConfig(env)).toThrow(`${name} is required when OIDC_ISSUER is set`)
    },
  )

  it('refuses to start with CREATE_MAP_TOKEN, which organisation mode would not use', () => {
    const env = { ...ORGANISATION, CREATE_MAP_TOKEN: 'make-maps' }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow('CREATE_MAP_TOKEN cannot be used with OIDC_ISSUER')
    // Open mode keeps it; a blank one counts as unset.
    expect(loadConfig({ CREATE_MAP_TOKEN: 'make-maps' }).createMapToken).toBe('make-maps')
    expect(loadConfig({ ...ORGANISATION, CREATE_MAP_TOKEN: ' ' }).organisation).toBeDefined()
  })

  it.each([
    ['OIDC_ISSUER', 'http://login.example.org'],
    ['OIDC_ISSUER', 'not a url'],
    ['PUBLIC_URL', 'http://canvas.example.org'],
    ['PUBLIC_URL', 'https://canvas.example.org/?x=1'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_MAX_HOURS', 'a day'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    const env = { ...ORGANISATION, [name]: value }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(name)
  })

  it('reads GUEST_LINKS_DEFAULT into the organisation part only', () => {
    expect(
      loadConfig({ ...ORGANISATION, GUEST_LINKS_DEFAULT: 'Forbidden' }).organisation,
    ).toMatchObject({ guestLinksDefault: 'forbidden' })
    // Open mode has no default to read: guest links always work there.
    expect(loadConfig({ GUEST_LINKS_DEFAULT: 'forbidden' }).organisation).toBeUndefined()
  })

  it('accepts plain http on a loopback host, for a trial on one machine', () => {
    const organisation = loadConfig({
      ...ORGANISATION,
      OIDC_ISSUER: 'http://127.0.0.1:4000',
      PUBLIC_URL: 'http://localhost:8080',
    }).organisation
    expect(organisation?.publicUrl).toBe('http://localhost:8080')
  })
})
