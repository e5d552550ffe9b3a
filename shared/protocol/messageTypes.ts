/**
 * Top-level message types of the y-websocket protocol. Every binary frame starts with one
 * of these as a varuint, followed by the sub-protocol's own payload (see y-protocols).
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType]
