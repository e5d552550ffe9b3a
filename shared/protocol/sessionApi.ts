/**
 * `GET /api/session`: how the server runs and who is signed in (issue 18). The home page
 * asks it to show "Sign in" or the user's name; in open mode the answer is always
 * `{ mode: 'open', user: null }`.
 */
import type { AccessMode } from './identity'

/** The signed-in person as the browser may see them. */
export interface SessionUser {
  /** Our id, `u_…`. */
  id: string
  /** From the identity provider. */
  name: string
  email: string | null
  /** Member of `ORG_ADMIN_GROUP`: administers the organisation. */
  isAdmin: boolean
}

/** `GET /api/session` answer (200). */
export interface SessionResponse {
  mode: AccessMode
  user: SessionUser | null
}

/** Where the sign-in routes live (links and forms of the client point here). */
export const AUTH_PATHS = {
  login: '/auth/login',
  callback: '/auth/callback',
  logout: '/auth/logout',
  logoutEverywhere: '/auth/logout-everywhere',
} as const
