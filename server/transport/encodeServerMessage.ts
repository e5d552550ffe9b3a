/**
 * Encodes the frames the server sends, mirroring {@link decodeClientMessage}: sync step 1
 * (our state vector, so the client sends what we miss), sync step 2 (what the client
 * misses), sync update (a committed change of another peer) and awareness.
 */
import * as encoding from 'lib0/encoding'
import { MessageType } from '../../shared/protocol/messageTypes'

/** A frame the server sends to a client. */
export type ServerMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }

const SYNC_TYPE = { syncStep1: 0, syncStep2: 1, update: 2 } as const

/** Encodes one server message as a binary frame. */
export function encodeServerMessage(message: ServerMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  if (message.type === 'awareness') {
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, message.update)
  } else {
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, SYNC_TYPE[message.type])
    encoding.writeVarUint8Array(
      encoder,
      message.type === 'syncStep1' ? message.stateVector : message.update,
    )
  }
  return encoding.toUint8Array(encoder)
}
