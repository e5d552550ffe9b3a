/** This person as tldraw's presence records show them to the others on a map. */
import { type TLUser, UserRecordType, computed, createUserId } from 'tldraw'
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
