/**
 * Top-level message types of the y-websocket protocol. Every binary frame starts with one
 * of these as a varuint, followed by the sub-protocol's own payload (see y-protocols).
 * `erasureRegister` is ours: the server sends it on the confidential socket only, before
 * sync step 1 (shared/protocol/erasureRegisterMessage.ts). `heartbeat` is ours too: sent by
 * the server to a client that asked for it, and sent back by that client
 * (shared/protocol/heartbeatMessage.ts).
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  erasureRegister: 4,
  heartbeat: 5,
} as const

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType]
