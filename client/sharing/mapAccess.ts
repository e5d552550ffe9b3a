/**
 * The share tokens this browser holds, per map, and the share links built from them.
 *
 * A share link is `/m/<id>#t=<token>`: the token travels in the URL fragment, which the
 * browser never sends to the server, so it stays out of server logs and Referer headers.
 * Opening a link stores its token here and removes it from the address bar. Beside the
 * tokens sits this browser's guest session of the map (issue 18): the server's guest id and
 * name, and the session token the sockets send.
 */
import type { MapAccessResponse } from '../../shared/protocol/accessApi'
import type { Identity } from '../../shared/protocol/identity'
import { ROLES, type Role } from '../../shared/protocol/roles'

const STORAGE_KEY = 'stakeholder-canvas:access'

/** Tokens held for one map; the role of a token from a link is known once the server said. */
export interface MapAccess {
  tokens: Partial<Record<Role, string>>
  /** What the server last said about the map, to open the local copy when offline. */
  metadata?: MapAccessResponse
  /** A token opened from a link whose role the server has not told us yet. */
  unknownRoleToken?: string
  /** This browser's guest session of the map, once the server started one. */
  guest?: StoredGuestSession
}

/** A guest session as kept: who the server says this browser is, and its secret token. */
export interface StoredGuestSession {
  guest: Identity
  token: string
  /**
   * The name this person last typed and sent; a facilitator's rename is kept until they type
   * another one.
   */
  typed: string
}

type AccessBook = Record<string, MapAccess>

function load(): AccessBook {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown
    return parsed && typeof parsed === 'object' ? (parsed as AccessBook) : {}
  } catch {
    return {}
  }
}

function save(book: AccessBook) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(book))
  } catch {
    // Without storage the link still works for this visit.
  }
}

/** What this browser holds for `mapId`. */
export function accessFor(mapId: string): MapAccess {
  return load()[mapId] ?? { tokens: {} }
}

/** Stores tokens whose roles are known (from creating the map, or confirmed by the server). */
export function rememberAccess(mapId: string, tokens: Partial<Record<Role, string>>) {
  const book = load()
  const current = book[mapId] ?? { tokens: {} }
  const { unknownRoleToken, ...rest } = current
  const known = new Set(Object.values(tokens))
  book[mapId] = {
    ...rest,
    tokens: { ...current.tokens, ...tokens },
    ...(unknownRoleToken && !known.has(unknownRoleToken) && { unknownRoleToken }),
  }
  save(book)
}

/** Stores a token from a link; its role is learnt when the map opens. */
export function rememberLinkToken(mapId: string, token: string) {
  const book = load()
  const current = book[mapId] ?? { tokens: {} }
  if (Object.values(current.tokens).includes(token)) return
  book[mapId] = { ...current, unknownRoleToken: token }
  save(book)
}

/** Keeps the server's answer about a map, for opening it offline later. */
export function rememberMetadata(mapId: string, metadata: MapAccessResponse) {
  const book = load()
  book[mapId] = { ...(book[mapId] ?? { tokens: {} }), metadata }
  save(book)
}

/** Keeps (or, with null, forgets) this browser's guest session of a map. */
export function rememberGuestSession(mapId: string, session: StoredGuestSession | null) {
  const book = load()
  const { guest: _old, ...current } = book[mapId] ?? { tokens: {} }
  book[mapId] = session === null ? current : { ...current, guest: session }
  save(book)
}

/** Forgets every token of a map (e.g. after it was deleted). */
export function forgetAccess(mapId: string) {
  const book = load()
  delete book[mapId]
  save(book)
}

/** The token to use: a fresh link first (it may be a new one), else the strongest role held. */
export function bestToken(access: MapAccess): string | null {
  if (access.unknownRoleToken) return access.unknownRoleToken
  for (const role of ROLES) {
    const token = access.tokens[role]
    if (token) return token
  }
  return null
}

/** The token in a share link's fragment (`#t=...`), if any. */
export function readTokenFromLocation(location: Pick<Location, 'hash'>): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const token = params.get('t')
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null
}

/** The share link that gives `token`'s role on `mapId`. */
export function shareLink(origin: string, mapId: string, token: string): string {
  return `${origin}/m/${encodeURIComponent(mapId)}#t=${encodeURIComponent(token)}`
}
