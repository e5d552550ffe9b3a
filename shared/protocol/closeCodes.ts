/**
 * WebSocket close codes used by the sync server, defined once for server and client.
 *
 * The y-websocket 3.1 client treats 4400–4499 as final (it stops reconnecting), so every
 * refusal that retrying cannot fix lives in that range; 1008/1009 are the standard codes
 * for policy violations and oversized messages.
 */
export const CloseCode = {
  /** Normal close (server shutting down cleanly: clients may reconnect). */
  normal: 1000,
  /** Server is going away (shutdown or restart); the client should reconnect later. */
  goingAway: 1001,
  /** A frame could not be decoded as a y-websocket message. */
  protocolError: 1002,
  /** Text frames are not part of the protocol. */
  unsupportedData: 1003,
  /** A rate or byte budget was exceeded. */
  policyViolation: 1008,
  /** A single message exceeded the configured maximum size. */
  messageTooBig: 1009,
  /** Internal error while handling a message (a bug, logged on the server). */
  internalError: 1011,
  /** The map id in the URL is not a valid id. */
  badMapId: 4400,
  /** No token, or a token that is not valid. */
  unauthorized: 4401,
  /** The token is valid but not for this map, or it was revoked. */
  forbidden: 4403,
  /** No map with this id exists. */
  mapNotFound: 4404,
  /**
   * One message costs more than the server allows: an update with more structs or deeper
   * nesting than its limits, or too large an awareness state. Sending it again would fail
   * again, so the client stops.
   */
  tooLarge: 4413,
  /** Too many connections for this map or from this address. */
  tooManyConnections: 4429,
} as const

export type CloseCodeName = keyof typeof CloseCode
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName]

/** Close codes after which a client should not try again with the same URL. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499
}
