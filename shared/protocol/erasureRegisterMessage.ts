/**
 * The erasure-register frame of the confidential socket: message type
 * {@link MessageType.erasureRegister}, then the register as a JSON string (ids, times and
 * names; never erased data). The server sends it first on every confidential connection,
 * before sync step 1, and again whenever the register grows, so a browser removes erased
 * contacts from its document and local copy before it sends the server anything of its own.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { type ErasureRecord, isErasureRecord } from '../document/erasureRegister'
import { MessageType } from './messageTypes'

/** Encodes the whole register as one frame. */
export function encodeErasureRegisterMessage(records: readonly ErasureRecord[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.erasureRegister)
  encoding.writeVarString(encoder, JSON.stringify(records))
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the register from a decoder positioned after the message type; malformed records
 * are left out, a malformed frame reads as an empty register.
 */
export function readErasureRegisterMessage(decoder: decoding.Decoder): ErasureRecord[] {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder))
    return Array.isArray(value) ? value.filter(isErasureRecord) : []
  } catch {
    return []
  }
}
