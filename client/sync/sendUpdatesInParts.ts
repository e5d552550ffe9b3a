/**
 * Makes a y-websocket provider send nothing the server would refuse for its size.
 *
 * The server closes a socket (4413) that sends an update of more structs and delete ranges
 * than `MAX_UPDATE_STRUCTS`. Two things a browser sends can be that large without anyone
 * doing anything wrong: its answer to the server's sync step 1 after working offline (all
 * its offline edits at once, and a long-lived map's whole delete set), and one large
 * transaction (a paste, a template, an undo of a big delete). Both go out here as several
 * updates of at most {@link OUTGOING_STRUCT_BUDGET}, in an order the server can apply one
 * after the other (shared/protocol/splitUpdate.ts). Small ones go out as before, byte for byte.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CLIENT_UPDATE_STRUCT_BUDGET } from '../../shared/protocol/clientUpdateBudget'
import { MessageType } from '../../shared/protocol/messageTypes'
import { splitUpdate } from '../../shared/protocol/splitUpdate'

/** The most structs of one part (shared/protocol/clientUpdateBudget.ts says why). */
export const OUTGOING_STRUCT_BUDGET = CLIENT_UPDATE_STRUCT_BUDGET

/** Replaces `provider`'s sending of updates and of its sync step 2 with sending in parts. */
export function sendUpdatesInParts(
  provider: WebsocketProvider,
  budget = OUTGOING_STRUCT_BUDGET,
): void {
  const sendParts = (parts: readonly Uint8Array[]) => {
    const ws = provider.ws
    if (!provider.wsconnected || ws === null || ws.readyState !== ws.OPEN) return
    for (const part of parts) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeUpdate(encoder, part)
      ws.send(encoding.toUint8Array(encoder))
    }
  }

  provider.doc.off('update', provider._updateHandler)
  // Kept under y-websocket's name, so provider.destroy() unregisters this one.
  provider._updateHandler = (update, origin) => {
    if (origin !== provider) sendParts(splitUpdate(update, budget))
  }
  provider.doc.on('update', provider._updateHandler)

  const handleSync = provider.messageHandlers[MessageType.sync]!
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, _provider, emitSynced, type) => {
    const peek = decoding.clone(decoder)
    if (decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep1) {
      handleSync(encoder, decoder, provider, emitSynced, type)
      return
    }
    // The server's sync step 1: answer with what it lacks, in parts when that is large.
    const stateVector = decoding.readVarUint8Array(peek)
    decoder.pos = peek.pos
    const reply = Y.encodeStateAsUpdate(provider.doc, stateVector)
    const parts = splitUpdate(reply, budget)
    if (parts.length > 1) return sendParts(parts)
    // Small: the sync step 2 y-websocket would write, sent by the provider with the rest.
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, reply)
  }
}
