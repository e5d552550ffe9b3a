/**
 * The heartbeat of a map socket, for clients that ask for it with `?heartbeat=1`: instead of
 * a WebSocket ping the server sends the frame {@link MessageType.heartbeat} (then an empty
 * payload) and the page's own code sends it back. A ping is answered by the browser's
 * network stack, also when the page can send nothing any more (Chromium's offline mode
 * holds every frame the page sends, a laptop that lost Wi-Fi may keep the socket for
 * minutes), so such a peer would stay "here" for the others. A page that sends nothing
 * back is dropped 5–8 s after its last frame (a little later than an unanswered ping, as a
 * long task in the page may hold an answer up; server/transport/Connection.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType } from './messageTypes'

/** Query parameter with which a client says it answers heartbeats. */
export const HEARTBEAT_PARAM = 'heartbeat'

/** Writes a heartbeat (type and an empty payload: y-websocket sends no one-byte answer). */
export function writeHeartbeat(encoder: encoding.Encoder): void {
  encoding.writeVarUint(encoder, MessageType.heartbeat)
  encoding.writeVarUint8Array(encoder, new Uint8Array(0))
}

/** The heartbeat frame. */
export function encodeHeartbeat(): Uint8Array {
  const encoder = encoding.createEncoder()
  writeHeartbeat(encoder)
  return encoding.toUint8Array(encoder)
}

/** Reads a heartbeat's payload from a decoder positioned after the message type. */
export function readHeartbeat(decoder: decoding.Decoder): void {
  // The payload is empty today; reading it keeps a later, longer one from failing old readers.
  decoding.readVarUint8Array(decoder)
}
