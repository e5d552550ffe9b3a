/**
 * This app as an OpenID Connect relying party, on panva's certified `openid-client`: every
 * step of the protocol is the library's, this module only feeds it and sorts its failures.
 *
 *   start:  discovery (afresh each time; kept for the callback) → a fresh state, nonce and PKCE
 *           verifier (kept by the caller in the login cookie) → the authorization URL.
 *   finish: the callback URL (rebuilt on PUBLIC_URL, the redirect URI) + the login state →
 *           authorizationCodeGrant (checks state, exchanges the code with the client secret,
 *           validates the ID token: issuer, audience, expiry, nonce, signature via JWKS) →
 *           userinfo when offered → the person's claims, or why it failed.
 *   end:    the provider's end_session_endpoint, when it has one (RP-initiated logout).
 */
import * as oidc from 'openid-client'
import type { OrganisationConfig } from '../config'
import type { UserClaims } from '../storage/IdentityRecords'
import { MAX_IDENTITY_NAME_LENGTH } from '../../shared/protocol/identity'

/** What `/auth/login` must keep until the callback. */
export interface LoginState {
  state: string
  nonce: string
  codeVerifier: string
  /** Same-origin path to land on after signing in. */
  returnTo: string
}

/** Why a sign-in did not end with a user; each has its own page text. */
export type SignInFailure =
  | 'cancelled'
  | 'provider-unreachable'
  | 'client-rejected'
  | 'invalid-id-token'
  | 'login-expired'
  | 'failed'

/** A failure with what the log line says about it (never shown to the browser). */
export interface SignInProblem {
  failure: SignInFailure
  detail: string
}

export type SignInResult = { ok: true; claims: UserClaims } | ({ ok: false } & SignInProblem)

export interface RelyingPartyOptions {
  /** How far this server's clock is off, in seconds (tests of a skewed clock). */
  clockSkewSeconds?: number
}

/** Seconds any one request to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10

export class OidcRelyingParty {
  /** Settles with the discovered configuration; reset after a failure so the next try rediscovers. */
  private discovered: Promise<oidc.Configuration> | null = null

  constructor(
    private readonly settings: OrganisationConfig,
    private readonly options: RelyingPartyOptions = {},
  ) {}

  /** The redirect URI registered at the provider. */
  get redirectUri(): string {
    return `${this.settings.publicUrl}/auth/callback`
  }

  /** Where to send the browser to sign in, and what to keep for the callback. */
  async start(
    returnTo: string,
  ): Promise<{ ok: true; url: URL; login: LoginState } | ({ ok: false } & SignInProblem)> {
    // Discovered afresh for every sign-in: a provider that went down since the last one ends
    // on our error page here, not on the browser's "site can't be reached" after the redirect.
    this.discovered = null
    const configuration = await this.configuration()
    if (!configuration.ok) return configuration
    const login: LoginState = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    }
    const url = oidc.buildAuthorizationUrl(configuration.value, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
    })
    return { ok: true, url, login }
  }

  /** Completes a sign-in from the callback's query string (`?code=…&state=…` or `?error=…`). */
  async finish(search: string, login: LoginState): Promise<SignInResult> {
    const configuration = await this.configuration()
    if (!configuration.ok) return configuration
    const callbackUrl = new URL(this.redirectUri)
    callbackUrl.search = search
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration.value, callbackUrl, {
        expectedState: login.state,
        expectedNonce: login.nonce,
        pkceCodeVerifier: login.codeVerifier,
        idTokenExpected: true,
      })
      const idClaims = tokens.claims()
      if (idClaims === undefined) return { ok: false, failure: 'failed', detail: 'no ID token' }
      let claims: Record<string, unknown> = { ...idClaims }
      if (configuration.value.serverMetadata().userinfo_endpoint !== undefined) {
        const userinfo = await oidc.fetchUserInfo(
          configuration.value,
          tokens.access_token,
          idClaims.sub,
        )
        claims = { ...userinfo, ...idClaims }
      }
      return { ok: true, claims: this.userClaims(idClaims.iss, idClaims.sub, claims) }
    } catch (error) {
      return { ok: false, ...classify(error) }
    }
  }

  /** The provider's logout URL that comes back to the home page, or null when it has none. */
  async endSessionUrl(): Promise<URL | null> {
    const configuration = await this.configuration()
    if (!configuration.ok) return null
    if (configuration.value.serverMetadata().end_session_endpoint === undefined) return null
    return oidc.buildEndSessionUrl(configuration.value, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: `${this.settings.publicUrl}/`,
    })
  }

  private async configuration(): Promise<
    { ok: true; value: oidc.Configuration } | ({ ok: false } & SignInProblem)
  > {
    this.discovered ??= this.discover()
    try {
      return { ok: true, value: await this.discovered }
    } catch (error) {
      this.discovered = null
      const problem = classify(error)
      // Whatever went wrong, the provider did not answer as a provider should.
      return { ok: false, failure: 'provider-unreachable', detail: problem.detail }
    }
  }

  private async discover(): Promise<oidc.Configuration> {
    const insecure = new URL(this.settings.issuer).protocol === 'http:'
    const configuration = await oidc.discovery(
      new URL(this.settings.issuer),
      this.settings.clientId,
      { [oidc.clockSkew]: this.options.clockSkewSeconds ?? 0 },
      oidc.ClientSecretBasic(this.settings.clientSecret),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // Plain http is only accepted for a loopback issuer (config.ts): tests and trials.
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    )
    configuration.timeout = PROVIDER_TIMEOUT_SECONDS
    return configuration
  }

  /** Our view of the person: name with fallbacks, e-mail, groups from the configured claim. */
  private userClaims(issuer: string, subject: string, claims: Record<string, unknown>) {
    const text = (key: string): string | null => {
      const value = claims[key]
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
    }
    const given = [text('given_name'), text('family_name')].filter((part) => part !== null)
    const email = text('email')
    const name =
      text('name') ??
      (given.length > 0 ? given.join(' ') : null) ??
      text('preferred_username') ??
      email ??
      subject
    return {
      issuer,
      subject,
      name: name.slice(0, MAX_IDENTITY_NAME_LENGTH),
      email,
      groups: groupsOf(
        this.settings.groupsClaim === null ? undefined : claims[this.settings.groupsClaim],
      ),
    } satisfies UserClaims
  }
}

