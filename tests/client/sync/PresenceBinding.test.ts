/**
 * Presence as another screen shows it: someone who typed no name is published as the one
 * word "Anonymous", and a Dutch screen labels their cursor "Anoniem" (found in the issue-19
 * walk-through: the projector's cursor read "Anonymous" on the Dutch facilitator's canvas).
 */
import {
  type TLInstancePresence,
  type TLUser,
  InstancePresenceRecordType,
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  PRESENCE_FIELD,
  type ParticipantInfo,
  bindPresence,
} from '../../../client/sync/PresenceBinding'
import { nl } from '../../../client/i18n/messages.nl'
import { ANONYMOUS_NAME, shownName } from '../../../client/user/displayName'

function presenceOf(name: string, clientId: number): TLInstancePresence {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(String(clientId)),
    userId: `user:${clientId}` as TLInstancePresence['userId'],
    userName: name,
    currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
  })
}

describe('bindPresence', () => {
  it('shows a nameless person under this screen’s word for anonymous, and named people as they are', () => {
    const store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
    })
    const own = new Awareness(new Y.Doc())
    const participant = atom<ParticipantInfo>('participant', {
      userId: 'me',
      name: 'Fatima',
      color: '#000',
      role: 'facilitator',
      place: 'room',
    })
    const user = atom<TLUser | null>('user', null)
    const stop = bindPresence(store, own, user, participant, atom('offset', 0), (published) =>
      shownName(published, (key) => nl[key]),
    )

    // Two others, as their awareness states reach this screen.
    const projector = new Awareness(new Y.Doc())
    const ann = new Awareness(new Y.Doc())
    for (const [other, name] of [
      [projector, ANONYMOUS_NAME],
      [ann, 'Ann'],
    ] as const) {
      own.states.set(other.clientID, { [PRESENCE_FIELD]: presenceOf(name, other.clientID) })
      own.emit('change', [{ added: [other.clientID], updated: [], removed: [] }, 'remote'])
    }

    const names = store
      .allRecords()
      .filter((record): record is TLInstancePresence => record.typeName === 'instance_presence')
      .map((record) => record.userName)
      .sort()
    expect(names).toEqual(['Ann', 'Anoniem'])
    stop()
  })
})
