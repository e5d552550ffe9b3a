/**
 * The y-websocket wire format, read and written in this one module (read/write pairs, in
 * the style of y-protocols' sync.js and awareness.js). The erasure-register frame is ours
 * and lives in shared/protocol/erasureRegisterMessage.ts, because the browser reads it; so does the heartbeat (shared/protocol/heartbeatMessage.ts).
 *
 * Frame layout: `varUint messageType` (shared/protocol/messageTypes.ts), then
 * - sync (0): `varUint syncType` (0 step 1, 1 step 2, 2 update) and `varUint8Array payload`
 *   (a state vector for step 1, a Yjs update otherwise);
 * - awareness (1): `varUint8Array update`, the update being `varUint count`, then per entry
 *   `varUint clientId`, `varUint clock`, `varString state` (JSON; `null` removes the client);
 * - queryAwareness (3): nothing;
 * - heartbeat (5): `varUint8Array payload` (empty), a client's answer to the server's.
 *
 * Message flow:
 *   browser ──frame──▶ Connection ─{@link readMessage}─▶ typed {@link ClientMessage} ─▶ Room
 *   Room ─▶ peer.send*() ─{@link writeMessage}─▶ frame ──▶ browser
 *   Room ─awareness update─▶ cluster ─{@link writePresenceMessage}─▶ Redis ─▶ other nodes,
 *   which {@link readPresenceMessage} it and hand the awareness update to their room.
 * Sync: the client sends step 1 and the server answers step 2 (once durable, see the room)
 * plus its own step 1; the client answers with step 2; after that both send updates.
 *
 * Reading validates: unknown types, trailing bytes, lengths past the end, empty or
 * undecodable payloads are refused, so the room only ever sees well-formed data. Cost
 * limits come first, before anything is decoded into objects: an update announcing more
 * structs (and delete ranges) than `maxUpdateStructs` (measureUpdate reads the counts from
 * the headers), or an awareness entry whose state is longer than `maxAwarenessBytes`, is
 * answered `tooLarge`, and the connection closes with 4413. What reading decoded (the
 * update's structs, the awareness entries) travels with the message, so nothing is decoded
 * twice.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol/messageTypes'
import { readHeartbeat } from '../../shared/protocol/heartbeatMessage'
import type { DecodedUpdate } from '../rooms/DecodedUpdate'
import { measureUpdate } from './measureUpdate'

/** One entry of an awareness update: a client's state, as JSON text and as parsed. */
export interface AwarenessEntry {
  client: number
  clock: number
  /** The state as JSON text, as it arrived (`null` removes the client). */
  json: string
  /** The state parsed from `json`. */
  state: unknown
}

/** A message either side sends, before it is read (see {@link ClientMessage}). */
export type WireMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** A frame the server sends to a client. */
export type ServerMessage = Exclude<WireMessage, { type: 'queryAwareness' }>

/** A Yjs update from a client, with its structs as reading decoded them. */
export type UpdateMessage = {
  type: 'syncStep2' | 'update'
  update: Uint8Array
  decoded: DecodedUpdate
}

/** An awareness update from a client, with its entries as reading decoded them. */
export type AwarenessMessage = { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }

/** A message from a client that passed validation. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | UpdateMessage
  | AwarenessMessage
  | { type: 'queryAwareness' }
  | { type: 'heartbeat' }

/** What one message may cost at most (the server's settings). */
export interface MessageLimits {
  /** Structs plus delete ranges of one update. */
  maxUpdateStructs: number
  /** UTF-8 bytes of one awareness state (its JSON text). */
  maxAwarenessBytes: number
}

/**
 * Result of {@link readMessage}: a message, or why the frame is not one; `tooLarge` when it
 * is well-formed as far as read but over a cost limit.
 */
export type ReadResult =
  { ok: true; message: ClientMessage } | { ok: false; reason: string; tooLarge?: boolean }

const SYNC_TYPE = { syncStep1: 0, syncStep2: 1, update: 2 } as const

/** Thrown inside the reader for a frame over a limit; turned into a `tooLarge` result. */
class OverLimit extends Error {}

/** Writes one message as a binary frame. */
export function writeMessage(message: WireMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  switch (message.type) {
    case 'awareness':
      encoding.writeVarUint(encoder, MessageType.awareness)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'queryAwareness':
      encoding.writeVarUint(encoder, MessageType.queryAwareness)
      break
    default:
      encoding.writeVarUint(encoder, MessageType.sync)
      encoding.writeVarUint(encoder, SYNC_TYPE[message.type])
      encoding.writeVarUint8Array(
        encoder,
        message.type === 'syncStep1' ? message.stateVector : message.update,
      )
  }
  return encoding.toUint8Array(encoder)
}

