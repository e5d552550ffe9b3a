/** This person as tldraw's presence records show them to the others on a map. */
import { type Signal, type TLUser, UserRecordType, computed, createUserId } from 'tldraw'
import type { Identity } from '../../shared/protocol/identity'
import { publishedName } from './displayName'
import { localUserPreferences } from './localUser'

/** The presence user id of this person, as tldraw's presence records carry it. */
export function presenceUserId(): string {
  return createUserId(localUserPreferences.get().id)
}

/** The presence user, with a placeholder name until the person typed one. */
export const presenceUser = computed<TLUser | null>('presenceUser', () => {
  const preferences = localUserPreferences.get()
  return UserRecordType.create({
    id: createUserId(preferences.id),
    name: publishedName(preferences.name),
    color: preferences.color,
  })
})

/**
 * The presence user on one map: under the server's guest id and name once known (the ids
 * the server writes into presence records, so following someone finds them), else as above.
 */
export function sessionPresenceUser(identity: Signal<Identity | null>) {
  return computed<TLUser | null>('sessionPresenceUser', () => {
    const known = identity.get()
    const preferences = localUserPreferences.get()
    if (known === null) return presenceUser.get()
    return UserRecordType.create({
      id: createUserId(known.id),
      name: known.name,
      color: preferences.color,
    })
  })
}
