/**
 * Brings a plan's commitments and evaluations to the document its plan has just arrived in
 * (shared/document/dialogueDocument.ts, "follow their plan"): when a plan is raised to
 * confidential it arrives in the confidential document, when lowered in the map document,
 * and the server moves the records that are still in the other one, as a server-side peer.
 *
 * The server, not the client, moves evaluations, because their results are the server's
 * (checkServerWrittenElementResult.ts): a client copying them over two sockets could have its
 * copy checked after its own deletion from the other document was applied, and be refused.
 * Clients move a plan's commitments themselves (writeDialoguePlan); what they left behind is
 * moved here too. Idempotent: a record already moved is copied over itself and found gone.
 *
 * A revealed evaluation round on a moved evaluation loses its result too (its count stays).
 *
 * Reacts to plans added by peers of this node (not to what other nodes stored: they react
 * themselves). A plan arriving in the confidential document loads the map document's room if
 * needed (viewers must stop receiving the records); one arriving in the map document uses the
 * confidential document's room only when it is loaded here (the owner who lowered the plan
 * has it open; else the records stay in the confidential document, safe, until the next
 * lowering).
 */
import type * as Y from 'yjs'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  moveRecordsOfPlan,
  recordsMap,
} from '../../shared/document/dialogueDocument'
import {
  DIALOGUE_PLANS_MAP,
  FACILITATION_MAP,
  type MapDocumentName,
} from '../../shared/document/mapDocumentLayout'
import { readEvaluationRound } from '../../shared/workshop/evaluationRound'
import type { Logger } from 'pino'
import { REMOTE_ORIGIN } from './LogCursor'
import type { Room } from './Room'
import type { RoomPeer } from './RoomPeer'
import { createActionPeer } from './createActionPeer'

/**
 * A revealed evaluation round whose evaluation is now in the confidential document keeps its
 * count but no longer its result, which every role receives in `facilitation`.
 */
function withholdRoundResult(map: Y.Doc, confidential: Y.Doc, peer: RoomPeer): void {
  const facilitation = map.getMap<unknown>(FACILITATION_MAP)
  const round = readEvaluationRound(facilitation.get('evaluation'))
  if (!round?.result) return
  if (!recordsMap(confidential, DIALOGUE_EVALUATION_LAYOUT).has(round.evaluationId)) return
  const stored = facilitation.get('evaluation') as Record<string, unknown>
  map.transact(() => facilitation.set('evaluation', { ...stored, result: null }), peer)
}

/** What the mover needs of LoadedRooms. */
export interface PlanRecordRooms {
  /** The room of one of the map's documents if loaded on this node. */
  loadedRoom(mapId: string, document: MapDocumentName): Room | null
  /** Runs `action` on a room of the map, loading it if needed; null when the map is gone. */
  withRoom<T>(
    mapId: string,
    peer: RoomPeer,
    action: (room: Room) => Promise<T>,
    document: MapDocumentName,
  ): Promise<{ value: T } | null>
}

/** Moves the records of plans that arrived in a room's document (see the module). */
export class PlanRecordMover {
  /** This server's own moving peers: their writes are not arrivals to react to. */
  private readonly movers = new WeakSet<object>()

  constructor(
    private readonly rooms: PlanRecordRooms,
    private readonly logger: Logger,
  ) {}

  /** Starts following the plans added to `room`'s document; answers how to stop. */
  follow(room: Room): () => void {
    const plans = room.doc.getMap<unknown>(DIALOGUE_PLANS_MAP)
    const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
      const origin: unknown = transaction.origin
      if (origin === REMOTE_ORIGIN) return
      if (typeof origin === 'object' && origin !== null && this.movers.has(origin)) return
      const arrived = [...event.changes.keys]
        .filter(([, change]) => change.action === 'add')
        .map(([id]) => id)
      if (arrived.length === 0) return
      // After the transaction that brought them, not inside it.
      void Promise.resolve()
        .then(() => this.bring(room, arrived))
        .catch((error: unknown) =>
          this.logger.error({ err: error, mapId: room.mapId }, 'could not move plan records'),
        )
    }
    plans.observe(observer)
    return () => plans.unobserve(observer)
  }

  /** Moves the records of `planIds` from the other document into `room`'s. */
  private async bring(room: Room, planIds: readonly string[]): Promise<void> {
    if (room.isDestroyed) return
    const other: MapDocumentName = room.document === 'map' ? 'confidential' : 'map'
    const peer = createActionPeer('owner', 'Server')
    this.movers.add(peer)
    const move = async (from: Room) => {
      if (room.isDestroyed || from.isDestroyed) return 0
      let moved = 0
      for (const id of planIds) moved += moveRecordsOfPlan(from.doc, room.doc, id, peer)
      if (room.document === 'confidential') withholdRoundResult(from.doc, room.doc, peer)
      if (moved > 0) await Promise.all([room.flush(), from.flush()])
      return moved
    }
    const loaded = this.rooms.loadedRoom(room.mapId, other)
    if (loaded !== null) await move(loaded)
    else if (room.document === 'confidential') {
      await this.rooms.withRoom(room.mapId, peer, move, other)
    }
  }
}
