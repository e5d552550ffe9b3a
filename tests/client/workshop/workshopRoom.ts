/**
 * A workshop in memory for model tests: each person gets a real Y.Doc and a real y-protocols
 * Awareness, and every document update and awareness change one of them makes reaches all
 * the others at once (as the sync server relays them). On each doc sits what the map page
 * builds: the stakeholder registry and the WorkshopModel, with one shared test clock.
 */
import { type Atom, atom } from 'tldraw'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Role } from '../../../shared/protocol/roles'
import { StakeholderRegistry } from '../../../client/stakeholders/StakeholderRegistry'
import { type ParticipantInfo, USER_FIELD } from '../../../client/sync/PresenceBinding'
import { WorkshopModel } from '../../../client/workshop/WorkshopModel'
import { MemoryBallotBox } from './memoryBallotBox'

/** Origin of what arrives from the others, so it is not sent on again. */
const RELAYED = Symbol('relayed')

/** One person's open map. */
export interface Person {
  info: ParticipantInfo
  doc: Y.Doc
  awareness: Awareness
  registry: StakeholderRegistry
  model: WorkshopModel
  /** Origin of this person's own writes (MapConnection's `localOrigin`). */
  origin: symbol
}

/** The people of one workshop, and the server time they all share. */
export class WorkshopRoom {
  readonly people: Person[] = []
  /** Server time, in milliseconds; tests move it on. */
  readonly clock: Atom<number> = atom('test clock', 1_700_000_000_000)
  /** The server's ballot box, in memory; it writes into the first person's document. */
  readonly ballots = new MemoryBallotBox()

  /** Opens the map for a new person, who first receives what the others have. */
  join(name: string, role: Role, place: ParticipantInfo['place'] = 'room'): Person {
    const doc = new Y.Doc()
    for (const other of this.people) Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc), RELAYED)
    const awareness = new Awareness(doc)
    for (const other of this.people) {
      const everyone = [...other.awareness.getStates().keys()]
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other.awareness, everyone), RELAYED)
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAYED) return
      for (const other of this.people)
        if (other.doc !== doc) Y.applyUpdate(other.doc, update, RELAYED)
    })
    awareness.on(
      'update',
      (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === RELAYED) return
        const changed = [...changes.added, ...changes.updated, ...changes.removed]
        const update = encodeAwarenessUpdate(awareness, changed)
        for (const other of this.people) {
          if (other.awareness !== awareness) applyAwarenessUpdate(other.awareness, update, RELAYED)
        }
      },
    )
    const info: ParticipantInfo = {
      userId: `user:${name.toLowerCase()}`,
      name,
      color: '#1a73e8',
      role,
      place,
    }
    const origin = Symbol(name)
    this.ballots.writeInto(doc)
    const registry = new StakeholderRegistry(doc, origin)
    const model = new WorkshopModel({
      doc,
      origin,
      awareness,
      registry,
      self: atom('self', info),
      now: () => this.clock.get(),
      ballots: this.ballots.clientFor(info.userId, role),
    })
    const person = { info, doc, awareness, registry, model, origin }
    this.people.push(person)
    awareness.setLocalStateField(USER_FIELD, info)
    return person
  }

  /** Someone closes the page: their presence goes, their model and records stop. */
  leave(person: Person) {
    person.awareness.setLocalState(null)
    person.model.dispose()
    person.registry.dispose()
    person.awareness.destroy()
    this.people.splice(this.people.indexOf(person), 1)
  }

  close() {
    for (const person of [...this.people]) this.leave(person)
  }
}