/** A groups claim as a list of strings (a single string counts as one group). */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return []
  return value.filter((group): group is string => typeof group === 'string')
}

/** Sorts a failure of the library into what the user is told. */
function classify(error: unknown): SignInProblem {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  if (error instanceof oidc.AuthorizationResponseError) {
    return {
      failure: error.error === 'access_denied' ? 'cancelled' : 'failed',
      detail: `${error.error}: ${error.error_description ?? ''}`,
    }
  }
  if (error instanceof oidc.ResponseBodyError) {
    const rejected = error.error === 'invalid_client' || error.error === 'unauthorized_client'
    return {
      failure: rejected ? 'client-rejected' : 'failed',
      detail: `${error.status} ${error.error}`,
    }
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    // A 401 with a challenge: the token endpoint did not accept our client authentication.
    const codes = error.cause.map((challenge) => challenge.parameters.error ?? challenge.scheme)
    const rejected = error.status === 401 || codes.includes('invalid_client')
    return {
      failure: rejected ? 'client-rejected' : 'failed',
      detail: `${error.status} ${codes.join(', ')}`,
    }
  }
  if (error instanceof TypeError) return { failure: 'provider-unreachable', detail: causeOf(error) }
  if (error instanceof oidc.ClientError) {
    // openid-client words its errors generally; the cause says what exactly failed.
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const clientDetail = `${error.code ?? 'ClientError'}: ${error.message}${cause}`
    switch (error.code) {
      case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      case 'OAUTH_KEY_SELECTION_FAILED':
        return { failure: 'invalid-id-token', detail: clientDetail }
      case 'OAUTH_TIMEOUT':
      case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
      case 'OAUTH_RESPONSE_IS_NOT_JSON':
        return { failure: 'provider-unreachable', detail: clientDetail }
      case 'OAUTH_INVALID_RESPONSE':
        // A state that does not match is a stale or foreign callback: start again.
        if (clientDetail.includes('"state"'))
          return { failure: 'login-expired', detail: clientDetail }
        if (clientDetail.includes('signature')) {
          return { failure: 'invalid-id-token', detail: clientDetail }
        }
        return { failure: 'failed', detail: clientDetail }
      default:
        return { failure: 'failed', detail: clientDetail }
    }
  }
  return { failure: 'failed', detail }
}

/** "fetch failed" says little; its cause says which address refused. */
function causeOf(error: TypeError): string {
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