/** Reads and validates one frame from a client; never throws. */
export function readMessage(frame: Uint8Array, limits: MessageLimits): ReadResult {
  if (frame.byteLength === 0) return { ok: false, reason: 'empty frame' }
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readTypedMessage(decoder, limits)
    if (typeof message === 'string') return { ok: false, reason: message }
    if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes' }
    return { ok: true, message }
  } catch (error) {
    if (error instanceof OverLimit) return { ok: false, reason: error.message, tooLarge: true }
    // lib0 and Yjs throw on truncated or malformed input.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** Writes awareness entries as an awareness update (the layout y-protocols reads). */
export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads an awareness update fully, so that applying it cannot fail half way; throws on
 * malformed input. A state's length is read before the state itself: one longer than
 * `maxStateBytes` is refused undecoded.
 */
export function readAwarenessUpdate(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    // A varString is a varUint8Array of UTF-8.
    const bytes = decoding.readVarUint8Array(decoder)
    if (bytes.byteLength > maxStateBytes) {
      throw new OverLimit(
        `awareness state too large: ${bytes.byteLength} bytes, limit ${maxStateBytes}`,
      )
    }
    const json = utf8.decode(bytes)
    entries.push({ client, clock, json, state: JSON.parse(json) as unknown })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update')
  return entries
}

/** A presence message between cluster nodes: who sent it, what kind, and its payload. */
export interface PresenceMessage {
  node: string
  /** What the cluster means by it (an awareness update, a query for everyone's). */
  kind: number
  /** An awareness update (as written by y-protocols), or nothing. */
  payload: Uint8Array
}

/** Writes a presence message for the cluster's pub/sub channel (RedisCluster). */
export function writePresenceMessage(message: PresenceMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, message.node)
  encoding.writeVarUint(encoder, message.kind)
  encoding.writeVarUint8Array(encoder, message.payload)
  return encoding.toUint8Array(encoder)
}

/** Reads a presence message; throws on malformed input. */
export function readPresenceMessage(bytes: Uint8Array): PresenceMessage {
  const decoder = decoding.createDecoder(bytes)
  const node = decoding.readVarString(decoder)
  const kind = decoding.readVarUint(decoder)
  return { node, kind, payload: decoding.readVarUint8Array(decoder) }
}

function readTypedMessage(
  decoder: decoding.Decoder,
  limits: MessageLimits,
): ClientMessage | string {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MessageType.sync:
      return readSyncMessage(decoder, limits)
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder)
      const entries = readAwarenessUpdate(update, limits.maxAwarenessBytes)
      return { type: 'awareness', update, entries }
    }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' }
    case MessageType.heartbeat:
      readHeartbeat(decoder)
      return { type: 'heartbeat' }
    default:
      return `unknown message type ${messageType}`
  }
}

function readSyncMessage(decoder: decoding.Decoder, limits: MessageLimits): ClientMessage | string {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (payload.byteLength === 0) return 'empty sync payload'
  switch (syncType) {
    case SYNC_TYPE.syncStep1:
      Y.decodeStateVector(payload)
      return { type: 'syncStep1', stateVector: payload }
    case SYNC_TYPE.syncStep2:
      return { type: 'syncStep2', update: payload, decoded: readUpdate(payload, limits) }
    case SYNC_TYPE.update:
      return { type: 'update', update: payload, decoded: readUpdate(payload, limits) }
    default:
      return `unknown sync message type ${syncType}`
  }
}

/**
 * Counts the update's structs against the limit, then parses the whole update without
 * applying it: Yjs would otherwise integrate the structs of a frame whose delete set is
 * truncated, and store half an update. The room's checks reuse the decoded structs.
 * Every struct and delete range takes at least one byte, so an update of at most
 * `maxUpdateStructs` bytes cannot be over the limit: it is decoded without counting first
 * (counting walks every struct's content, a third pass on every edit). Should it not decode,
 * it is counted after all, so that one announcing too many structs is still `tooLarge`.
 */
function readUpdate(update: Uint8Array, limits: MessageLimits): DecodedUpdate {
  if (update.byteLength <= limits.maxUpdateStructs) {
    try {
      return Y.decodeUpdate(update)
    } catch (error) {
      // Only to tell 'too large' from malformed; the decoder's own error otherwise.
      try {
        refuseOverLimit(update, limits)
      } catch (overLimit) {
        if (overLimit instanceof OverLimit) throw overLimit
      }
      throw error
    }
  }
  refuseOverLimit(update, limits)
  return Y.decodeUpdate(update)
}

/** Throws {@link OverLimit} when `update` holds more structs than the limit. */
function refuseOverLimit(update: Uint8Array, limits: MessageLimits): void {
  const measured = measureUpdate(update, limits.maxUpdateStructs)
  if (!measured.ok) {
    throw new OverLimit(
      `update too large: ${measured.structs} structs, limit ${limits.maxUpdateStructs}`,
    )
  }
}
