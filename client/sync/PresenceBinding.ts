/**
 * Presence through Yjs awareness: names, colours, cursors and selections of the others.
 *
 * Message flow: this client derives its own `instance_presence` record from the store and
 * the current user (tldraw's `createPresenceStateDerivation`) and publishes it as the
 * awareness field `presence`. Every awareness change from others is turned into their
 * presence records in the store (through `mergeRemoteChanges`, so it is never undone or sent
 * back); a client that leaves or times out has its record removed.
 * A screen whose pointer never moved (a projector, someone who only watches) is published as
 * long inactive, so no one sees a cursor of it: tldraw counts a timestamp of 0 as "active
 * now" and would draw a named cursor, forever, wherever that screen's pointer happens to be.
 * Beside it, `activeAt` says when this person last did something, in the server's clock:
 * tldraw's own timestamp is 0 until the pointer first moves and is in the laptop's clock, so
 * others would call someone who just joined, or whose clock is behind, idle at once.
 */
import {
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
  InstancePresenceRecordType,
  createPresenceStateDerivation,
  react,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

/** Awareness field holding the tldraw presence record of a client. */
export const PRESENCE_FIELD = 'presence'
/** Awareness field holding the display name and colour, for non-tldraw consumers. */
export const USER_FIELD = 'user'
/** Awareness field holding the server-clock time of this person's last activity (or join). */
export const ACTIVITY_FIELD = 'activeAt'

/** Who a participant is, as others see it in the participants list. */
export interface ParticipantInfo {
  /** The presence user id (the same in tldraw's presence records). */
  userId: string
  name: string
  color: string
  role: string
  place: 'room' | 'remote' | null
  /** Guest or signed-in user, as the server knows this person (it writes it for others). */
  kind?: 'guest' | 'user' | null
}

/** The activity time of a screen that has had no input: long enough ago to count as inactive. */
const NEVER_ACTIVE = 1

/** Publishes this client's presence and mirrors everyone else's; returns a disposer. */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  user: Signal<TLUser | null>,
  participant: Signal<ParticipantInfo>,
  /** Milliseconds to add to `Date.now()` for the server's time (serverClock.ts). */
  serverClockOffset: Signal<number>,
  /** How this screen shows a published name: "Anonymous" in the screen's own language. */
  showName: (published: string) => string = (published) => published,
): () => void {
  const ownId = InstancePresenceRecordType.createId(String(awareness.clientID))
  const presence = createPresenceStateDerivation(user, { instanceId: ownId })(store)
  // Joining counts as activity.
  const joinedAt = Date.now()

  const stopPublishing = react('publish presence', () => {
    const record = presence.get()
    awareness.setLocalStateField(
      PRESENCE_FIELD,
      record && !record.lastActivityTimestamp
        ? { ...record, lastActivityTimestamp: NEVER_ACTIVE }
        : record,
    )
    awareness.setLocalStateField(USER_FIELD, participant.get())
    const lastActivity = Math.max(record?.lastActivityTimestamp ?? 0, joinedAt)
    awareness.setLocalStateField(ACTIVITY_FIELD, lastActivity + serverClockOffset.get())
  })

  const onChange = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === 'local') return
    const states = awareness.getStates()
    const toPut: TLInstancePresence[] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = states.get(clientId)?.[PRESENCE_FIELD] as TLInstancePresence | undefined
      // Store it under the id the awareness client id gives, whatever the sender claimed.
      if (record)
        toPut.push({ ...record, id: presenceIdOf(clientId), userName: showName(record.userName) })
    }
    const toRemove = removed
      .filter((clientId) => clientId !== awareness.clientID)
      .map(presenceIdOf)
      .filter((id) => store.has(id))
    if (!toPut.length && !toRemove.length) return
    store.mergeRemoteChanges(() => {
      if (toRemove.length) store.remove(toRemove)
      for (const record of toPut) {
        try {
          store.put([record])
        } catch (error) {
          console.warn('Ignored an invalid presence record', error)
        }
      }
    })
  }

  awareness.on('change', onChange)
  // Others who were already here before this client bound.
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] }, 'initial')

  return () => {
    awareness.off('change', onChange)
    stopPublishing()
    awareness.setLocalStateField(PRESENCE_FIELD, null)
    const others = store
      .allRecords()
      .filter((r) => r.typeName === 'instance_presence')
      .map((r) => r.id)
    if (others.length) store.mergeRemoteChanges(() => store.remove(others))
  }
}

function presenceIdOf(clientId: number) {
  return InstancePresenceRecordType.createId(String(clientId))
}
