/**
 * A real OpenID provider for the tests (panva's certified `oidc-provider`), started in-process
 * on a loopback port: one confidential test client, two test users with name, e-mail and a
 * `groups` claim. Its login page is a list of the users: `GET /interaction/<uid>` links to
 * `/interaction/<uid>/login?user=<key>` (signs that user in) and `/interaction/<uid>/abort`
 * (the user cancels: the app receives `error=access_denied`). Consent is implied for the
 * test client, so a sign-in is: app → provider → interaction page → login link → app.
 *
 * The app's URL must be known before the provider starts (the client's redirect URI is
 * registered exactly); pick it with {@link freeLoopbackPort} and start the app on it.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import Provider, { type Account, type ProviderContext } from 'oidc-provider'

/** A person the test provider knows. */
export interface TestUser {
  subject: string
  name: string
  email: string
  groups: string[]
}

/** The two test users, by the key the login page's links use. */
export const TEST_USERS = {
  jan: {
    subject: 'sub-jan',
    name: 'Jan de Vries',
    email: 'jan@example.org',
    groups: ['canvas-admins', 'sustainability'],
  },
  anna: {
    subject: 'sub-anna',
    name: 'Anna Jansen',
    email: 'anna@example.org',
    groups: ['sustainability'],
  },
} satisfies Record<string, TestUser>

export type TestUserKey = keyof typeof TEST_USERS

/** The group whose members administer the organisation in {@link TestIdentityProvider.env}. */
export const TEST_ADMIN_GROUP = 'canvas-admins'

export interface TestIdentityProvider {
  /** `http://127.0.0.1:<port>`, the provider's issuer. */
  issuer: string
  clientId: string
  clientSecret: string
  /** The organisation-mode settings that point the app at this provider. */
  env(): Record<string, string>
  /** Stops answering (the provider is "down"); safe to call twice. */
  close(): Promise<void>
}

export interface TestIdentityProviderOptions {
  /** The app's external URL (its PUBLIC_URL), e.g. `http://127.0.0.1:<port>`. */
  appUrl: string
  /** The port to listen on (e.g. to start a provider again where one was); default a free one. */
  port?: number
}

const CLIENT_ID = 'stakeholder-canvas-test'
const CLIENT_SECRET = 'test-client-secret-that-is-long-enough'

/** A free TCP port on 127.0.0.1 (free when asked; start the server on it right away). */
export async function freeLoopbackPort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Starts the provider on a free loopback port; {@link TestIdentityProvider.close} stops it. */
export async function startTestIdentityProvider(
  options: TestIdentityProviderOptions,
): Promise<TestIdentityProvider> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const appUrl = options.appUrl.replace(/\/+$/, '')
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appUrl}/auth/callback`],
        post_logout_redirect_uris: [`${appUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The provider's "sign out here too?" page, without the default's web fonts.
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body =
            `<!doctype html><html lang="en"><title>Sign out</title><h1>Sign out of the test provider?</h1>` +
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">` +
            `Yes, sign me out</button></html>`
        },
      },
    },
    findAccount: (_ctx: unknown, subject: string): Account | undefined => {
      const user = Object.values(TEST_USERS).find((candidate) => candidate.subject === subject)
      if (user === undefined) return undefined
      return {
        accountId: subject,
        claims: async () => ({
          sub: subject,
          name: user.name,
          email: user.email,
          email_verified: true,
          groups: user.groups,
        }),
      }
    },
    // First-party test client: consent is implied, so no consent page.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { oidc } = ctx
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId)
      const existing = grantId === undefined ? undefined : await oidc.provider.Grant.find(grantId)
      if (existing !== undefined) return existing
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      })
      grant.addOIDCScope(String(oidc.params['scope'] ?? 'openid'))
      await grant.save()
      return grant
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><title>Test provider error</title><pre>${escapeHtml(
        JSON.stringify(out),
      )}</pre>`
    },
  })
  const handleProvider = provider.callback()
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', issuer)
    const interaction = /^\/interaction\/([^/]+)(\/login|\/abort)?$/.exec(url.pathname)
    if (interaction === null) return handleProvider(request, response)
    handleInteraction(provider, request, response, url, interaction[2]).catch((error: unknown) => {
      response.statusCode = 500
      response.end(String(error))
    })
  })
  let closed: Promise<void> | null = null
  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    env: () => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      PUBLIC_URL: appUrl,
      OIDC_SCOPES: 'openid profile email groups',
      OIDC_GROUPS_CLAIM: 'groups',
      ORG_ADMIN_GROUP: TEST_ADMIN_GROUP,
    }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    },
  }
}

/** The login page (a list of users), a user's login link, or cancelling. */
async function handleInteraction(
  provider: Provider,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  action: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(request, response)
  if (action === '/abort') {
    return provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    )
  }
  if (action === '/login') {
    const user = TEST_USERS[url.searchParams.get('user') as TestUserKey] as TestUser | undefined
    if (user === undefined) {
      response.statusCode = 400
      return void response.end('unknown test user')
    }
    return provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.subject } },
      { mergeWithLastSubmission: false },
    )
  }
  const base = `/interaction/${encodeURIComponent(details.uid)}`
  const links = Object.entries(TEST_USERS)
    .map(
      ([key, user]) =>
        `<li><a href="${base}/login?user=${key}">Sign in as ${escapeHtml(user.name)}</a></li>`,
    )
    .join('')
  response.setHeader('content-type', 'text/html; charset=utf-8')
  response.end(
    `<!doctype html><html lang="en"><title>Test identity provider</title>` +
      `<h1>Test identity provider</h1><ul>${links}</ul><a href="${base}/abort">Cancel</a></html>`,
  )
}

/**
 * The provider's storage (sessions, codes, grants) in a Map of this provider alone, so that
 * providers of different tests never share state (oidc-provider's own one is process-wide).
 */
function memoryAdapter() {
  interface Entry {
    payload: Record<string, unknown>
    expiresAt: number
  }
  const entries = new Map<string, Entry>()
  return class TestAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      entries.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 })
      for (const [field, prefix] of [
        ['grantId', 'grant'],
        ['uid', 'uid'],
        ['userCode', 'userCode'],
      ]) {
        const value = payload[field as string]
        if (typeof value === 'string') {
          entries.set(`${this.model}:${prefix}:${value}:${id}`, {
            payload: { id },
            expiresAt: Infinity,
          })
        }
      }
    }
    async find(id: string) {
      const entry = entries.get(this.key(id))
      if (entry === undefined || entry.expiresAt <= Date.now()) return undefined
      return entry.payload
    }
    private async findBy(prefix: string, value: string) {
      const start = `${this.model}:${prefix}:${value}:`
      for (const key of entries.keys()) {
        if (key.startsWith(start)) return this.find(key.slice(start.length))
      }
      return undefined
    }
    findByUid(uid: string) {
      return this.findBy('uid', uid)
    }
    findByUserCode(userCode: string) {
      return this.findBy('userCode', userCode)
    }
    async consume(id: string) {
      const entry = entries.get(this.key(id))
      if (entry !== undefined) entry.payload['consumed'] = Math.floor(Date.now() / 1000)
    }
    async destroy(id: string) {
      entries.delete(this.key(id))
    }
    async revokeByGrantId(grantId: string) {
      const start = `${this.model}:grant:${grantId}:`
      for (const key of [...entries.keys()]) {
        if (key.startsWith(start)) {
          entries.delete(key)
          entries.delete(this.key(key.slice(start.length)))
        }
      }
    }
  }
}

function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test-key' }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
