/**
 * Signed-in users for the library tests without going through the provider: a user and a
 * session written straight into the store (the session id's SHA-256, as sign-in stores
 * it), and the `sc_session` cookie a browser would send, for fetch and for the published
 * y-websocket client's upgrade request; and a map whose people are members of every role.
 */
import { createHash, randomBytes } from 'node:crypto'
import { WebSocket } from 'ws'
import type { MapStore } from '../../../server/storage/MapStore'
import type { StoredUser } from '../../../server/storage/IdentityRecords'
import type { Role } from '../../../shared/protocol/roles'

/** Organisation-mode settings; nothing here talks to the issuer. */
export const ORGANISATION_ENV = {
  OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
  OIDC_CLIENT_ID: 'canvas',
  OIDC_CLIENT_SECRET: 'test-secret',
  PUBLIC_URL: 'http://127.0.0.1',
  OIDC_GROUPS_CLAIM: 'groups',
  ORG_ADMIN_GROUP: 'canvas-admins',
}

/** A user with a live session, and the cookie header that carries it. */
export interface SignedIn {
  user: StoredUser
  cookie: string
}

/** Stores a user (by `subject`) and a session (of an hour by default); answers the cookie. */
export async function signInDirectly(
  store: MapStore,
  subject: string,
  name: string,
  groups: string[] = [],
  lifetimeMs = 3_600_000,
): Promise<SignedIn> {
  const user = await store.identities.upsertUser({
    issuer: ORGANISATION_ENV.OIDC_ISSUER,
    subject,
    name,
    email: `${subject}@example.org`,
    groups,
  })
  const id = randomBytes(32).toString('base64url')
  const now = Date.now()
  await store.identities.createSession({
    idHash: createHash('sha256').update(id).digest(),
    userId: user.id,
    createdAt: new Date(now).toISOString(),
    idleExpiresAt: new Date(now + lifetimeMs).toISOString(),
    absoluteExpiresAt: new Date(now + lifetimeMs).toISOString(),
  })
  return { user, cookie: `sc_session=${id}` }
}

/** A WebSocket class that sends `cookie` on the upgrade, as a browser does on its own origin. */
export function cookieWebSocket(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } })
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket
}

/** A map made in organisation mode by a signed-in owner, with a member of every other role. */
export interface MemberMap {
  mapId: string
  /** The session cookie of the member of each role. */
  cookies: Record<Role, string>
}

/**
 * Makes a map as a signed-in owner and adds a facilitator, an editor and a viewer member
 * through the Members API: organisation mode has no role links, so these are the people
 * who reach the map without a guest link.
 */
export async function createMemberMap(
  httpUrl: string,
  store: MapStore,
  title = 'Test map',
): Promise<MemberMap> {
  const owner = await signInDirectly(store, 'sub-owner', 'Olga Owner')
  const created = await fetch(`${httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: owner.cookie },
    body: JSON.stringify({ title }),
  })
  if (created.status !== 201) throw new Error(`create map failed: ${created.status}`)
  const { id: mapId } = (await created.json()) as { id: string }
  const cookies: Record<Role, string> = {
    owner: owner.cookie,
    facilitator: '',
    editor: '',
    viewer: '',
  }
  for (const role of ['facilitator', 'editor', 'viewer'] as const) {
    const member = await signInDirectly(store, `sub-${role}`, `Member ${role}`)
    const added = await fetch(`${httpUrl}/api/maps/${mapId}/members/user/${member.user.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: owner.cookie },
      body: JSON.stringify({ role }),
    })
    if (added.status !== 204) throw new Error(`adding the ${role} failed: ${added.status}`)
    cookies[role] = member.cookie
  }
  return { mapId, cookies }
}
