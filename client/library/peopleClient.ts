/**
 * An organisation admin's actions on a person (organisation mode): signing them out of
 * every browser. Same-origin calls carrying the session cookie; the server checks that the
 * caller is an admin.
 */
import { type PersonSignOutResponse, personSignOutPath } from '../../shared/protocol/peopleApi'
import { errorFromResponse, unreachableError } from '../config/apiClient'

/** Ends every session of the person with our user id `userId`; answers how many ended. */
export async function signOutPerson(userId: string): Promise<number> {
  let response: Response
  try {
    response = await fetch(personSignOutPath(userId), {
      method: 'POST',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    throw unreachableError(error)
  }
  if (!response.ok) throw await errorFromResponse(response)
  return ((await response.json()) as PersonSignOutResponse).sessionsEnded
}
