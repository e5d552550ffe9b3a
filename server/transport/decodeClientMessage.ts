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
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol/messageTypes'

/** A message from a client that passed validation. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** Result of {@link decodeClientMessage}: a message, or why the frame is not one. */
export type DecodeResult = { ok: true; message: ClientMessage } | { ok: false; reason: string }

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** Decodes and validates one frame; never throws. */
export function decodeClientMessage(frame: Uint8Array): DecodeResult {
  if (frame.byteLength === 0) return { ok: false, reason: 'empty frame' }
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (typeof message === 'string') return { ok: false, reason: message }
    if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes' }
    return { ok: true, message }
  } catch (error) {
    // lib0 and Yjs throw on truncated or malformed input.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage | string {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MessageType.sync:
      return readSyncMessage(decoder)
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder)
      const problem = checkAwarenessUpdate(update)
      return problem ?? { type: 'awareness', update }
    }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' }
    default:
      return `unknown message type ${messageType}`
  }
}

function readSyncMessage(decoder: decoding.Decoder): ClientMessage | string {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (payload.byteLength === 0) return 'empty sync payload'
  switch (syncType) {
    case SYNC_STEP_1:
      Y.decodeStateVector(payload)
      return { type: 'syncStep1', stateVector: payload }
    case SYNC_STEP_2:
      checkUpdate(payload)
      return { type: 'syncStep2', update: payload }
    case SYNC_UPDATE:
      checkUpdate(payload)
      return { type: 'update', update: payload }
    default:
      return `unknown sync message type ${syncType}`
  }
}

/**
 * Parses the whole update without applying it: Yjs would otherwise integrate the structs
 * of a frame whose delete set is truncated, and store half an update.
 */
function checkUpdate(update: Uint8Array): void {
  Y.decodeUpdate(update)
}

/** Checks an awareness update fully, so that applying it cannot fail half way. */
function checkAwarenessUpdate(update: Uint8Array): string | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    JSON.parse(decoding.readVarString(decoder))
  }
  return decoding.hasContent(decoder) ? 'trailing bytes in awareness update' : null
}
