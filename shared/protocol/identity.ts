/**
 * Who is behind a connection or a request, as the server knows it (issue 18): a user signed
 * in with the organisation's identity provider, or a guest who came through a guest link and
 * typed a name. The server fills this in; nothing a client sends can change `kind` or `id`.
 */

/** A signed-in member of the organisation, or a guest without an account. */
export type IdentityKind = 'user' | 'guest'

/** A person as the server knows them. */
export interface Identity {
  kind: IdentityKind
  /** Server-issued: `u_…` for users, `g_…` for guests. Stable for as long as the session lasts. */
  id: string
  /** From the identity provider for users; typed by the guest (or set by a facilitator). */
  name: string
}

/** Longest display name kept, in characters; longer names are cut. */
export const MAX_IDENTITY_NAME_LENGTH = 100

/** How the server runs: open (links only, as before) or with the organisation's sign-in. */
export type AccessMode = 'open' | 'organisation'
