/**
 * The sockets of one map page in the binding fuzz: for an owner or facilitator, the map
 * document's and the confidential document's. They go offline and come back together, as a
 * browser's do; which of them delivers its next message is the fuzz's choice, so the two
 * documents' changes arrive in random interleavings.
 */
import type { RelayConnection } from './SimulatedRelay'

/** What the fuzz drives of a peer's connection: one socket, or {@link PageConnections}. */
export type PeerConnection = Pick<
  RelayConnection,
  | 'connected'
  | 'pending'
  | 'connect'
  | 'disconnect'
  | 'deliverToServer'
  | 'deliverToClient'
  | 'deliverOne'
>

/** Several sockets of one page, online and offline together. */
export class PageConnections implements PeerConnection {
  constructor(
    private readonly sockets: readonly RelayConnection[],
    /** The peer's seeded dice (see FuzzPeer's Dice). */
    private readonly dice: { chance(probability: number): boolean },
  ) {}

  get connected(): boolean {
    return this.sockets.every((socket) => socket.connected)
  }

  get pending(): number {
    return this.sockets.reduce((sum, socket) => sum + socket.pending, 0)
  }

  connect() {
    for (const socket of this.sockets) socket.connect()
  }

  disconnect() {
    for (const socket of this.sockets) socket.disconnect()
  }

  deliverToServer(): boolean {
    return this.deliverOne(true)
  }

  deliverToClient(): boolean {
    return this.deliverOne(false)
  }

  /** Delivers the oldest message in one direction of a random socket that has one. */
  deliverOne(toServer: boolean): boolean {
    const order = this.dice.chance(0.5) ? this.sockets : [...this.sockets].reverse()
    return order.some((socket) => socket.deliverOne(toServer))
  }
}
