/**
 * A lightweight y-websocket protocol client for load generation, built on y-protocols.
 *
 * Message flow, as the published `WebsocketProvider`: on open it sends sync step 1 and its
 * awareness state; it answers the server's sync step 1 with step 2 of its own doc; the
 * server's step 2 marks it synced; local doc changes go out as sync updates. Unlike the
 * provider it never applies what it receives: the load would otherwise measure the clients'
 * Yjs work rather than the server. Every edit carries a text marker `BENCH:<sender>:<sentAt>;` in the
 * record, found in incoming update frames with one native `Buffer.indexOf`, so latency is the
 * time from the edit until its frame is read from the socket in the receiving process.
 * Its own updates only ever build on its own earlier items, which the server already has.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { RoomAddress } from '../BenchServer'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MARKER = Buffer.from('BENCH:')
const MARKER_END = 0x3b // ';'

/**
 * Text put into a record so receivers can find who sent it and when without decoding Yjs
 * (the reference server also echoes an update to its sender, which must not count).
 */
export function benchMarker(senderId: number, sentAt: number): string {
  return `BENCH:${senderId}:${sentAt.toFixed(3)};`
}

/** The sender's Yjs client id and send time in a {@link benchMarker}. */
export function parseBenchMarker(text: string): { senderId: number; sentAt: number } {
  const [senderId = '', sentAt = ''] = text.split(':')
  return { senderId: Number(senderId), sentAt: Number(sentAt) }
}

/** Called with the send time of every edit of another client that arrives. */
export type OnEditArrived = (sentAt: number) => void

/** See the file header. */
export class MinimalSyncClient {
  readonly doc = new Y.Doc()
  synced = false
  private readonly socket: WebSocket
  private readonly awareness = new awarenessProtocol.Awareness(this.doc)

  constructor(address: RoomAddress, onEditArrived: OnEditArrived) {
    const query = new URLSearchParams(address.params).toString()
    this.socket = new WebSocket(`${address.serverUrl}/${address.room}${query ? `?${query}` : ''}`)
    this.socket.binaryType = 'nodebuffer'
    this.socket.on('open', () => {
      const step1 = encoding.createEncoder()
      encoding.writeVarUint(step1, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(step1, this.doc)
      this.socket.send(encoding.toUint8Array(step1))
      this.awareness.setLocalState({ user: { name: 'Bench' } })
      const presence = encoding.createEncoder()
      encoding.writeVarUint(presence, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(
        presence,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      )
      this.socket.send(encoding.toUint8Array(presence))
    })
    this.socket.on('message', (data: Buffer) => {
      if (data[0] !== MESSAGE_SYNC) return
      const syncType = data[1]
      if (syncType === syncProtocol.messageYjsUpdate) {
        // A server may merge several edits into one frame (ours does, per committed batch):
        // every marker in the frame is an edit that arrived.
        let at = data.indexOf(MARKER)
        while (at >= 0) {
          const end = data.indexOf(MARKER_END, at)
          if (end < 0) break
          const { senderId, sentAt } = parseBenchMarker(
            data.toString('latin1', at + MARKER.length, end),
          )
          if (senderId !== this.doc.clientID) onEditArrived(sentAt)
          at = data.indexOf(MARKER, end)
        }
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        this.synced = true
      } else if (syncType === syncProtocol.messageYjsSyncStep1) {
        const decoder = decoding.createDecoder(data)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, MESSAGE_SYNC)
        syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(decoder))
        this.socket.send(encoding.toUint8Array(reply))
      }
    })
    this.doc.on('update', (update: Uint8Array) => {
      if (this.socket.readyState !== WebSocket.OPEN) return
      const message = encoding.createEncoder()
      encoding.writeVarUint(message, MESSAGE_SYNC)
      syncProtocol.writeUpdate(message, update)
      this.socket.send(encoding.toUint8Array(message))
    })
  }

  destroy(): void {
    this.awareness.destroy()
    this.socket.close()
    this.doc.destroy()
  }
}
