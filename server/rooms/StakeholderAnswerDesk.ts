/**
 * The server's side of confirmation links (shared/protocol/confirmationLinks.ts): it reads
 * the one entry a link is for, and writes the stakeholder's answer into the map's document
 * as evidence. Both go through {@link LoadedRooms.withRoom} with a server-side peer named
 * after the link's creator, so the audit trail says whose request the answer came in on.
 *
 * Flow of an answer: the room catches up with what other nodes stored, the entry must still
 * be there; the answer is claimed in the database (one per link, atomically: of two answers
 * at once one wins), then written into the document the entry lives in (the confidential
 * document for a confidential entry) and stored before the page says thank you.
 */
import type * as Y from 'yjs'
import {
  type ConfirmationSummary,
  type StakeholderAnswer,
  confirmationSummaryOf,
} from '../../shared/confirmation/stakeholderAnswer'
import { putStakeholderAnswer } from '../../shared/document/stakeholderAnswerDocument'
import { isConfidentialEntry, readStakeholder } from '../../shared/document/stakeholderDocument'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { Actor } from '../../shared/protocol/accessApi'
import type { StoredConfirmationLink } from '../storage/ConfirmationLinkRecords'
import type { MapStore } from '../storage/MapStore'
import type { LoadedRooms } from './LoadedRooms'
import type { Room } from './Room'
import { createActionPeer } from './createActionPeer'
import type { RoomPeer } from './RoomPeer'

/** The entry a link is for, as the stakeholder may see it. */
export interface ConfirmationEntry {
  summary: ConfirmationSummary
  /** Which document holds the entry (and so its answers). */
  document: MapDocumentName
}

/** Where an entry is: its map, its stakeholder, its id. */
export type EntryAddress = Pick<StoredConfirmationLink, 'mapId' | 'stakeholderId' | 'entryId'>

/** Outcome of {@link StakeholderAnswerDesk.answer}. */
export type AnswerOutcome =
  { ok: true; answer: StakeholderAnswer } | { ok: false; reason: 'entry-gone' | 'already-answered' }

/** The peer that stands for the link's creator while the server acts on their link. */
function peerFor(createdBy: Actor): RoomPeer {
  return createActionPeer(createdBy.role ?? 'editor', `${createdBy.name} (confirmation link)`)
}

/** Reads entries for links and writes their answers, on the maps of one store. */
export class StakeholderAnswerDesk {
  constructor(
    private readonly store: MapStore,
    private readonly rooms: LoadedRooms,
  ) {}

  /** The entry `at` points to, or null when the map, the stakeholder or the entry is gone. */
  async entryOf(at: EntryAddress, createdBy: Actor): Promise<ConfirmationEntry | null> {
    const peer = peerFor(createdBy)
    const found = await this.rooms.withRoom(at.mapId, peer, async (room) => {
      await room.catchUp()
      const secret = await this.rooms.withRoom(
        at.mapId,
        peer,
        async (confidential) => {
          await confidential.catchUp()
          return entryIn(room.doc, confidential.doc, at)
        },
        'confidential',
      )
      return secret?.value ?? null
    })
    return found?.value ?? null
  }

  /** Claims the link's one answer and writes it into the entry's document. */
  async answer(
    link: StoredConfirmationLink,
    form: Pick<StakeholderAnswer, 'verdict' | 'corrections' | 'comments' | 'language'>,
    now: Date,
  ): Promise<AnswerOutcome> {
    const entry = await this.entryOf(link, link.createdBy)
    if (entry === null) return { ok: false, reason: 'entry-gone' }
    const answer: StakeholderAnswer = {
      linkId: link.id,
      stakeholderId: link.stakeholderId,
      entryId: link.entryId,
      ...form,
      answeredAt: now.toISOString(),
      askedBy: link.createdBy,
      summary: entry.summary,
    }
    if (!(await this.store.confirmationLinks.answer(link.id, answer))) {
      return { ok: false, reason: 'already-answered' }
    }
    const peer = peerFor(link.createdBy)
    const write = async (room: Room) => {
      await room.catchUp()
      room.doc.transact(() => putStakeholderAnswer(room.doc, answer), peer)
      if (!(await room.flush())) throw new Error('stakeholder answer not stored')
    }
    await this.rooms.withRoom(link.mapId, peer, write, entry.document)
    return { ok: true, answer }
  }
}

/** The link's entry in the map's two documents, or null when it is not there. */
function entryIn(doc: Y.Doc, confidential: Y.Doc, link: EntryAddress): ConfirmationEntry | null {
  const read = readStakeholder(doc, link.stakeholderId, confidential)
  if (read === null || !read.ok) return null
  const entry = read.value.engagement.log.find((each) => each.id === link.entryId)
  if (entry === undefined) return null
  return {
    summary: confirmationSummaryOf(read.value.name, entry),
    document: isConfidentialEntry(entry) ? 'confidential' : 'map',
  }
}
