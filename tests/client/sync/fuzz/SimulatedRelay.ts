/**
 * A sync server and its sockets, simulated in memory for the binding fuzz test: the messages
 * are y-protocols' sync messages, exchanged as the y-websocket client and server exchange them.
 *
 * Flow of one connection:
 * - connect: the client sends sync step 1 (its state vector) and the server sends its own;
 *   each side answers a step 1 with step 2, the updates the other side lacks. So a peer that
 *   was offline, or whose messages were lost, catches up in both directions.
 * - A change to a peer's doc that did not come from the server is sent to the server as an
 *   update while connected; offline, it stays in the peer's doc until the next step 2.
 * - The server applies what it receives to its own replica and passes every change on to the
 *   other connected peers (our server does the same, after storing it).
 * - Each direction of a connection is a queue delivered in order, as on a socket; the test
 *   decides which queue moves next, so peers see one another's changes in random interleavings.
 * - disconnect: both queues are dropped, as messages in flight on a closing socket are lost.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** The server side: one replica of the document, relaying between connections. */
export class SimulatedServer {
  readonly doc = new Y.Doc()
  private readonly connections = new Set<RelayConnection>()

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const connection of this.connections) {
        if (connection !== origin) connection.queueToClient(updateMessage(update))
      }
    })
  }

  /** @internal Used by {@link RelayConnection}. */
  attach(connection: RelayConnection) {
    this.connections.add(connection)
  }

  /** @internal Used by {@link RelayConnection}. */
  detach(connection: RelayConnection) {
    this.connections.delete(connection)
  }
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function step1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads one sync message into `doc` with `origin`, as both ends of y-websocket do; answers
 * the reply (step 2 for a step 1), or null.
 */
function receive(doc: Y.Doc, message: Uint8Array, origin: unknown): Uint8Array | null {
  const encoder = encoding.createEncoder()
  syncProtocol.readSyncMessage(decoding.createDecoder(message), encoder, doc, origin)
  return encoding.length(encoder) > 0 ? encoding.toUint8Array(encoder) : null
}

/** One peer's socket to the server; starts disconnected. */
export class RelayConnection {
  private toServer: Uint8Array[] = []
  private toClient: Uint8Array[] = []
  private online = false

  constructor(
    private readonly server: SimulatedServer,
    private readonly clientDoc: Y.Doc,
  ) {
    clientDoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.online) this.toServer.push(updateMessage(update))
    })
  }

  get connected(): boolean {
    return this.online
  }

  /** Messages waiting in either direction. */
  get pending(): number {
    return this.toServer.length + this.toClient.length
  }

  connect() {
    if (this.online) return
    this.online = true
    this.server.attach(this)
    this.toServer.push(step1Message(this.clientDoc))
    this.toClient.push(step1Message(this.server.doc))
  }

  disconnect() {
    if (!this.online) return
    this.online = false
    this.server.detach(this)
    this.toServer = []
    this.toClient = []
  }

  /** @internal The server passes changes on through this. */
  queueToClient(message: Uint8Array) {
    if (this.online) this.toClient.push(message)
  }

  /** Delivers the oldest message to the server; false when there was none. */
  deliverToServer(): boolean {
    const message = this.toServer.shift()
    if (!message) return false
    const reply = receive(this.server.doc, message, this)
    if (reply) this.queueToClient(reply)
    return true
  }

  /** Delivers the oldest message to the peer; false when there was none. */
  deliverToClient(): boolean {
    const message = this.toClient.shift()
    if (!message) return false
    const reply = receive(this.clientDoc, message, this)
    if (reply && this.online) this.toServer.push(reply)
    return true
  }

  /** Delivers in one direction, the server's if `toServer` is false; false when it was empty. */
  deliverOne(toServer: boolean): boolean {
    return toServer ? this.deliverToServer() : this.deliverToClient()
  }
}
