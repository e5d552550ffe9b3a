/**
 * Validates one binary frame from a y-websocket client and turns it into a typed message.
 *
 * Frame layout: `varUint messageType`, then
 * - sync (0): `varUint syncType` (0 step 1, 1 step 2, 2 update) and `varUint8Array payload`
 *   (a state vector for step 1, a Yjs update otherwise);
 * - awareness (1): `varUint8Array update` (count, then clientId, clock, JSON state each);
 * - queryAwareness (3): nothing.
 * Anything else, trailing bytes, lengths past the end of the frame, empty or undecodable
 * payloads are rejected here, so the room only ever sees well-formed data.
 *
 * Cost limits come first, before anything is decoded into objects: an update announcing
 * more structs (and delete ranges) than `maxUpdateStructs` (measureUpdate reads the counts
 * from the headers), or an awareness entry whose state is longer than `maxAwarenessBytes`,
 * is answered `tooLarge`, and the connection closes with 4413.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol/messageTypes'
import type { DecodedUpdate } from '../rooms/DecodedUpdate'
import { measureUpdate } from './measureUpdate'

/** A message from a client that passed validation. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** What one message may cost at most (the server's settings). */
export interface MessageLimits {
  /** Structs plus delete ranges of one update. */
  maxUpdateStructs: number
  /** UTF-8 bytes of one awareness state (its JSON text). */
  maxAwarenessBytes: number
}

/**
 * Result of {@link decodeClientMessage}: a message, or why the frame is not one;
 * `tooLarge` when it is well-formed as far as read but over a cost limit.
 */
export type DecodeResult =
  { ok: true; message: ClientMessage } | { ok: false; reason: string; tooLarge?: boolean }

/** Thrown inside the decoder for a frame over a limit; turned into a `tooLarge` result. */
class OverLimit extends Error {}

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** Decodes and validates one frame; never throws. */
export function decodeClientMessage(frame: Uint8Array, limits: MessageLimits): DecodeResult {
  if (frame.byteLength === 0) return { ok: false, reason: 'empty frame' }
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder, limits)
    if (typeof message === 'string') return { ok: false, reason: message }
    if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes' }
    return { ok: true, message }
  } catch (error) {
    if (error instanceof OverLimit) return { ok: false, reason: error.message, tooLarge: true }
    // lib0 and Yjs throw on truncated or malformed input.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

function readMessage(decoder: decoding.Decoder, limits: MessageLimits): ClientMessage | string {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MessageType.sync:
      return readSyncMessage(decoder, limits)
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder)
      const problem = checkAwarenessUpdate(update, limits.maxAwarenessBytes)
      return problem ?? { type: 'awareness', update }
    }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' }
    default:
      return `unknown message type ${messageType}`
  }
}

function readSyncMessage(decoder: decoding.Decoder, limits: MessageLimits): ClientMessage | string {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (payload.byteLength === 0) return 'empty sync payload'
  switch (syncType) {
    case SYNC_STEP_1:
      Y.decodeStateVector(payload)
      return { type: 'syncStep1', stateVector: payload }
    case SYNC_STEP_2:
      return { type: 'syncStep2', update: payload, decoded: checkUpdate(payload, limits) }
    case SYNC_UPDATE:
      return { type: 'update', update: payload, decoded: checkUpdate(payload, limits) }
    default:
      return `unknown sync message type ${syncType}`
  }
}

/**
 * Counts the update's structs against the limit, then parses the whole update without
 * applying it: Yjs would otherwise integrate the structs of a frame whose delete set is
 * truncated, and store half an update. The room's checks reuse the decoded structs.
 */
function checkUpdate(update: Uint8Array, limits: MessageLimits): DecodedUpdate {
  const measured = measureUpdate(update, limits.maxUpdateStructs)
  if (!measured.ok) {
    throw new OverLimit(
      `update too large: ${measured.structs} structs, limit ${limits.maxUpdateStructs}`,
    )
  }
  return Y.decodeUpdate(update)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Checks an awareness update fully, so that applying it cannot fail half way. A state's
 * length is read before the state itself: a too long one is refused undecoded.
 */
function checkAwarenessUpdate(update: Uint8Array, maxBytes: number): string | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    // A varString is a varUint8Array of UTF-8.
    const state = decoding.readVarUint8Array(decoder)
    if (state.byteLength > maxBytes) {
      throw new OverLimit(`awareness state too large: ${state.byteLength} bytes, limit ${maxBytes}`)
    }
    JSON.parse(utf8.decode(state))
  }
  return decoding.hasContent(decoder) ? 'trailing bytes in awareness update' : null
}
