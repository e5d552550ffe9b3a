/**
 * The history of one room's document, end to end: automatic snapshots, versions, restoring
 * one, and erasing contacts so that no version-less trace of them survives.
 *
 * - Snapshots: a changed map is snapshotted every `snapshotIntervalMs` and when its last
 *   peer leaves (LoadedRooms). A version holds both documents of the map, assembled by the
 *   `takeVersion` hook; on a cluster an automatic one runs on one node at a time, after
 *   reading what the others stored.
 * - Restore: the document is made to hold a version's state as a new change of the peer
 *   who asked, stored and broadcast like any update.
 * - Erasure (the confidential document): contacts are deleted, listed in the erasure
 *   register and the log is rewritten as one merged row. The register goes to every peer
 *   before its sync (and again when it grows, once durable), and an update that would
 *   bring an erased contact back is refused ({@link MapHistory.bringsBackErased}).
 *   createErasureRoutes.ts is the HTTP half.
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import {
  CONFIDENTIAL_ROOT_NAMES,
  MAP_ROOT_NAMES,
  type MapDocumentName,
} from '../../shared/document/mapDocumentLayout'
import { contactsMap } from '../../shared/document/stakeholderDocument'
import {
  type ErasureRecord,
  addErasureRecords,
  erasureRegisterMap,
  readErasureRegister,
} from '../../shared/document/erasureRegister'
import { encodeErasureRegisterMessage } from '../../shared/protocol/erasureRegisterMessage'
import type { Actor, VersionKind, VersionSummary } from '../../shared/protocol/accessApi'
import { autoVersionName } from '../../shared/protocol/versionNames'
import type { MapChannel } from '../cluster/Cluster'
import type { Compactor } from './Compactor'
import type { DurableLog } from './DurableLog'
import type { LogCursor } from './LogCursor'
import type { RoomPeer } from './RoomPeer'
import { deepEqual } from './deepEqual'

/** The author of the server's automatic snapshots. */
export const SERVER_ACTOR: Actor = { name: 'Server', role: null }

/** What a version is made of besides the documents' states. */
export interface VersionInput {
  kind: VersionKind
  name: string
  createdBy: Actor
}

/** What a {@link MapHistory} works on; the room supplies it. */
export interface MapHistoryOptions {
  mapId: string
  document: MapDocumentName
  doc: Y.Doc
  logger: Logger
  channel: MapChannel | null
  /** Snapshot a changed map this often; default one hour. */
  snapshotIntervalMs?: number
  /** Stores a version of the whole map (both documents' current states). */
  takeVersion: (input: VersionInput) => Promise<VersionSummary>
  log: DurableLog
  cursor: LogCursor
  compactor: Compactor
  /** The room's connected peers (receivers of the erasure register). */
  peers: () => Iterable<RoomPeer>
  /** False once the room unloads: no more interval snapshots. */
  isOpen: () => boolean
}

/** Versions, restore and erasure of one room's document. */
export class MapHistory {
  private changed = false
  private stopped = false
  private readonly snapshotTimer: NodeJS.Timeout

  constructor(private readonly options: MapHistoryOptions) {
    if (options.document === 'confidential') {
      erasureRegisterMap(options.doc).observe(this.handleRegisterChange)
    }
    this.snapshotTimer = setInterval(
      () => {
        if (!this.changed || !options.isOpen()) return
        this.createAutomaticVersion(autoVersionName('interval')).catch((error: unknown) =>
          options.logger.error({ err: error, mapId: options.mapId }, 'snapshot failed'),
        )
      },
      options.snapshotIntervalMs ?? 60 * 60 * 1000,
    )
    this.snapshotTimer.unref()
  }

  /** True when the doc changed since the last snapshot. */
  get hasUnsnapshottedChanges(): boolean {
    return this.changed
  }

  /** Notes a change of the doc (a peer's update) for the next snapshot. */
  markChanged(): void {
    this.changed = true
  }

  /**
   * Stores a version of the map, this document and the other one (after writing what is
   * pending), e.g. a named version or an automatic one.
   */
  createVersion(input: VersionInput): Promise<VersionSummary> {
    return this.options.takeVersion(input)
  }

  /**
   * Writes what is pending and answers the document's state for a version; the document
   * counts as snapshotted from here.
   */
  async stateForVersion(): Promise<Uint8Array> {
    await this.options.log.flush()
    this.changed = false
    return Y.encodeStateAsUpdate(this.options.doc)
  }

