/**
 * An organisation admin's actions on a person (issue 18): `POST /api/people/<userId>/sign-out`
 * ends every session of that person, in every browser, and closes their open sockets on
 * every node (4401); admins only (others 403).
 */

/** The path that signs out the person with our user id `userId`. */
export function personSignOutPath(userId: string): string {
  return `/api/people/${encodeURIComponent(userId)}/sign-out`
}

/** The answer of a person's sign-out. */
export interface PersonSignOutResponse {
  /** How many sessions it ended (0: they were not signed in anywhere). */
  sessionsEnded: number
}