  /**
   * An automatic snapshot by the server, after reading what other nodes stored; skipped
   * while another node snapshots or compacts this map (its snapshot holds the same rows).
   */
  async createAutomaticVersion(name: string): Promise<void> {
    const { channel, cursor } = this.options
    const take = async (): Promise<void> => {
      if (channel !== null) await cursor.catchUp()
      await this.createVersion({ kind: 'auto', name, createdBy: SERVER_ACTOR })
    }
    if (channel === null) await take()
    else if (!(await channel.runExclusive(take))) {
      this.options.logger.info(
        { mapId: this.options.mapId },
        'automatic snapshot skipped: another node is busy',
      )
    }
  }

  /**
   * Makes the document hold a version's state, as a new change by `by`: in one transaction,
   * every root map's keys set to the version's values and keys the version lacks deleted.
   * Stored and broadcast like any update. The caller takes the version of the state before.
   */
  async restoreState(state: Uint8Array, by: RoomPeer): Promise<void> {
    const { doc, document } = this.options
    const version = new Y.Doc()
    Y.applyUpdate(version, state)
    const roots: readonly string[] = document === 'map' ? MAP_ROOT_NAMES : CONFIDENTIAL_ROOT_NAMES
    doc.transact(() => {
      for (const name of roots) {
        const live = doc.getMap<unknown>(name)
        const old = version.getMap<unknown>(name)
        for (const key of [...live.keys()]) if (!old.has(key)) live.delete(key)
        old.forEach((value, key) => {
          if (sameContent(live.get(key), value)) return
          live.set(key, value instanceof Y.AbstractType ? value.clone() : value)
        })
      }
    }, by)
    version.destroy()
    await this.options.log.flush()
  }

  /**
   * Deletes contacts of one stakeholder from the live (confidential) document, lists them
   * in the erasure register (all of `records`, also those no longer in the live document)
   * and rewrites the update log as one merged update, so that no stored row holds them any
   * more. Answers the ids that were in the live document.
   */
  async eraseContacts(records: readonly ErasureRecord[], by: RoomPeer): Promise<string[]> {
    const { doc, log, cursor, compactor } = this.options
    const contacts = contactsMap(doc)
    const found = records.filter(({ stakeholderId, contactId }) => {
      const ofStakeholder = contacts.get(stakeholderId)
      return ofStakeholder instanceof Y.Map && ofStakeholder.has(contactId)
    })
    doc.transact(() => {
      for (const { stakeholderId, contactId } of found) {
        contacts.get(stakeholderId)?.delete(contactId)
      }
      addErasureRecords(doc, records)
    }, by)
    await log.flush()
    // Rows other nodes stored may hold the contact too: the merged row must cover them all.
    await cursor.catchUp()
    await log.chain(() => compactor.compact(true))
    return found.map((record) => record.contactId)
  }

  /**
   * True when applying `update` would make a contact of the erasure register live again
   * (a browser that edited it offline, or an old client): tried on a copy of the document,
   * only when there is a register, for updates that touch contacts.
   */
  bringsBackErased(update: Uint8Array): boolean {
    const { doc } = this.options
    const register = readErasureRegister(doc)
    if (register.length === 0) return false
    const probe = new Y.Doc({ gc: true })
    try {
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc))
      Y.applyUpdate(probe, update)
      const contacts = contactsMap(probe)
      return register.some(({ stakeholderId, contactId }) => {
        const ofStakeholder = contacts.get(stakeholderId)
        return ofStakeholder instanceof Y.Map && ofStakeholder.has(contactId)
      })
    } finally {
      probe.destroy()
    }
  }

  /** Sends a joining peer the register, before its sync (the confidential document only). */
  sendErasureRegister(peer: RoomPeer): void {
    if (this.options.document !== 'confidential') return
    const register = readErasureRegister(this.options.doc)
    if (register.length > 0) peer.sendErasureRegister?.(encodeErasureRegisterMessage(register))
  }

  /** The room is gone: no more snapshots or register frames. */
  stop(): void {
    this.stopped = true
    clearInterval(this.snapshotTimer)
    if (this.options.document === 'confidential') {
      erasureRegisterMap(this.options.doc).unobserve(this.handleRegisterChange)
    }
  }

  /** Sends the grown register to every peer once what changed it is durable. */
  private readonly handleRegisterChange = (): void => {
    void this.options.log.whenReceivedPersisted().then(() => {
      if (this.stopped) return
      const frame = encodeErasureRegisterMessage(readErasureRegister(this.options.doc))
      for (const peer of this.options.peers()) peer.sendErasureRegister?.(frame)
    })
  }
}

/** Deep equality of two document values, ignoring key order. */
function sameContent(a: unknown, b: unknown): boolean {
  const plain = (value: unknown): unknown =>
    value instanceof Y.AbstractType ? { type: value.constructor.name, json: value.toJSON() } : value
  return deepEqual(plain(a), plain(b))
}
